/**
 * @module enterprise/forms/fill
 * Pre-fills a form from an enterprise's profile and the answers given so far, and validates it:
 * every field (and every cell of a table) gets its value, where the value came from, its errors in
 * Chinese naming the field, and — when nobody has given it — the question to ask. A constant wins
 * over an answer, an answer over the profile (the person filling in corrects what the profile says).
 *
 * Answers are keyed by field id, and by `field.row.column` for a table cell (`finance.2024.rd`, a year
 * table's row key being its year).
 */
import type { EnterpriseProfile } from '../profile.js';
import type { Rule } from '../rules/schema.js';
import { parseAnswer } from './answers.js';
import { displayValue } from './display.js';
import { questionFor, yearPhrase, type QuestionContext } from './questions.js';
import { isTable, type FieldSource, type FormColumn, type FormTemplate, type TableField, type ValueField } from './schema.js';
import { resolveSource, type SourceContext } from './sources.js';
import { validateValue } from './validate.js';
import type { FieldValue, ValueOrigin, ValueRules } from './values.js';
import { dayIn, DEFAULT_TIME_ZONE } from '../../upkeep/calendar.js';

export interface FilledValue {
  /** the field id, or `field.row.column` for a table cell: the key of its answer */
  key: string;
  /** the field's label, or the cell's (2024年销售收入) */
  label: string;
  value?: FieldValue;
  /** as written on the form; empty when missing */
  display: string;
  origin: ValueOrigin;
  /** a profile fact verified by staff */
  verified?: boolean;
  /** read from words like “三百多人”: a round figure to confirm */
  approximate?: boolean;
  required: boolean;
  errors: string[];
  /** asked while the value is missing, or when an answer could not be read */
  question?: string;
}

export interface FilledField extends FilledValue { kind: 'value'; field: ValueField }
export interface FilledRow { key: string; label: string; cells: FilledValue[] }
export interface FilledTable { kind: 'table'; key: string; field: TableField; rows: FilledRow[] }

export interface MissingValue { key: string; label: string; question: string; required: boolean; hint?: string }

export interface FilledForm {
  form: FormTemplate;
  asOf: string;
  sections: Array<{ title: string; fields: Array<FilledField | FilledTable> }>;
  /** every value by key */
  values: Map<string, FilledValue>;
  /** values nobody has given, required ones first, in form order */
  missing: MissingValue[];
  /** every validation error, in form order */
  errors: Array<{ key: string; label: string; message: string }>;
  /** nothing required is missing and nothing is wrong */
  complete: boolean;
}

export type Answers = Readonly<Record<string, unknown>>;

export interface FillOptions {
  /** YYYY-MM-DD; defaults to today in `timeZone`. Year tables and 去年 count back from its year. */
  asOf?: string;
  /** The zone's time zone for the default `asOf` (default Asia/Shanghai): the UTC date is a day behind before 8 a.m. there. */
  timeZone?: string;
  /** the eligibility rules, for `benefit` sources and derived values that classify */
  rules?: readonly Rule[];
}

interface Slot {
  key: string;
  label: string;
  rules: ValueRules;
  source: FieldSource;
  rowYear?: number;
  /** what the generated question names (研究开发费用) and what it belongs to (去年（2024年）) */
  ask: { label: string; about?: string; question?: string; hint?: string };
}

export function fillForm(form: FormTemplate, profile: EnterpriseProfile = {}, answers: Answers = {}, options: FillOptions = {}): FilledForm {
  const asOf = options.asOf ?? dayIn(options.timeZone ?? DEFAULT_TIME_ZONE);
  const sourceCtx: SourceContext = { profile, asOf, rules: options.rules ?? [] };
  const questionCtx: QuestionContext = { audience: form.audience, asOfYear: Number(asOf.slice(0, 4)) };
  const values = new Map<string, FilledValue>();
  const fillSlot = (slot: Slot): FilledValue => {
    const filled = fillOne(slot, sourceCtx, questionCtx, answers);
    values.set(filled.key, filled);
    return filled;
  };
  const sections = form.sections.map((section) => ({
    title: section.title,
    fields: section.fields.map((field): FilledField | FilledTable => {
      if (isTable(field)) return { kind: 'table', key: field.id, field, rows: tableSlots(field, questionCtx.asOfYear).map((row) => ({ key: row.key, label: row.label, cells: row.slots.map(fillSlot) })) };
      const slot: Slot = { key: field.id, label: field.label, rules: field, source: field.source, ask: { label: field.label, question: field.question ?? ('ask' in field.source ? field.source.ask : undefined), hint: field.hint } };
      return { kind: 'value', field, ...fillSlot(slot) };
    }),
  }));
  const all = [...values.values()];
  const missing = all
    .filter((v) => v.value === undefined && v.question !== undefined)
    .map((v) => ({ key: v.key, label: v.label, question: v.question!, required: v.required, ...(hintOf(form, v.key) ? { hint: hintOf(form, v.key) } : {}) }))
    .sort((a, b) => Number(b.required) - Number(a.required));
  const errors = all.flatMap((v) => v.errors.map((message) => ({ key: v.key, label: v.label, message })));
  const complete = errors.length === 0 && !all.some((v) => v.required && v.value === undefined);
  return { form, asOf, sections, values, missing, errors, complete };
}

function fillOne(slot: Slot, sourceCtx: SourceContext, questionCtx: QuestionContext, answers: Answers): FilledValue {
  const base = { key: slot.key, label: slot.label, required: slot.rules.required };
  const question = slot.ask.question ?? questionFor(slot.rules, slot.ask.label, questionCtx, slot.ask.about);
  const resolved = resolveSource(slot.source, sourceCtx, slot.rowYear);
  const isConstant = resolved.found && resolved.origin === 'constant' && !('today' in slot.source);
  const errors: string[] = [];
  if (!isConstant && Object.hasOwn(answers, slot.key)) {
    const parsed = parseAnswer(slot.rules, slot.label, answers[slot.key]);
    if (parsed.ok === true) return settle(base, parsed.value, 'answered', { approximate: parsed.approximate });
    if (parsed.ok === false) errors.push(parsed.error);
  }
  if (resolved.found) {
    const parsed = parseAnswer(slot.rules, slot.label, resolved.value);
    if (parsed.ok === true) return settle(base, parsed.value, resolved.origin, { verified: resolved.verified, errors });
    if (parsed.ok === false) errors.push(parsed.error);
  }
  return { ...base, display: '', origin: 'missing', errors, question };

  function settle(b: typeof base, value: FieldValue, origin: ValueOrigin, extra: { verified?: boolean; approximate?: boolean; errors?: string[] }): FilledValue {
    const problems = [...(extra.errors ?? []), ...validateValue(slot.rules, slot.label, value)];
    return {
      ...b,
      value,
      display: displayValue(slot.rules.type, value),
      origin,
      ...(extra.verified ? { verified: true } : {}),
      ...(extra.approximate ? { approximate: true } : {}),
      errors: problems,
      // a wrong value is asked again
      ...(problems.length > 0 && origin !== 'constant' ? { question } : {}),
    };
  }
}

/** The rows of a table and each cell's slot: a year table's rows are the last N full years, oldest first. */
function tableSlots(field: TableField, asOfYear: number): Array<{ key: string; label: string; slots: Slot[] }> {
  const cell = (rowKey: string, rowLabel: string, col: FormColumn, source: FieldSource, rowYear?: number, about?: string): Slot => ({
    key: `${field.id}.${rowKey}.${col.id}`,
    label: `${rowLabel}${col.label}`,
    rules: { ...col, unit: col.unit ?? field.unit },
    source,
    ...(rowYear !== undefined ? { rowYear } : {}),
    ask: {
      label: rowYear !== undefined ? col.label : `${rowLabel}${col.label}`,
      ...(about !== undefined ? { about } : {}),
      ...(col.question ? { question: col.question.replaceAll('{year}', rowLabel).replaceAll('{row}', rowLabel) } : {}),
    },
  });
  const rows = field.rows;
  if (!Array.isArray(rows)) {
    const years = Array.from({ length: rows.lastYears }, (_, i) => asOfYear - rows.lastYears + i);
    return years.map((year) => ({
      key: String(year),
      label: `${year}年`,
      slots: field.columns.map((col) => cell(String(year), `${year}年`, col, col.source!, year, yearPhrase(year, asOfYear))),
    }));
  }
  return rows.map((row) => ({
    key: row.id,
    label: row.label,
    slots: field.columns.map((col) => cell(row.id, row.label, col, row.cells?.[col.id] ?? col.source!)),
  }));
}

function hintOf(form: FormTemplate, key: string): string | undefined {
  const id = key.split('.')[0];
  for (const section of form.sections) for (const field of section.fields) if (field.id === id) return field.hint;
  return undefined;
}

/**
 * @module enterprise/forms/answers
 * Reads an answer given in conversation or typed in the portal into a field's value: numbers in
 * words (三百多人, 八千万), dates as people write them (2016年3月8日), an option named in a sentence,
 * 是/否 in its many forms. An answer that cannot be read says why, naming the field.
 */
import { parseDate } from '../../ingestion/dates.js';
import type { FieldValue, ValueRules } from './values.js';
import { parseQuantity, parseYesNo } from './spoken-numbers.js';

export type ParsedAnswer = { ok: true; value: FieldValue; approximate?: boolean } | { ok: false; error: string } | { ok: 'empty' };

export function parseAnswer(rules: ValueRules, label: string, raw: unknown): ParsedAnswer {
  if (raw === undefined || raw === null) return { ok: 'empty' };
  if (typeof raw === 'string' && raw.trim() === '') return { ok: 'empty' };
  if (Array.isArray(raw) && raw.length === 0) return { ok: 'empty' };
  const said = Array.isArray(raw) ? raw.map(String).join('、') : String(raw).trim();
  switch (rules.type) {
    case 'number': {
      if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false, error: `“${label}”应填写数字` };
      const quantity = parseQuantity(said, rules.unit);
      return quantity ? { ok: true, value: quantity.value, approximate: quantity.approximate } : { ok: false, error: `“${label}”应填写数字，“${said}”里没有看出数字` };
    }
    case 'date': {
      const date = parseDate(said);
      return date ? { ok: true, value: date } : { ok: false, error: `“${label}”应填写日期，如2016年3月8日，“${said}”不是完整的日期` };
    }
    case 'checkbox': {
      const yes = typeof raw === 'boolean' ? raw : parseYesNo(said);
      return yes === undefined ? { ok: false, error: `“${label}”请回答“是”或“否”` } : { ok: true, value: yes };
    }
    case 'choice':
      return parseChoice(rules.options ?? [], rules.aliases ?? {}, rules.multiple === true, label, raw, said);
    default:
      // 6230 0000 1234 5678, 138 0000 1234: identifiers are said and typed in groups
      if ((rules.format || rules.pattern) && /^[0-9A-Za-z\s]+$/.test(said)) return { ok: true, value: said.replace(/\s+/g, '') };
      return { ok: true, value: said };
  }
}

function parseChoice(options: string[], aliases: Record<string, string>, multiple: boolean, label: string, raw: unknown, said: string): ParsedAnswer {
  const listed = `可选：${options.join('、')}`;
  // 是/否 choices read 不是, 没有, 享受了 … as yes/no (不是 holds 是, but means 否)
  if (options.includes('是') && options.includes('否')) {
    const yes = typeof raw === 'boolean' ? raw : parseYesNo(said);
    if (yes !== undefined) return { ok: true, value: yes ? '是' : '否' };
  }
  const parts = Array.isArray(raw) ? raw.map(String) : [said];
  const chosen: string[] = [];
  for (const part of parts) {
    const exact = options.find((o) => o === part.trim());
    // the option named in a sentence (“我们是有限责任公司”), or a short answer naming one option (“有限”)
    const aliased = Object.entries(aliases).filter(([word]) => part.includes(word)).map(([, option]) => option);
    const named = exact ? [exact] : [...new Set([...options.filter((o) => part.includes(o)), ...aliased])];
    const within = named.length > 0 ? named : options.filter((o) => part.trim().length >= 2 && o.includes(part.trim()));
    if (within.length === 0) return { ok: false, error: `“${label}”没有“${part}”这一项，${listed}` };
    if (!multiple && within.length > 1) {
      // the longest option named wins (有限责任公司 over 公司); still ambiguous otherwise
      const longest = within.filter((o) => !within.some((p) => p !== o && p.includes(o)));
      if (longest.length !== 1) return { ok: false, error: `“${label}”只能选一项，“${part}”对应了${longest.join('、')}` };
      chosen.push(longest[0]!);
    } else chosen.push(...within);
  }
  const unique = [...new Set(chosen)];
  if (!multiple) return unique.length === 1 ? { ok: true, value: unique[0]! } : { ok: false, error: `“${label}”只能选一项，${listed}` };
  return { ok: true, value: options.filter((o) => unique.includes(o)) };
}

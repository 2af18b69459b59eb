/**
 * @module enterprise/forms/layout
 * A filled form laid out as the official forms are: a centred title, then per section a bordered
 * grid of “项目 | 内容 | 项目 | 内容” cells (a wide field takes a whole row), tables with their own
 * header row, and the declaration and signature lines. DOCX and PDF draw this same layout, so the
 * two files show the same form.
 */
import type { TableField, ValueField } from './schema.js';
import type { FilledField, FilledForm, FilledTable, FilledValue } from './fill.js';

export type CellRole = 'label' | 'value' | 'header' | 'caption';
export interface LayoutCell { text: string; span: number; role: CellRole }
/** Column widths are shares of the text width (they add up to 1). */
export interface LayoutGrid { kind: 'grid'; widths: number[]; rows: LayoutCell[][] }
export type LayoutBlock =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | LayoutGrid;

/** ■ and □ are in every CJK font (☑/☐ are not in Noto Sans CJK). */
export const CHECKED = '■';
export const UNCHECKED = '□';

const FIELD_WIDTHS = [0.21, 0.29, 0.21, 0.29];
/** a wide field whose label is longer than this takes half the row for it */
const LONG_LABEL = 11;

export function labelWithUnit(label: string, unit?: string): string {
  return unit ? `${label}（${unit}）` : label;
}

/** A value as the form shows it: options with their boxes ticked, yes/no boxes, or the text. */
export function cellText(field: Pick<ValueField, 'type' | 'options'>, filled: FilledValue): string {
  if (field.type === 'choice' && field.options) {
    const chosen = new Set(Array.isArray(filled.value) ? filled.value : filled.value === undefined ? [] : [String(filled.value)]);
    return field.options.map((o) => `${chosen.has(o) ? CHECKED : UNCHECKED}${o}`).join('　');
  }
  if (field.type === 'checkbox') {
    if (filled.value === undefined) return `${UNCHECKED}是　${UNCHECKED}否`;
    return filled.value === true ? `${CHECKED}是　${UNCHECKED}否` : `${UNCHECKED}是　${CHECKED}否`;
  }
  return filled.display;
}

export function layoutForm(filled: FilledForm): LayoutBlock[] {
  const { form } = filled;
  const blocks: LayoutBlock[] = [{ kind: 'title', text: form.title }];
  if (form.subtitle) blocks.push({ kind: 'subtitle', text: form.subtitle });
  for (const line of [form.issuer, form.reference ? `依据：${form.reference}` : undefined]) if (line) blocks.push({ kind: 'note', text: line });
  if (form.instructions) blocks.push({ kind: 'paragraph', text: `填表说明：${form.instructions}` });
  for (const section of filled.sections) {
    blocks.push({ kind: 'heading', text: section.title });
    let grid: LayoutGrid | undefined;
    let pending: LayoutCell[] = [];
    const flushRow = (): void => {
      if (pending.length === 0) return;
      // a lone half-row field stretches over the empty half
      if (pending.length === 2) pending[1] = { ...pending[1]!, span: 3 };
      grid ??= { kind: 'grid', widths: FIELD_WIDTHS, rows: [] };
      grid.rows.push(pending);
      pending = [];
    };
    const flushGrid = (): void => {
      flushRow();
      if (grid) blocks.push(grid);
      grid = undefined;
    };
    for (const item of section.fields) {
      if (item.kind === 'table') {
        flushGrid();
        blocks.push(tableGrid(item));
        continue;
      }
      const cells = fieldCells(item);
      if (item.field.wide) {
        flushRow();
        grid ??= { kind: 'grid', widths: FIELD_WIDTHS, rows: [] };
        grid.rows.push(cells);
      } else {
        pending.push(...cells);
        if (pending.length === 4) flushRow();
      }
    }
    flushGrid();
  }
  for (const line of form.footer ?? []) blocks.push({ kind: 'paragraph', text: line });
  return blocks;
}

function fieldCells(item: FilledField): LayoutCell[] {
  const { field } = item;
  const label = labelWithUnit(field.label, field.unit);
  const long = field.wide === true && [...label].length > LONG_LABEL;
  return [
    { text: label, span: long ? 2 : 1, role: 'label' },
    { text: cellText(field, item), span: field.wide ? (long ? 2 : 3) : 1, role: 'value' },
  ];
}

function tableGrid(item: FilledTable): LayoutGrid {
  const field: TableField = item.field;
  const n = field.columns.length;
  const first = n >= 4 ? 0.16 : 0.3;
  const widths = [first, ...field.columns.map(() => (1 - first) / n)];
  const caption = `${field.label}${field.unit ? `（单位：${field.unit}）` : ''}`;
  return {
    kind: 'grid',
    widths,
    rows: [
      [{ text: caption, span: n + 1, role: 'caption' }],
      [{ text: field.rowHeader, span: 1, role: 'header' }, ...field.columns.map((c): LayoutCell => ({ text: labelWithUnit(c.label, c.unit !== field.unit ? c.unit : undefined), span: 1, role: 'header' }))],
      ...item.rows.map((row) => [
        { text: row.label, span: 1, role: 'label' as const },
        ...row.cells.map((cell, i): LayoutCell => ({ text: cellText(field.columns[i]!, cell), span: 1, role: 'value' })),
      ]),
    ],
  };
}

/** Every text the layout shows, in order (for tests and plain-text previews). */
export function layoutText(blocks: readonly LayoutBlock[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'grid' ? b.rows.flatMap((r) => r.map((c) => c.text)) : [b.text]));
}


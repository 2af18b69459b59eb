/**
 * @module enterprise/profiles/sheet-cells
 * A spreadsheet cell as a fact's value: numbers as numbers (`1,200` too), 是/否 as true/false,
 * dates as YYYY-MM-DD (an Excel date, `2021/6/30`, `2021年6月30日`). What cannot be read is
 * passed on as written, so that the profile's validation names the problem and the column.
 */
import type { Unit } from '../profile-fields.js';

const YES = new Set(['是', '有', 'true', 'yes', 'y', '1', '√', '✓']);
const NO = new Set(['否', '无', '没有', 'false', 'no', 'n', '0', '×']);

/** The plain value of an exceljs cell: a formula's result, rich text's text, a hyperlink's text. */
export function plainCell(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date || typeof value !== 'object') return value;
  const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown };
  if ('result' in v) return plainCell(v.result);
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if (v.text !== undefined) return plainCell(v.text);
  return undefined;
}

/** The value a cell gives a fact of `unit`; undefined for an empty cell (nothing to change). */
export function cellValue(raw: unknown, unit: Unit): unknown {
  const value = plainCell(raw);
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  switch (unit) {
    case 'money':
    case 'people':
    case 'items':
    case 'years':
    case 'points':
    case 'percent':
      return toNumber(value);
    case 'yes-no':
      return toBoolean(value);
    case 'date':
      return toDay(value);
    default:
      return value instanceof Date ? day(value) : String(value).trim().toUpperCase();
  }
}

function toNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.replace(/[,，\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : value;
}

function toBoolean(value: unknown): unknown {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  return YES.has(text) ? true : NO.has(text) ? false : value;
}

function toDay(value: unknown): unknown {
  if (value instanceof Date) return day(value);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(String(value).trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : value;
}

/** exceljs reads a date cell as midnight UTC of that day. */
const day = (d: Date) => d.toISOString().slice(0, 10);

/** How a value is written into an exported cell. */
export function exportCell(value: unknown): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * @module ingestion/dates
 * Dates as Chinese documents and spreadsheets write them, turned into the `YYYY-MM-DD` the item
 * model stores.
 */
import { toHalfWidth } from './chars.js';

const DATE_FIELDS = ['issueDate', 'effectiveDate', 'expiryDate', 'date', 'reviewDate'] as const;

/** `2024年3月5日`, `2024-03-05`, `2024.3.5`, `2024/3/5`, `二〇二四年三月五日` → `2024-03-05`. */
export function parseDate(text: string): string | undefined {
  const s = toHalfWidth(text).trim();
  let m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?/.exec(s) ?? /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/.exec(s);
  if (m) return isoDate(chineseDigits(m[1]!), chineseNumber(m[2]!), chineseNumber(m[3]!));
  return undefined;
}

/** A YAML or spreadsheet Date: the calendar day it names, read in UTC as YAML writes it. */
export function dateToIso(date: Date): string | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

/**
 * Puts the date fields of a raw record into `YYYY-MM-DD` where they can be read; anything else
 * is left as it is, for validation to name.
 */
export function normaliseDateFields(record: Record<string, unknown>): Record<string, unknown> {
  const out = { ...record };
  for (const field of DATE_FIELDS) {
    const value = out[field];
    if (value instanceof Date) out[field] = dateToIso(value) ?? value;
    else if (typeof value === 'string' && value.trim() === '') delete out[field];
    else if (typeof value === 'string') out[field] = parseDate(value) ?? value;
  }
  return out;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined; // 2月30日
  return date.toISOString().slice(0, 10);
}

const DIGITS: Record<string, number> = { '〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };

/** 二〇二四 → 2024: years are written digit by digit. */
function chineseDigits(text: string): number {
  return Number([...text].map((ch) => DIGITS[ch] ?? 0).join(''));
}

/** 十二 → 12, 二十三 → 23, 三十 → 30: months and days are written as numbers. */
function chineseNumber(text: string): number {
  const [tens, ones] = text.split('十');
  if (ones === undefined) return DIGITS[text] ?? 0;
  return (tens ? (DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (DIGITS[ones] ?? 0) : 0);
}

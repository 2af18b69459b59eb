/**
 * @module enterprise/forms/display
 * A value as it is written on the form: 4120, 5.23, 2016年3月8日, 是, 有限责任公司、私营企业.
 */
import type { FieldValue } from './values.js';

export function displayNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export function displayDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

export function displayValue(type: string, value: FieldValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return displayNumber(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.join('、');
  return type === 'date' ? displayDate(value) : value;
}

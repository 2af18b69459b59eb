/**
 * @module enterprise/rules/format
 * Numbers in the words of the published criteria: money in 万元/亿元, shares in %, people, items,
 * years and points; and the shortfall between a value and its requirement (“还差 1.2 个百分点”).
 */
import type { Unit } from '../profile-fields.js';

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

export function formatAmount(v: number, unit: Unit): string {
  if (!Number.isFinite(v)) return '无';
  switch (unit) {
    case 'money':
      return Math.abs(v) >= 10000 ? `${round(v / 10000, 4)}亿元` : `${round(v, 2)}万元`;
    case 'percent':
      return `${round(v * 100, 2)}%`;
    case 'people':
      return `${round(v, 0)}人`;
    case 'items':
      return `${round(v, 0)}项`;
    case 'years':
      return `${round(v, 1)}年`;
    case 'points':
      return `${round(v, 1)}分`;
    default:
      return String(round(v, 2));
  }
}

/** How far a value is from a bound it must reach (gap > 0), in the unit's words. */
export function formatGap(gap: number, unit: Unit): string {
  if (unit === 'percent') return `${round(gap * 100, 2)} 个百分点`;
  if (unit === 'years') return `${round(gap, 2)}年`;
  return formatAmount(gap, unit);
}

export function formatValue(value: number | boolean | string, unit: Unit): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return value;
  return formatAmount(value, unit);
}

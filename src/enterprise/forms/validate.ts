/**
 * @module enterprise/forms/validate
 * Checks one value against its field's rules. Every message is Chinese and names the field, so a
 * list of them can be shown as it is: “职工总数”应为整数.
 */
import { formatProblem } from './formats.js';
import type { FieldValue, ValueRules } from './values.js';

export function validateValue(rules: ValueRules, label: string, value: FieldValue): string[] {
  const errors: string[] = [];
  const name = `“${label}”`;
  if (rules.type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return [`${name}应填写数字`];
    if (rules.integer && !Number.isInteger(value)) errors.push(`${name}应为整数`);
    if (rules.min !== undefined && value < rules.min) errors.push(rules.min === 0 ? `${name}不能为负数` : `${name}不能小于${rules.min}`);
    if (rules.max !== undefined && value > rules.max) errors.push(`${name}不能大于${rules.max}`);
    return errors;
  }
  if (rules.type === 'checkbox') return typeof value === 'boolean' ? [] : [`${name}应为“是”或“否”`];
  if (rules.type === 'date') {
    const ok = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(value).toISOString().startsWith(value);
    return ok ? [] : [`${name}不是有效日期`];
  }
  if (rules.type === 'choice') {
    const chosen = Array.isArray(value) ? value : [String(value)];
    if (!rules.multiple && chosen.length > 1) errors.push(`${name}只能选一项`);
    for (const c of chosen) if (!rules.options?.includes(c)) errors.push(`${name}没有“${c}”这一项，可选：${rules.options?.join('、')}`);
    return errors;
  }
  const text = String(value);
  if (rules.maxLength !== undefined && [...text].length > rules.maxLength) errors.push(`${name}最多${rules.maxLength}个字，这里有${[...text].length}个字`);
  if (rules.pattern && !new RegExp(rules.pattern.regex, 'u').test(text)) errors.push(`${name}${rules.pattern.message}`);
  if (rules.format) {
    const problem = formatProblem(rules.format, text);
    if (problem) errors.push(`${name}${problem}`);
  }
  return errors;
}

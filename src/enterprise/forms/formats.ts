/**
 * @module enterprise/forms/formats
 * Checks for the identifiers forms ask for. Each returns what is wrong in Chinese, naming the
 * field, or undefined when the value is fine.
 */
import { creditCodeProblem } from '../credit-code.js';
import type { FieldFormat } from './schema.js';

/** GB 11643-1999: weights 2^(17-i) mod 11 over the first 17 digits; check character 1,0,X,9…2. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idCardProblem(input: string): string | undefined {
  const id = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return `应为18位（前17位是数字，最后一位是数字或X），这里是${id.length}位`;
  const birth = id.slice(6, 14);
  const date = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  if (Number.isNaN(Date.parse(date)) || !new Date(date).toISOString().startsWith(date)) return `第7至14位的出生日期${birth}不是有效日期`;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  const expected = ID_CHECK[sum % 11];
  if (id[17] !== expected) return `校验位不符（按前17位算应为“${expected}”），请核对是否抄错`;
  return undefined;
}

const CHECKS: Record<FieldFormat, (value: string) => string | undefined> = {
  'credit-code': (v) => creditCodeProblem(v)?.replace(/^统一社会信用代码/, ''),
  'id-card': idCardProblem,
  mobile: (v) => (/^1[3-9]\d{9}$/.test(v.replace(/[\s-]/g, '')) ? undefined : '应为11位手机号码'),
  phone: (v) => (/^(?:0\d{2,3}-?)?\d{7,8}(?:-\d{1,5})?$|^1[3-9]\d{9}$/.test(v.replace(/\s/g, '')) ? undefined : '应为固定电话（如0000-12345678）或11位手机号码'),
  email: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? undefined : '不是有效的电子邮箱地址'),
  postcode: (v) => (/^\d{6}$/.test(v) ? undefined : '应为6位数字'),
};

export function formatProblem(format: FieldFormat, value: string): string | undefined {
  return CHECKS[format](value);
}

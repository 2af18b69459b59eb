/**
 * @module enterprise/credit-code
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters — registering
 * authority (1), kind of entity (1), administrative division (6 digits), the entity's organisation
 * code (9), and a check character computed over the first 17.
 *
 * Written by hand: no maintained npm package validates it (the registry's Chinese ID validators
 * cover personal ID cards only), and the check is the standard's dozen lines — a dependency for it
 * would cost more to vet than to read.
 */

/** The 31 characters the standard allows: digits and capitals without I, O, S, V, Z. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weight of position i is 3^i mod 31 (GB 32100-2015, 附录). */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or undefined when one is not allowed. */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const code = CHARSET.indexOf(first17[i] ?? '?');
    if (code < 0) return undefined;
    sum += code * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** Why a code is not a valid unified social credit code (in Chinese), or undefined when it is. */
export function creditCodeProblem(input: string): string | undefined {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return `统一社会信用代码应为18位，这里是${code.length}位`;
  const bad = [...code].find((c) => !CHARSET.includes(c));
  if (bad !== undefined) return `统一社会信用代码不能含有字符“${bad}”（只用数字和除 I、O、S、V、Z 以外的大写字母）`;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '统一社会信用代码第3至8位应为行政区划代码（6位数字）';
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return `统一社会信用代码校验位不符（按前17位算应为“${expected}”），请核对是否抄错`;
  return undefined;
}

export function isValidCreditCode(input: string): boolean {
  return creditCodeProblem(input) === undefined;
}

/**
 * @module language/redact
 * Takes personal data out of what people typed before it is stored: mainland mobile numbers,
 * landlines, resident ID numbers, e-mail addresses, unified social credit codes, bank card
 * numbers, passport and travel permit numbers, and the house number of a street address become
 * placeholders such as `[手机号]`. The log is for seeing what people ask, never who asked. Every
 * stored text a person or a clerk typed goes through `redact`: the question log, conversation
 * state, feedback comments and counter notes.
 *
 * @example redact('我的手机13812345678') // '我的手机[手机号]'
 */
import { ADDRESS_RULES, ADDRESS_PLACEHOLDER } from './redact-address.js';
import { DOCUMENT_PLACEHOLDERS, DOCUMENT_RULES } from './redact-documents.js';

export const PLACEHOLDERS = {
  email: '[邮箱]',
  idNumber: '[身份证号]',
  creditCode: '[信用代码]',
  bankCard: '[银行卡号]',
  mobile: '[手机号]',
  landline: '[电话]',
  ...DOCUMENT_PLACEHOLDERS,
  address: ADDRESS_PLACEHOLDER,
} as const;

// Digits and Latin letters on either side mean the match is part of something longer.
const B = '(?<![0-9A-Za-z])';
const E = '(?![0-9A-Za-z])';

type Rule = readonly [RegExp, string | ((match: string, ...groups: string[]) => string)];

/** Applied in order: the longer, more specific forms first, so a shorter one never eats part of them. */
const RULES: readonly Rule[] = [
  [/[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, PLACEHOLDERS.email],
  // 6-digit area, birth date (18xx–20xx), 3-digit sequence, check digit or X.
  [
    new RegExp(`${B}\\d{6}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]${E}`, 'g'),
    PLACEHOLDERS.idNumber,
  ],
  // GB 32100: 18 characters of digits and capitals without I, O, S, V, Z.
  [new RegExp(`${B}[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}${E}`, 'gi'), PLACEHOLDERS.creditCode],
  // 13–19 digits, together or in groups (4-4-4-4, 4-6-5, 6-13) split by single spaces or dashes,
  // that pass the Luhn check every card scheme uses; a long number that fails it (an order
  // number) stays. Groups of at least 3 digits, so that a date and a phone never join into one.
  [new RegExp(`${B}(?:\\d{13,19}|\\d{4,6}(?:[ -]\\d{3,13}){1,4})${E}`, 'g'), bankCardOrAsIs],
  ...DOCUMENT_RULES,
  // 1[3-9]x xxxx xxxx, optionally +86, written together or in 3-4-4 groups.
  [new RegExp(`(?:(?<![0-9A-Za-z+])\\+?86[ -]?|${B})1[3-9]\\d(?:[ -]?\\d{4}){2}(?!\\d)`, 'g'), PLACEHOLDERS.mobile],
  // Area code 0xx / 0xxx (optionally in brackets) + a 7–8 digit number, optionally an extension.
  [/(?<!\d)(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3})[ -]?[2-9]\d{6,7}(?:(?:-|转)\d{1,6})?(?!\d)/g, PLACEHOLDERS.landline],
  // A local number alone: 7–8 digits not starting with 0 or 1, unless a unit follows (an amount, a year).
  [/(?<![0-9A-Za-z.,-])[2-9]\d{6,7}(?![\d.,%％]|\s*[年月日号元万亿千百个次人户家岁天]|\s*平方)/g, PLACEHOLDERS.landline],
  ...ADDRESS_RULES,
];

/** `text` with every personal number and address replaced by its placeholder. */
export function redact(text: string): string {
  let result = toHalfWidthAlphanumerics(text);
  for (const [pattern, replacement] of RULES) {
    result = typeof replacement === 'string' ? result.replace(pattern, replacement) : result.replace(pattern, replacement);
  }
  return result;
}

/** Whether `text` carries a placeholder that `redact` put there. */
export function hasRedaction(text: string): boolean {
  return Object.values(PLACEHOLDERS).some((p) => text.includes(p));
}

function bankCardOrAsIs(match: string): string {
  const digits = match.replace(/\D/g, '');
  // 86 + a mobile number is 13 digits too; one in ten of them passes the check by chance.
  if (/^861[3-9]\d{9}$/.test(digits)) return match;
  return digits.length >= 13 && digits.length <= 19 && luhnValid(digits) ? PLACEHOLDERS.bankCard : match;
}

/**
 * The Luhn (mod 10) check of ISO/IEC 7812 card numbers. Written here rather than taken from a
 * package: it is six lines, and the npm ones are tiny single-maintainer packages.
 */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Full-width digits, letters, @ + - . (typed with a Chinese input method) as ASCII, so that the
 * rules see them; the rest of the text is left exactly as typed.
 */
function toHalfWidthAlphanumerics(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ＠＋－．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

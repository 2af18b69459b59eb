/**
 * @module speech/numbers
 * Arabic numerals as a person says them in Mandarin: as an amount (10500 → 一万零五百, 2 before a
 * measure word → 两), or digit by digit (years, phone and room numbers; 1 as 幺 where people say it).
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const SMALL_UNITS = ['', '十', '百', '千'] as const;
const BIG_UNITS = ['', '万', '亿', '万亿'] as const;

/** The longest integer read as an amount; longer ones are read digit by digit (a code, not a count). */
export const MAX_AMOUNT_DIGITS = 16;

/** A group of up to four digits (0–9999) with 千百十, zeros collapsed; '' for 0. */
function group(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + SMALL_UNITS[place]!;
  }
  return out;
}

/**
 * A whole number as an amount: `amount('10500')` → 一万零五百, `amount('12')` → 十二 (not 一十二).
 * Leading zeros are dropped; more than MAX_AMOUNT_DIGITS digits are read digit by digit.
 */
export function amount(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  if (trimmed.length > MAX_AMOUNT_DIGITS) return digitByDigit(trimmed);
  const groups: number[] = [];
  for (let end = trimmed.length; end > 0; end -= 4) groups.unshift(Number(trimmed.slice(Math.max(0, end - 4), end)));
  if (groups.every((g) => g === 0)) return '零';
  let out = '';
  let pendingZero = false;
  groups.forEach((g, i) => {
    const unit = BIG_UNITS[groups.length - 1 - i]!;
    if (g === 0) {
      if (out) pendingZero = true;
      return;
    }
    // A gap inside the number is one 零: 1,0005 → 一万零五; 10,5000 → 十万五千 needs none.
    if (out && (pendingZero || g < 1000)) out += '零';
    pendingZero = false;
    out += group(g) + unit;
  });
  // 一十二 is said 十二 at the start of a number.
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** A decimal as an amount: `decimal('12.5')` → 十二点五, the fraction digit by digit. */
export function decimal(text: string): string {
  const [whole = '0', fraction] = text.split('.');
  return fraction ? `${amount(whole)}点${digitByDigit(fraction)}` : amount(whole);
}

/** Each digit on its own: 2025 → 二零二五; with `yao`, 1 is 幺 (phone and room numbers: 幺二三四五). */
export function digitByDigit(digits: string, options: { yao?: boolean } = {}): string {
  return [...digits].map((c) => (/\d/.test(c) ? (options.yao && c === '1' ? '幺' : DIGITS[Number(c)]!) : c)).join('');
}

/**
 * @module language/normalize
 * One canonical form for Chinese text before anything is compared: NFKC (full-width → half-width),
 * traditional → simplified, lower case, and Chinese numerals written as digits where a quantity follows.
 */
import * as OpenCC from 'opencc-js';

// Hong Kong, Taiwan and mainland traditional forms all map to mainland simplified.
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** Normalises text for matching. The original text is kept elsewhere for display. */
export function normalizeText(text: string): string {
  const simplified = toSimplified(text.normalize('NFKC')).toLowerCase();
  return convertChineseNumerals(simplified);
}

// A run of Chinese numerals followed by a unit of quantity or time. Bare numerals are left alone
// because they are often part of words (一网通办, 三农, 一次性).
// (The unit is looked ahead without a capture group, so that the replacer's arguments are the
// run, its group, its offset and the whole text.)
const NUMERAL_RUN =
  /([零〇一二两三四五六七八九十百千万]+)(?=(?:个工作日|个月|个|周岁|岁|年|月|日|天|小时|周|名|人|家|项|元|万元|亿元|倍|次|份|%|％))/g;

function convertChineseNumerals(text: string): string {
  return text.replace(NUMERAL_RUN, (run: string, _m: string, offset: number, whole: string) => {
    // 第一条 / 一是 / 星期一 style ordinals and a lone 一 in 一个/一次/一年 are words, not quantities.
    const before = whole[offset - 1];
    if (before === '第' || before === '星' || before === '期' || before === '周') return run;
    // After digits the run is their multiplier, not a number of its own: 200万元 stays 200万元.
    if (before !== undefined && /[\d.]/.test(before)) return run;
    if (run.length === 1 && (run === '一' || run === '两')) return run;
    const value = parseChineseNumber(run);
    return value === undefined ? run : String(value);
  });
}

/** Parses 十五, 二十, 一百零八, 三万, 二〇二〇 (digit by digit). */
export function parseChineseNumber(run: string): number | undefined {
  if (/^[零〇一二三四五六七八九]{2,}$/.test(run)) {
    return Number([...run].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of run) {
    if (c in DIGITS) {
      digit = DIGITS[c]!;
    } else if (c === '万') {
      section = (section + digit) * 10000;
      total += section;
      section = 0;
      digit = 0;
    } else if (c in UNITS) {
      section += (digit || 1) * UNITS[c]!;
      digit = 0;
    } else {
      return undefined;
    }
  }
  return total + section + digit;
}

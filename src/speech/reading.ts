/**
 * @module speech/reading
 * Answer text → the words a person reads aloud, still in Chinese characters: numbers become
 * 数字 the way a clerk would say them (phone numbers digit by digit with 幺, 2025年 as 二零二五年,
 * 10万元 as 十万元, 12.5% as 百分之十二点五, 9:00-17:00 as 九点至十七点, 国科发火〔2016〕32号 as
 * 国科发火〔二零一六〕三十二号), and what nobody reads aloud (web addresses, e-mail addresses,
 * Markdown marks) is skipped with a pointer to the screen. The pinyin step comes after this one.
 *
 * The rules run in order, each on what the earlier ones left: specific shapes (addresses, phone
 * numbers, dates, times, document numbers) before the general number rules.
 */
import { amount, decimal, digitByDigit } from './numbers.js';

type Rule = [pattern: RegExp, replace: (match: string, ...groups: string[]) => string];

/** A dash or tilde between two values: a range, read 至. */
const RANGE = String.raw`\s*[-－—–~～至到]\s*`;
/** What follows a number that makes it an amount, not a code. */
const UNIT_AFTER = String.raw`[\d.万千百亿元个人%％年月日天号件份次名家项周倍条岁楼层室]`;

const year = (digits: string): string => digitByDigit(digits);
const hour = (h: string, m: string): string => `${amount(h)}点${minutes(m)}`;
const minutes = (m: string): string => (Number(m) === 0 ? '' : Number(m) < 10 ? `零${amount(m)}分` : `${amount(m)}分`);
const phone = (text: string): string =>
  text
    .split(/[-\s－]+/)
    .map((part) => digitByDigit(part, { yao: true }))
    .join('，');

const RULES: Rule[] = [
  // Web and e-mail addresses: spelled out they are noise; the screen shows them.
  [/(?:https?:\/\/|www\.)[^\s，。；、）)」》]+/gi, () => '网址请看屏幕'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, () => '邮箱地址请看屏幕'],
  // Markdown emphasis and headings; list numbers at the start of a line (1. / 1、 / 1)).
  [/\*\*|__|^#+\s*/gm, () => ''],
  [/^(\s*)(\d{1,2})[.、)）](?!\d)\s*/gm, (_m, space, n) => `${space}${amount(n)}、`],
  // 文号: 国科发火〔2016〕32号 — the year in its brackets digit by digit, the number as a number.
  [/([〔［\[【(（])(\d{4})([〕］\]】)）])\s*第?(\d{1,5})号/g, (_m, open, y, close, n) => `${open}${year(y)}${close}${amount(n)}号`],
  // Dates: 2025年3月1日, 2025-03-01, 2025/3/1, 2025.3.1.
  [
    /(?<!\d)((?:19|20)\d{2})(?:年|[-/.])(\d{1,2})(?:月|[-/.])(\d{1,2})[日号]?(?!\d)/g,
    (_m, y, mo, d) => `${year(y)}年${amount(mo)}月${amount(d)}日`,
  ],
  [new RegExp(String.raw`(?<!\d)((?:19|20)\d{2})${RANGE}((?:19|20)\d{2})年`, 'g'), (_m, a, b) => `${year(a)}至${year(b)}年`],
  [/(?<!\d)((?:19|20)\d{2})\s*年/g, (_m, y) => `${year(y)}年`],
  // Times and their ranges: 9:00-17:00 → 九点至十七点, 12:05 → 十二点零五分.
  [
    new RegExp(String.raw`(?<!\d)([01]?\d|2[0-4])[:：]([0-5]\d)${RANGE}([01]?\d|2[0-4])[:：]([0-5]\d)(?!\d)`, 'g'),
    (_m, h1, m1, h2, m2) => `${hour(h1, m1)}至${hour(h2, m2)}`,
  ],
  [/(?<!\d)([01]?\d|2[0-4])[:：]([0-5]\d)(?!\d)/g, (_m, h, m) => hour(h, m)],
  // Phone numbers, digit by digit with 幺, a pause where the written number has a dash.
  [/(?<![\d.])1[3-9]\d(?:[-\s]?\d{4}){2}(?![\d.])/g, phone],
  [/(?<![\d.])0\d{2,3}[-－\s]?\d{7,8}(?:\s*(?:转|-)\s*\d{1,5})?(?![\d.])/g, (m) => phone(m.replace(/\s*转\s*/, '-转-')).replace('，转，', '转')],
  [/(?<![\d.])[48]00[-\s]?\d{3}[-\s]?\d{4}(?![\d.])/g, phone],
  // Service hotlines (12345, 12366…) and other five-digit numbers starting 1 that are no amount.
  [new RegExp(String.raw`(?<![\d.])1\d{4}(?!${UNIT_AFTER})`, 'g'), (m) => digitByDigit(m, { yao: true })],
  // Room numbers: 201室 is 二零幺室.
  [/(?<![\d.])(\d{3,4})(室|房间)/g, (_m, n, what) => `${digitByDigit(n, { yao: true })}${what}`],
  // Other long digit strings with no unit after them are codes (postcodes, ID numbers).
  [new RegExp(String.raw`(?<![\d.])\d{6,}(?!${UNIT_AFTER})`, 'g'), (m) => digitByDigit(m)],
  // Thousands separators: 1,000,000元 is a number.
  [/(?<!\d)\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)/g, (m) => m.replace(/,/g, '')],
  // Percentages and their ranges: 10%-20% → 百分之十至百分之二十.
  [
    new RegExp(String.raw`(\d+(?:\.\d+)?)\s*[%％]?${RANGE}(\d+(?:\.\d+)?)\s*[%％]`, 'g'),
    (_m, a, b) => `百分之${decimal(a)}至百分之${decimal(b)}`,
  ],
  [/(\d+(?:\.\d+)?)\s*[%％]/g, (_m, n) => `百分之${decimal(n)}`],
  // 2 before a measure word is 两 (两个工作日, 两万元), except as an ordinal (第2个).
  [/(?<![\d.第])2(?=[个万千亿份张次名位项家件种天周年倍条岁])/g, () => '两'],
  // Number ranges: 3-5个工作日 → 三至五个工作日.
  [new RegExp(String.raw`(\d+(?:\.\d+)?)${RANGE}(?=\d)`, 'g'), (_m, n) => `${n}至`],
  [/\d+\.\d+/g, (m) => decimal(m)],
  [/\d+/g, (m) => amount(m)],
  // Units and signs written as symbols.
  [/㎡|m²|平方米/g, () => '平方米'],
  [/(?<=[零一二三四五六七八九十百千万两])\s*(?:km|公里)/gi, () => '公里'],
  [/(?<=[零一二三四五六七八九十百千万两])\s*kg/gi, () => '公斤'],
  [/℃/g, () => '摄氏度'],
  [/[&＆]/g, () => '和'],
  [/[¥￥]\s*([零一二三四五六七八九十百千万亿两点]+)/g, (_m, n) => `${n}元`],
];

/** The text as it is read aloud (characters, not yet pinyin). */
export function readingOf(text: string): string {
  // Full-width digits, letters, % and . as ASCII, which the rules expect; Chinese punctuation stays.
  let out = text
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[ \t]+/g, ' ');
  for (const [pattern, replace] of RULES) out = out.replace(pattern, replace as (m: string, ...g: string[]) => string);
  return out;
}

/**
 * @module ingestion/chars
 * Character-level normalisation of Chinese text: full-width letters and digits, and the stray
 * spaces that typesetting and OCR leave between Chinese characters.
 */

const HAN = /\p{Script=Han}/u;
/** Chinese (full-width) punctuation and symbols, which never need a space beside them. */
const CJK_PUNCT = /[\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\u2014\u2026\u2018\u2019\u201C\u201D\u00B7]/u;
const OPENING = /[“‘（《〈「『【〔]/u;
const CLOSING = /[”’）》〉」』】〕]/u;
const ASCII_ALNUM = /[0-9A-Za-z]/;

export const isHan = (ch: string | undefined): boolean => ch !== undefined && HAN.test(ch);
export const isCjkPunct = (ch: string | undefined): boolean => ch !== undefined && CJK_PUNCT.test(ch);
export const isAsciiAlnum = (ch: string | undefined): boolean => ch !== undefined && ASCII_ALNUM.test(ch);

/**
 * Full-width ASCII letters, digits and spaces to half-width. Only those ranges: NFKC on the whole
 * text would also turn Chinese punctuation `，。：；（）` into ASCII, which is wrong for Chinese.
 */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0\u2002-\u200A\u202F\u205F]/g, ' ')
    // A full-width full stop between digits is a decimal point (１２．５ → 12.5).
    .replace(/(?<=\d)\uFF0E(?=\d)/g, '.');
}

/**
 * Trims a line and removes the spaces that do not belong in Chinese text, keeping the ones that
 * separate words (bylines such as `记者 张三 李四`, two-part headings, English phrases).
 */
export function collapseSpaces(line: string): string {
  const tokens = line.split(/[ \t]+/).filter(Boolean);
  let out = tokens[0] ?? '';
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    const next = tokens[i]!;
    // Markdown markers (`## 标题`, `- 项`) keep their space, or they stop being markers.
    const marker = i === 1 && /^(?:#{1,6}|[-*+>])$/.test(prev);
    out += !marker && dropSpaceBetween(prev, next) ? next : ` ${next}`;
  }
  return out;
}

function dropSpaceBetween(prev: string, next: string): boolean {
  const x = prev[prev.length - 1];
  const y = next[0];
  // Markdown markers (`## 标题`, `- 项`) keep their space, or they stop being markers.
  // `446.12 亿 元 ，占`: no space belongs before a closing or pausing mark, nor after an opening
  // or pausing one. A space after a closing quote separates phrases (`“聚链成群” 企业“众木成林”`).
  if (isCjkPunct(y) && !OPENING.test(y!)) return true;
  if (isCjkPunct(x) && !CLOSING.test(x!)) return true;
  if (isCjkPunct(y)) return isSingleHan(prev);
  // `9月 16日`, `2024 年`, `芯片 IDM产业`: numbers and Latin words sit tight against Chinese.
  if ((isHan(x) && isAsciiAlnum(y)) || (isAsciiAlnum(x) && isHan(y))) return true;
  // `政 务 服 务 大 厅`: letter-spaced (justified) lines leave single characters between spaces.
  if (isHan(x) && isHan(y) && (isSingleHan(prev) || isSingleHan(next))) return true;
  return false;
}

const isSingleHan = (token: string): boolean => [...token].length === 1 && isHan(token);

/**
 * How wide a line prints, in Chinese characters: ASCII counts half. Used to compare a line with
 * its column, since `2024年` is visibly shorter than four Chinese characters.
 */
export function visualWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x7f ? 0.5 : 1;
  return width;
}

/**
 * @module ingestion/ocr/normalise
 * What OCR engines get wrong in Chinese text the same way every time, put right before the
 * importer's usual cleaning (clean.ts): Tesseract prints Chinese punctuation as its ASCII look-alike
 * (`,` for `，`, `(` for `（`) and puts a space between every two characters. Punctuation that
 * follows a Chinese character or mark becomes full-width (an opening bracket: one that touches
 * one), and no space stays beside Chinese punctuation or between two Chinese characters (an engine
 * that spaces every character says nothing about words); `3.5%`, `1,000` and `a:b` stay as they are.
 */
import { isCjkPunct, isHan } from '../chars.js';

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）', '.': '。' };

const isCjk = (ch: string | undefined): boolean => isHan(ch) || isCjkPunct(ch);

export function normaliseOcrText(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map(normaliseLine).join('\n');
}

function normaliseLine(line: string): string {
  const chars = [...line];
  /** The nearest character that is not a space, `step` = -1 before, 1 after. */
  const near = (i: number, step: number, within: string[] = chars): string | undefined => {
    let j = i + step;
    while (within[j] === ' ') j += step;
    return within[j];
  };
  const converted = chars.map((ch, i) => {
    const full = FULL_WIDTH[ch];
    if (!full) return ch;
    const before = near(i, -1);
    const after = near(i, 1);
    if (ch === '(') return isCjk(before) || isCjk(after) ? full : ch;
    // A full stop only after a Chinese character, at the end or before another one (not `第1.2条`).
    if (ch === '.') return isHan(before) && (after === undefined || isHan(after)) ? full : ch;
    return isCjk(before) ? full : ch;
  });
  // Tesseract spaces every character: a space between two Chinese characters or marks goes.
  return converted
    .filter((ch, i) => {
      if (ch !== ' ') return true;
      const before = near(i, -1, converted);
      const after = near(i, 1, converted);
      return !(isCjkPunct(before) || isCjkPunct(after) || (isHan(before) && isHan(after)));
    })
    .join('');
}

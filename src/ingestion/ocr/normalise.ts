/**
 * @module ingestion/ocr/normalise
 * What OCR engines get wrong in Chinese text the same way every time, put right before the
 * importer's usual cleaning (clean.ts): Tesseract prints Chinese punctuation as its ASCII look-alike
 * (`,` for `，`, `(` for `（`) and puts a space between every two characters (the cleaner drops
 * those). Only punctuation touching a Chinese character changes: `3.5`, `a,b` and URLs stay.
 */
import { isHan } from '../chars.js';

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）' };

export function normaliseOcrText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines
    .map((line) => {
      // Spaces go first, so that `中 , 文` is seen as punctuation between two characters.
      const tight = line.replace(/(?<=\p{Script=Han}|[，。、；：？！）》”]) +(?=\p{Script=Han}|[，。、；：？！（《“,;:!?().])/gu, '').replace(/ +(?=[,;:!?).])/g, '');
      const chars = [...tight];
      return chars
        .map((ch, i) => {
          const full = FULL_WIDTH[ch];
          if (!full) return ch;
          const before = chars[i - 1];
          const after = chars[i + 1];
          const opening = ch === '(';
          const touchesHan = opening ? isHan(after) || isHan(before) : isHan(before) || (ch !== ')' && isHan(after));
          return touchesHan ? full : ch;
        })
        .join('')
        .replace(/(?<=\p{Script=Han})\.(?=\p{Script=Han}|$)/gu, '。');
    })
    .join('\n');
}

/**
 * @module ingestion/decode
 * Bytes to text for plain-text files. Files saved on Chinese Windows (Notepad, Excel's CSV) are
 * often GBK rather than UTF-8, so UTF-8 is tried strictly first and GB18030 (a superset of GBK)
 * is the fallback.
 */
import { readFile, stat } from 'node:fs/promises';
import { checkChars, limitsWith, OverLimit } from './limits.js';
import type { ImportOptions } from './types.js';

/**
 * A plain-text file as text, refused before decoding when it is past the character limit
 * (UTF-8 and GB18030 take at most 4 bytes a character) and after decoding when its text is.
 */
export async function readText(file: string, options: ImportOptions): Promise<string> {
  const limits = limitsWith(options.limits);
  const { size } = await stat(file);
  if (size > limits.maxChars * 4) throw new OverLimit('maxChars', `more than ${limits.maxChars} characters of text`);
  return checkChars(decodeText(await readFile(file)), limits);
}

export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

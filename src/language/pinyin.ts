/**
 * @module language/pinyin
 * Toneless pinyin of single characters, cached. Speech recognisers confuse characters that sound
 * alike (失业保险今 for 失业保险金), so the index also holds the sound of each character pair.
 */
import { pinyin } from 'pinyin-pro';

const cache = new Map<string, string>();

/** The toneless pinyin of one Han character (its most common reading), or the character itself. */
export function charPinyin(char: string): string {
  let value = cache.get(char);
  if (value === undefined) {
    value = /\p{Script=Han}/u.test(char) ? pinyin(char, { toneType: 'none' }) : char;
    cache.set(char, value);
  }
  return value;
}

/** Pinyin of a whole string, syllables joined without spaces (`结转` → `jiezhuan`). */
export function toPinyin(text: string): string {
  let out = '';
  for (const c of text) out += charPinyin(c);
  return out;
}

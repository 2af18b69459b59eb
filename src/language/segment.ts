/**
 * @module language/segment
 * jieba word segmentation with the shipped domain dictionary, extendable at run time with the
 * knowledge base's own terms (item titles, departments) so they are kept whole.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { LEXICON_DIR } from './lexicon.js';

export class Segmenter {
  private readonly jieba: Jieba;
  private readonly known = new Set<string>();

  constructor(extraDictionaryFiles: string[] = []) {
    this.jieba = Jieba.withDict(dict);
    for (const file of [join(LEXICON_DIR, 'domain-dict.txt'), ...extraDictionaryFiles]) {
      if (existsSync(file)) this.jieba.loadDict(readFileSync(file));
    }
  }

  /** Search-mode segmentation: long words and the shorter words inside them, so both match. */
  cut(text: string): string[] {
    return this.jieba.cutForSearch(text, true);
  }

  /** Place names (jieba's `ns` tag) without their administrative suffix: 天津市 → 天津. */
  placeNames(text: string): string[] {
    return this.jieba
      .tag(text, true)
      .filter((t) => t.tag === 'ns')
      .map((t) => t.word.replace(/(省|市|区|县|镇)$/, ''))
      .filter((w) => w.length >= 2);
  }

  /** Dictionary words only (no HMM guessing of new words), to ask "is this a known word?". */
  cutKnownWords(text: string): string[] {
    return this.jieba.cut(text, false);
  }

  /** Precise segmentation (no overlapping sub-words), for display and phrase work. */
  cutPrecise(text: string): string[] {
    return this.jieba.cut(text, true);
  }

  /**
   * Adds terms (already normalised) to the dictionary. A middling frequency keeps a term whole
   * without gluing it to its neighbours.
   */
  addWords(words: Iterable<string>): void {
    const lines: string[] = [];
    for (const word of words) {
      const w = word.trim();
      if (w.length < 2 || w.length > 16 || /\s/.test(w) || this.known.has(w)) continue;
      this.known.add(w);
      lines.push(`${w} 3000 n`);
    }
    if (lines.length) this.jieba.loadDict(Buffer.from(lines.join('\n') + '\n'));
  }
}

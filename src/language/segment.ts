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
import { placeIn } from './places.js';

export class Segmenter {
  private readonly jieba: Jieba;
  private readonly known = new Set<string>();
  /** The dictionaries without the knowledge base's own terms, for tagging titles (made on first use). */
  private plain?: Jieba;

  /** The dictionaries loaded over jieba's own: the domain's, then the zone's. */
  readonly dictionaryFiles: string[];

  constructor(extraDictionaryFiles: string[] = []) {
    this.dictionaryFiles = [join(LEXICON_DIR, 'domain-dict.txt'), ...extraDictionaryFiles];
    this.jieba = Segmenter.load(this.dictionaryFiles);
  }

  private static load(dictionaryFiles: string[]): Jieba {
    const jieba = Jieba.withDict(dict);
    for (const file of dictionaryFiles) {
      if (existsSync(file)) jieba.loadDict(readFileSync(file));
    }
    return jieba;
  }

  /** Search-mode segmentation: long words and the shorter words inside them, so both match. */
  cut(text: string): string[] {
    return this.jieba.cutForSearch(text, true);
  }

  /**
   * Place names (jieba's `ns` tag, when an administrative division: not 海关 or 东西) in short
   * form: 天津市 → 天津, 内蒙古自治区 → 内蒙古.
   */
  placeNames(text: string): string[] {
    return splitPlaces(this.jieba, text).places;
  }

  /**
   * The text with its place names (with their suffixes: 天津市, 内蒙古自治区) blanked out by a
   * comma, so that what is left can be analysed as the question's topic alone.
   */
  withoutPlaces(text: string): string {
    return splitPlaces(this.jieba, text).rest;
  }

  /** `placeNames` and `withoutPlaces` of one text, tagged once. */
  splitPlaces(text: string): { places: string[]; rest: string } {
    return splitPlaces(this.jieba, text);
  }

  /**
   * Place names in an item's own title. Titles are added to the dictionary as whole words (see
   * `addWords`), which would hide the places inside them; so these are tagged with the shipped
   * dictionaries only, and the answer does not depend on which titles were added before.
   */
  titlePlaceNames(text: string): string[] {
    this.plain ??= Segmenter.load(this.dictionaryFiles);
    return splitPlaces(this.plain, text).places;
  }

  /** Precise segmentation with jieba's part-of-speech tags (`x`: a word its HMM guessed). */
  tagPrecise(text: string): { word: string; tag: string }[] {
    return this.jieba.tag(text, true);
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
    const added = this.newWords(words);
    for (const w of added) this.known.add(w);
    if (added.length) this.jieba.loadDict(Buffer.from(added.map((w) => `${w} 3000 n`).join('\n') + '\n'));
  }

  /** The terms (already normalised) that `addWords` would add: not yet in the dictionary, and word-like. */
  newWords(words: Iterable<string>): string[] {
    const fresh = new Set<string>();
    for (const word of words) {
      const w = word.trim();
      if (w.length < 2 || w.length > 16 || /\s/.test(w) || this.known.has(w)) continue;
      fresh.add(w);
    }
    return [...fresh];
  }
}

/**
 * The places jieba tags in a text that are administrative divisions, in short form (see
 * language/places), and the text with each of them replaced by a comma.
 */
function splitPlaces(jieba: Jieba, text: string): { places: string[]; rest: string } {
  const places: string[] = [];
  let rest = '';
  for (const t of jieba.tag(text, true)) {
    const place = t.tag === 'ns' ? placeIn(t.word) : undefined;
    if (place) places.push(place.name);
    rest += place ? `，${t.word.slice(place.length)}` : t.word;
  }
  return { places, rest };
}

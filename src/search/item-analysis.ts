/**
 * @module search/item-analysis
 * Everything the search index derives from one item on its own: its normalised head and
 * sentences, the places and zones it names, its words, the terms its statistics count, and its
 * MiniSearch documents (the item and its passages). A pure function of the item and the
 * analyzer's dictionary, so an index can make it again to take an item back out (search/index-update).
 */
import type { Item } from '../knowledge/index.js';
import type { TextAnalyzer } from '../language/index.js';
import { headText } from './fields.js';
import { termsField, type AnalysedDoc } from './minisearch-fields.js';
import { passagesOf, type Passage } from './passages.js';
import { sentenceEntries, type SentenceEntry } from './rerank.js';
import { itemZones } from './zone-scope.js';
import { WordList } from './word-list.js';

/** The title line's places are looked for in the first this many characters of an item's head. */
const TITLE_PLACE_CHARS = 60;

/** What an item says, without its terms: enough to read the zones of a knowledge base. */
export interface ItemOutline {
  item: Item;
  /** Title, FAQ questions, tags …, normalised (search/fields). */
  head: string;
  titlePlaces: string[];
  sentences: SentenceEntry[];
  /** The zones the item names itself (search/zone-scope `itemZones`). */
  zones: string[];
  passages: Passage[];
}

/** An item's terms: its words, what the statistics count, and its MiniSearch documents. */
export interface ItemTerms {
  words: WordList;
  headWords: WordList;
  /** Words and character pairs of head and body: what the word statistics count. */
  terms: string[];
  /** Sound pairs of head and body: what the first stage's budget counts. */
  sounds: string[];
  itemDoc: AnalysedDoc;
  passageDocs: AnalysedDoc[];
}

export type ItemAnalysis = ItemOutline & ItemTerms;

export function analyseItem(analyzer: TextAnalyzer, item: Item): ItemAnalysis {
  const outline = outlineItem(analyzer, item);
  return { ...outline, ...termsOfItem(analyzer, outline) };
}

/**
 * The outline alone: a build reads every item's outline first (zones are read over the whole
 * knowledge base), then analyses the items' terms one at a time and indexes them at once, so
 * that no item's terms wait in memory for the others (at 10,000 items they came to hundreds of MB).
 */
export function outlineItem(analyzer: TextAnalyzer, item: Item): ItemOutline {
  const head = analyzer.normalize(headText(item));
  const titlePlaces = [...new Set(analyzer.segmenter.titlePlaceNames(head.slice(0, TITLE_PLACE_CHARS)))];
  const sentences = sentenceEntries(item, (t) => analyzer.normalize(t));
  const zones = itemZones({
    id: item.id,
    title: head.split('\n')[0] ?? '',
    text: () => itemText(head, sentences),
    ...(item.kind === 'policy' && item.level ? { level: item.level } : {}),
  });
  return { item, head, titlePlaces, sentences, zones, passages: passagesOf(item) };
}

/**
 * The item's body is analysed passage by passage, and its own terms are those of its passages in
 * order: the passages are its body cut between sentences (search/passages), where segmentation and
 * character pairs break anyway, so this is the body's analysis without analysing it twice
 * (item-analysis.test.ts holds the two equal on the demo knowledge base).
 */
export function termsOfItem(analyzer: TextAnalyzer, { item, head, passages }: ItemOutline): ItemTerms {
  const headTerms = analyzer.analyze(head, { normalized: true });
  const parts = passages.map((passage) => analyzer.analyze(passage.text));
  const body = {
    words: parts.flatMap((a) => a.words),
    bigrams: parts.flatMap((a) => a.bigrams),
    pinyinBigrams: parts.flatMap((a) => a.pinyinBigrams),
  };
  // The head's fields once, shared by the item's document and each of its passages'.
  const hw = termsField(headTerms.words);
  const hb = termsField(headTerms.bigrams);
  return {
    words: WordList.of([...headTerms.words, ...body.words]),
    headWords: WordList.of(headTerms.words),
    terms: [...headTerms.words, ...body.words, ...headTerms.bigrams, ...body.bigrams],
    sounds: [...headTerms.pinyinBigrams, ...body.pinyinBigrams],
    itemDoc: { id: item.id, hw, hb, w: termsField(body.words), b: termsField(body.bigrams) },
    passageDocs: passages.map((passage, n) => ({
      id: passage.key,
      hw,
      hb,
      w: termsField(parts[n]!.words),
      b: termsField(parts[n]!.bigrams),
      p: termsField(parts[n]!.pinyinBigrams),
    })),
  };
}

/** An item's head and sentences as one text: what its zones and homophone pairs are read from. */
export function itemText(head: string, sentences: readonly SentenceEntry[]): string {
  return [head, ...sentences.map((s) => s.norm)].join('\n');
}

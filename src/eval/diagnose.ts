/**
 * @module eval/diagnose
 * Why a labelled question missed (its first retrieved document was not relevant): a guess in
 * one word from the texts alone, so that an engineer reading `xiaoxin eval --report` can tell
 * misses the metric cannot credit from misses the engine should fix.
 */
import type { LabelledQuestion } from './dataset.js';
import { lcsLength } from './metrics.js';

/** The diagnoses, in the order they are checked, each with what it means. */
export const DIAGNOSES = [
  {
    name: 'answer-in-top',
    explanation: 'the first document holds ≥ 80 % of the gold answer but does not count (answer under 8 characters, or worded slightly differently)',
  },
  { name: 'place-not-in-gold', explanation: 'the question names a place that the gold document never mentions' },
  { name: 'near-duplicate', explanation: 'the first document is nearly the same text as the gold one (a reposted notice under another id)' },
  { name: 'ranked-lower', explanation: 'a relevant document is in the top 10, but not first' },
  { name: 'not-retrieved', explanation: 'no relevant document in the top 10' },
] as const;

export type Diagnosis = (typeof DIAGNOSES)[number]['name'];

/** The place names a text mentions (`TextAnalyzer.segmenter.placeNames`). */
export type PlaceNames = (text: string) => string[];

export interface Miss {
  question: LabelledQuestion;
  /** The retrieved document ids, deduplicated, best first (the top 10). */
  retrieved: readonly string[];
  /** Document id → text, for the whole corpus. */
  texts: ReadonlyMap<string, string>;
  /** 0-based rank of the first relevant document among `retrieved`; null if none. */
  rank: number | null;
  placeNames: PlaceNames;
}

/** Share of the gold answer that must be found in the top document to call it `answer-in-top`. */
const ANSWER_SHARE = 0.8;
/** Share of shingles two documents must have in common to be called near duplicates. */
const DUPLICATE_SHARE = 0.6;
const SHINGLE_CHARS = 8;
const SHINGLE_STEP = 4;

const chars = (s: string) => [...s.replace(/\s+/g, '')];

/** The diagnosis of a question whose first retrieved document is not relevant; undefined for a hit. */
export function diagnose(miss: Miss): Diagnosis | undefined {
  const { question, retrieved, texts, rank } = miss;
  if (rank === 0) return undefined;
  const top = retrieved[0] === undefined ? undefined : texts.get(retrieved[0]);
  const gold = texts.get(question.doc_id);
  if (top !== undefined && holdsAnswer(top, question.answer)) return 'answer-in-top';
  if (gold !== undefined && namesPlaceMissingFrom(question.question, gold, miss.placeNames)) return 'place-not-in-gold';
  if (top !== undefined && gold !== undefined && nearDuplicates(top, gold)) return 'near-duplicate';
  return rank === null ? 'not-retrieved' : 'ranked-lower';
}

/**
 * Whether some window of `text` (twice the answer's length, at least 20 characters, stepped by a
 * quarter of its length) shares a character LCS of ≥ 80 % of the answer's length. Windows keep
 * the LCS local, so that scattered characters of a long document do not add up to an answer.
 */
export function holdsAnswer(text: string, answer: string): boolean {
  const gold = chars(answer);
  if (!gold.length) return false;
  const goldText = gold.join('');
  const needed = ANSWER_SHARE * gold.length;
  const doc = chars(text);
  const width = Math.max(20, 2 * gold.length);
  const step = Math.max(1, Math.floor(width / 4));
  for (let start = 0; ; start += step) {
    if (lcsLength(goldText, doc.slice(start, start + width).join('')) >= needed) return true;
    if (start + width >= doc.length) return false;
  }
}

function namesPlaceMissingFrom(question: string, goldText: string, placeNames: PlaceNames): boolean {
  const places = placeNames(question);
  if (!places.length) return false;
  const gold = chars(goldText).join('');
  return !places.some((place) => gold.includes(place));
}

/**
 * Whether two texts share ≥ 60 % of their 8-character shingles, relative to the smaller set.
 * The shingles are taken every 4 characters, and looked up among all the other text's
 * 8-character strings, so that a repost with a few characters added in front still matches.
 */
export function nearDuplicates(a: string, b: string): boolean {
  const [x, y] = [chars(a), chars(b)];
  const [small, large] = x.length <= y.length ? [x, y] : [y, x];
  const sampled = shingles(small, SHINGLE_STEP);
  if (!sampled.size) return false;
  const every = shingles(large, 1);
  let shared = 0;
  for (const s of sampled) if (every.has(s)) shared++;
  return shared / sampled.size >= DUPLICATE_SHARE;
}

function shingles(c: string[], step: number): Set<string> {
  // A text shorter than one shingle is its own single shingle.
  if (c.length < SHINGLE_CHARS) return new Set(c.length ? [c.join('')] : []);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE_CHARS <= c.length; i += step) out.add(c.slice(i, i + SHINGLE_CHARS).join(''));
  return out;
}

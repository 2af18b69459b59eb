/**
 * @module eval/diagnose
 * Why a labelled question missed, in one word, so that an engineer reading `xiaoxin eval
 * --report` can tell misses the metric cannot credit from misses the engine should fix. A
 * question with `expect` (or `answerable: false`) is judged by its answer: the item cited first,
 * the words of the answer, a refusal. One with only a gold document is judged by retrieval (its
 * first retrieved document was not relevant), guessed from the texts alone.
 */
import { lastTurn, type LabelledQuestion } from './dataset.js';
import { lcsLength } from './metrics.js';

/** The diagnoses, in the order they are checked, each with what it means. */
export const DIAGNOSES = [
  { name: 'answered-unanswerable', explanation: 'nothing in the knowledge answers it, yet an answer was given' },
  {
    name: 'follow-up-lost',
    explanation: 'a conversation whose last answer cites another item than the one it is about (or refuses, the item not ranked first)',
  },
  { name: 'refused-but-ranked-first', explanation: 'answered "not found" though the gold document was the first retrieved' },
  { name: 'clarified', explanation: 'asked which item was meant instead of answering' },
  { name: 'wrong-item', explanation: 'a different item was cited first' },
  { name: 'wrong-field', explanation: 'the right item was cited first, but the answer holds none of the expect strings' },
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

/** What the engine answered, as far as the diagnoses need it. */
export interface AnswerOutcome {
  /** `none` ("not found"), `clarify`, or an answer. */
  type: string;
  /** The id of the item cited first, if any. */
  cited?: string;
  /** Whether the answer holds one of the expect strings (undefined without expect). */
  expectHit?: boolean;
}

export interface Miss {
  question: LabelledQuestion;
  answer?: AnswerOutcome;
  /** The retrieved document ids, deduplicated, best first (the top 10). */
  retrieved: readonly string[];
  /** Document id → text, for the whole corpus. */
  texts: ReadonlyMap<string, string>;
  /** 0-based rank of the first relevant document among `retrieved`; null if none, undefined without doc_id. */
  rank: number | null | undefined;
  placeNames: PlaceNames;
}

/** Share of the gold answer that must be found in the top document to call it `answer-in-top`. */
const ANSWER_SHARE = 0.8;
/** Share of shingles two documents must have in common to be called near duplicates. */
const DUPLICATE_SHARE = 0.6;
const SHINGLE_CHARS = 8;
const SHINGLE_STEP = 4;

const chars = (s: string) => [...s.replace(/\s+/g, '')];

/** The diagnosis of a question that missed; undefined for a hit. */
export function diagnose(miss: Miss): Diagnosis | undefined {
  const { question: q, answer, rank } = miss;
  const type = answer?.type;
  const answered = type !== undefined && type !== 'none' && type !== 'clarify';
  if (!q.answerable) return answered ? 'answered-unanswerable' : undefined;
  const citesOther = answered && q.doc_id !== undefined && answer?.cited !== q.doc_id;
  if (q.expect !== undefined) {
    if (answer?.expectHit && !citesOther) return undefined;
    if (citesOther) return q.conversation ? 'follow-up-lost' : 'wrong-item';
    if (answered) return 'wrong-field';
  } else {
    if (q.conversation && citesOther) return 'follow-up-lost';
    if (rank === undefined || (rank === 0 && type !== 'none')) return undefined;
  }
  if (rank === 0) return type === 'clarify' ? 'clarified' : 'refused-but-ranked-first';
  // The last turn alone rarely names the item: not finding it there is losing the conversation.
  if (q.conversation) return 'follow-up-lost';
  return retrievalDiagnosis(miss);
}

/** Why the first retrieved document was not relevant. */
function retrievalDiagnosis(miss: Miss): Diagnosis {
  const { question, retrieved, texts, rank } = miss;
  const top = retrieved[0] === undefined ? undefined : texts.get(retrieved[0]);
  const gold = question.doc_id === undefined ? undefined : texts.get(question.doc_id);
  if (top !== undefined && holdsAnswer(top, question.answer ?? '')) return 'answer-in-top';
  if (gold !== undefined && namesPlaceMissingFrom(lastTurn(question), gold, miss.placeNames)) return 'place-not-in-gold';
  if (top !== undefined && gold !== undefined && nearDuplicates(top, gold)) return 'near-duplicate';
  return typeof rank === 'number' ? 'ranked-lower' : 'not-retrieved';
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

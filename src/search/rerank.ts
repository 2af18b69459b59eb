/**
 * @module search/rerank
 * Second-stage ranking of the first stage's best items by how closely one place in the item
 * restates the question. People (and the benchmark) ask about one sentence of a document, so the
 * best-matching window of sentences is a sharper signal than whole-document BM25.
 */
import type { Item } from '../knowledge/index.js';
import { itemBody } from '../knowledge/index.js';
import { splitSentences } from './sentences.js';
import type { QueryTerms } from './query.js';

export interface SentenceEntry {
  /** Offsets into the item's body text (see `itemBody`). */
  start: number;
  end: number;
  /** Normalised sentence text for matching. */
  norm: string;
}

/** Per-item sentences with normalised text, computed once at index time. */
export function sentenceEntries(item: Item, normalize: (s: string) => string): SentenceEntry[] {
  const body = itemBody(item);
  return splitSentences(body).map((s) => ({ start: s.start, end: s.end, norm: normalize(s.text) }));
}

/**
 * Inverse document frequency over the indexed items: rare terms say more. Items added as not
 * `counted` (another zone's, in a zone's own assistant: search/zone-scope) are known to hold their
 * terms but leave the statistics alone: their copies of the same services would make the words of
 * those services look common, and move every margin that weighs words by how rare they are.
 */
/** What a `TermStatistics` counted, as saved with an index (search/index-state). */
export interface TermCounts {
  df: Map<string, number>;
  elsewhere: Map<string, number>;
  documents: number;
}

export class TermStatistics {
  private df = new Map<string, number>();
  /** Terms of the items not counted (with how many hold each): they exist in the knowledge base. */
  private elsewhere = new Map<string, number>();
  private documents = 0;

  /** The counts themselves (not copies): to be saved at once. */
  counted(): TermCounts {
    return { df: this.df, elsewhere: this.elsewhere, documents: this.documents };
  }

  /** Takes over saved counts in place of what these statistics counted. */
  restore(counts: TermCounts): void {
    ({ df: this.df, elsewhere: this.elsewhere, documents: this.documents } = counts);
  }

  add(terms: Iterable<string>, counted = true): void {
    if (!counted) {
      for (const t of new Set(terms)) this.elsewhere.set(t, (this.elsewhere.get(t) ?? 0) + 1);
      return;
    }
    this.documents++;
    for (const t of new Set(terms)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  /** Takes back an item added before with the same terms and `counted` (an item replaced or removed). */
  remove(terms: Iterable<string>, counted = true): void {
    const counts = counted ? this.df : this.elsewhere;
    if (counted) this.documents--;
    for (const t of new Set(terms)) {
      const n = (counts.get(t) ?? 0) - 1;
      // Deleted at zero, so that `has` and `anywhere` say what a fresh count would.
      if (n > 0) counts.set(t, n);
      else counts.delete(t);
    }
  }

  /** How many items hold the term, counted or not: what looking it up in the index costs (search/term-budget). */
  frequency(term: string): number {
    return (this.df.get(term) ?? 0) + (this.elsewhere.get(term) ?? 0);
  }

  /** Whether any counted item holds the term. */
  has(term: string): boolean {
    return this.df.has(term);
  }

  /** Whether any item at all holds the term, counted or not: a word no item uses is likely misheard or off-topic. */
  anywhere(term: string): boolean {
    return this.df.has(term) || this.elsewhere.has(term);
  }

  idf(term: string): number {
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (this.documents - df + 0.5) / (df + 0.5));
  }
}

export interface WindowMatch {
  /** Share of the query's bigram weight found in the best window (0–1). */
  share: number;
  /** Index of the window's first sentence and its length in sentences. */
  first: number;
  length: number;
}

/**
 * The window of up to `maxSentences` consecutive sentences that contains the largest share of
 * the query's (IDF-weighted) bigrams. Each bigram counts once per window.
 */
export function bestWindow(
  sentences: SentenceEntry[],
  query: Pick<QueryTerms, 'bigrams'>,
  stats: TermStatistics,
  maxSentences = 2,
): WindowMatch {
  const terms = query.bigrams;
  const weights = terms.map((t) => stats.idf(t));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  // Which query bigrams each sentence holds, as a bit list per sentence.
  const holds = sentences.map((s) => terms.map((t) => s.norm.includes(t)));
  let best: WindowMatch = { share: 0, first: 0, length: 1 };
  for (let i = 0; i < sentences.length; i++) {
    const seen = new Array<boolean>(terms.length).fill(false);
    let sum = 0;
    for (let len = 1; len <= maxSentences && i + len <= sentences.length; len++) {
      const h = holds[i + len - 1]!;
      for (let k = 0; k < terms.length; k++) {
        if (h[k] && !seen[k]) {
          seen[k] = true;
          sum += weights[k]!;
        }
      }
      // Longer windows must earn their length: a small discount per extra sentence.
      const share = (sum / total) * (1 - 0.05 * (len - 1));
      if (share > best.share) best = { share, first: i, length: len };
    }
  }
  return best;
}

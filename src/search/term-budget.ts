/**
 * @module search/term-budget
 * What the first stage may cost. A question's terms are looked up in MiniSearch's index and every
 * item holding one is scored, so a question costs the sum of its terms' document frequencies: at
 * ten thousand items, common pairs (企业, 政策, qi_ye) hold most of the corpus and make every item a
 * candidate. The rarest terms are kept until their document frequencies add up to `budget`; the
 * common ones left out say little about which item is meant (their IDF is low), and re-ranking
 * still weighs every term of the question on the candidates. On a knowledge base of a few hundred
 * items no question reaches the budget, and nothing changes.
 */
import type { QueryTerms } from './query.js';

export interface TermBudget {
  /** Postings (documents per term, summed over the terms kept) one question may touch. */
  budget: number;
  /** The rarest this many terms are kept whatever they cost (a question of common words still finds something). */
  minTerms: number;
}

type Kind = keyof QueryTerms;

export function withinBudget(terms: QueryTerms, frequency: (term: string, kind: Kind) => number, limits: TermBudget): QueryTerms {
  const all: { term: string; kind: Kind; df: number }[] = [];
  for (const kind of ['words', 'bigrams', 'pinyinBigrams'] as const) {
    for (const term of terms[kind]) all.push({ term, kind, df: frequency(term, kind) });
  }
  let total = 0;
  for (const t of all) total += t.df;
  if (total <= limits.budget) return terms;
  all.sort((a, b) => a.df - b.df);
  const kept: QueryTerms = { words: [], bigrams: [], pinyinBigrams: [] };
  let spent = 0;
  for (const [i, t] of all.entries()) {
    if (i >= limits.minTerms && spent + t.df > limits.budget) break;
    spent += t.df;
    kept[t.kind].push(t.term);
  }
  return kept;
}

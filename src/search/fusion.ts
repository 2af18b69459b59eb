/**
 * @module search/fusion
 * Reciprocal rank fusion: merges rankings from retrievers whose scores are not comparable.
 */

export interface FusedHit {
  id: string;
  score: number;
}

/**
 * Fuses rankings (ids, best first) by reciprocal rank (Cormack, Clarke & Büttcher, "Reciprocal
 * Rank Fusion outperforms Condorcet and individual Rank Learning Methods", SIGIR 2009):
 *
 *     score(d) = Σ_i  w_i / (k + rank_i(d))        rank_i(d) = 1 for the first id of ranking i
 *
 * summed over the rankings that contain d. Only ranks are used, because BM25 and cosine scores
 * live on different scales and normalising them is fragile. k = 60 is the paper's value, found on
 * TREC runs and robust since: it damps the gap between ranks 1 and 2 (1/61 vs 1/62) so that one
 * retriever's top hit cannot outvote agreement further down, while keeping the top of every list
 * ahead of its tail.
 *
 * An id repeated within one ranking counts once, at its best rank. Weights default to 1 each.
 * Ties keep the order in which ids were first met (ranking by ranking, best first).
 */
export function reciprocalRankFusion(rankings: readonly (readonly string[])[], k = 60, weights?: readonly number[]): FusedHit[] {
  if (!Number.isFinite(k) || k < 0) throw new Error(`reciprocalRankFusion: k must be a finite number ≥ 0, not ${k}`);
  if (weights && weights.length !== rankings.length) {
    throw new Error(`reciprocalRankFusion: ${weights.length} weights for ${rankings.length} rankings`);
  }
  if (weights?.some((w) => !Number.isFinite(w) || w < 0)) {
    throw new Error(`reciprocalRankFusion: weights must be finite numbers ≥ 0, not [${weights.join(', ')}]`);
  }
  const scores = new Map<string, number>();
  rankings.forEach((ranking, i) => {
    const weight = weights?.[i] ?? 1;
    const seen = new Set<string>();
    ranking.forEach((id, position) => {
      if (seen.has(id)) return;
      seen.add(id);
      scores.set(id, (scores.get(id) ?? 0) + weight / (k + position + 1));
    });
  });
  // Array.prototype.sort is stable, so equal scores stay in first-met order.
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}

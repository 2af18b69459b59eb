/**
 * @module search/fusion.test
 * Reciprocal rank fusion checked against sums worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from './fusion.js';

describe('reciprocalRankFusion', () => {
  it('sums 1 / (k + rank) over the rankings, ranks starting at 1', () => {
    // lexical: a b c, dense: b d a (k = 60)
    // a: 1/61 + 1/63, b: 1/62 + 1/61, c: 1/63, d: 1/62
    const fused = reciprocalRankFusion([
      ['a', 'b', 'c'],
      ['b', 'd', 'a'],
    ]);
    expect(fused.map((h) => h.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(fused[0]!.score).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(fused[1]!.score).toBeCloseTo(1 / 61 + 1 / 63, 12);
    expect(fused[2]!.score).toBeCloseTo(1 / 62, 12);
    expect(fused[3]!.score).toBeCloseTo(1 / 63, 12);
  });

  it('lets agreement lower down beat a single first place', () => {
    // x is first in one list only: 1/61 ≈ 0.01639; y is second in both: 2/62 ≈ 0.03226.
    const fused = reciprocalRankFusion([
      ['x', 'y'],
      ['z', 'y'],
    ]);
    expect(fused[0]).toEqual({ id: 'y', score: 2 / 62 });
  });

  it('uses k and per-ranking weights', () => {
    // k = 1, weights 2 and 0.5: p = 2/(1+1) + 0.5/(1+2) = 1.1667, q = 2/(1+2) + 0.5/(1+1) = 0.9167
    const fused = reciprocalRankFusion(
      [
        ['p', 'q'],
        ['q', 'p'],
      ],
      1,
      [2, 0.5],
    );
    expect(fused.map((h) => h.id)).toEqual(['p', 'q']);
    expect(fused[0]!.score).toBeCloseTo(2 / 2 + 0.5 / 3, 12);
    expect(fused[1]!.score).toBeCloseTo(2 / 3 + 0.5 / 2, 12);
    // Unweighted, the two are symmetric and tie; the tie keeps first-met order.
    expect(reciprocalRankFusion([['q', 'p'], ['p', 'q']], 1).map((h) => h.id)).toEqual(['q', 'p']);
  });

  it('counts an id repeated within one ranking once, at its best rank', () => {
    expect(reciprocalRankFusion([['a', 'b', 'a']])).toEqual([
      { id: 'a', score: 1 / 61 },
      { id: 'b', score: 1 / 62 },
    ]);
  });

  it('handles empty input and rejects bad k or weights', () => {
    expect(reciprocalRankFusion([])).toEqual([]);
    expect(reciprocalRankFusion([[], ['a']])).toEqual([{ id: 'a', score: 1 / 61 }]);
    expect(() => reciprocalRankFusion([['a']], -1)).toThrow(/k must be/);
    expect(() => reciprocalRankFusion([['a'], ['b']], 60, [1])).toThrow(/1 weights for 2 rankings/);
    expect(() => reciprocalRankFusion([['a']], 60, [Number.NaN])).toThrow(/weights must be/);
  });
});

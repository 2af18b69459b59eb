import { describe, expect, it } from 'vitest';
import { createAnalysedIndex, termsField, type AnalysedDoc } from './minisearch-fields.js';
import { FIELDS, VOCABULARY, corpus, random } from './random-corpus-test-support.js';
import { searchOr, type OrGroup } from './or-scorer.js';
import { packAll } from './packed-index.js';

function queries(seed: number, count: number): OrGroup[][] {
  const next = random(seed);
  const terms = () => Array.from({ length: 1 + Math.floor(next() * 8) }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]!);
  return Array.from({ length: count }, (): OrGroup[] => [
    { terms: terms(), fields: ['hw', 'w'], boost: { hw: 3, w: 1 } },
    { terms: terms(), fields: ['hb', 'b'], boost: { hb: 2.5, b: 0.7 } },
    { terms: terms(), fields: ['p'], boost: { p: 0.4 } },
  ]);
}

/** The same question through MiniSearch's own search. */
function miniSearch(index: ReturnType<typeof createAnalysedIndex>, groups: OrGroup[], boostTerm?: (term: string) => number) {
  return index
    .search(
      { combineWith: 'OR', queries: groups.map((g) => ({ queries: [termsField([...g.terms])], fields: [...g.fields], boost: { ...g.boost } })) },
      { bm25: { k: 1.2, b: 0.7, d: 0.5 }, ...(boostTerm ? { boostTerm } : {}) },
    )
    .map((r) => ({ id: r.id as string, score: r.score, matched: r.queryTerms.length, queryTerms: r.queryTerms }));
}

describe('searchOr', () => {
  it("scores and ranks exactly as MiniSearch's OR search, with and without term boosts", () => {
    const index = createAnalysedIndex(FIELDS);
    index.addAll(corpus(7, 300));
    const boostTerm = (term: string) => (Number(term.slice(1)) % 3 === 0 ? 0.25 : 1);
    for (const groups of queries(11, 200)) {
      const options = { bm25: { k: 1.2, b: 0.7, d: 0.5 } };
      expect(searchOr(index, groups, options)).toEqual(miniSearch(index, groups));
      expect(searchOr(index, groups, { ...options, boostTerm })).toEqual(miniSearch(index, groups, boostTerm));
      // Without the term lists: the same documents, scores and counts.
      expect(searchOr(index, groups, options, false)).toEqual(miniSearch(index, groups).map((r) => ({ ...r, queryTerms: [] })));
      // Unsorted: the same results, which a stable sort by score puts in MiniSearch's order.
      expect(searchOr(index, groups, options, true, false).sort((x, y) => y.score - x.score)).toEqual(miniSearch(index, groups));
    }
  });

  it('scores a packed index exactly as MiniSearch scores the same index in its Maps', async () => {
    const [packed, maps] = [createAnalysedIndex(FIELDS), createAnalysedIndex(FIELDS)];
    for (const index of [packed, maps]) index.addAll(corpus(7, 300));
    await packAll(packed);
    const options = { bm25: { k: 1.2, b: 0.7, d: 0.5 } };
    for (const groups of queries(29, 150)) expect(searchOr(packed, groups, options)).toEqual(miniSearch(maps, groups));
  });

  it('agrees after documents were removed and replaced, and after stale postings were cleared', () => {
    // Two equal indexes: the first search over a stale posting clears it, so each search sees it once.
    const [ours, theirs] = [createAnalysedIndex(FIELDS), createAnalysedIndex(FIELDS)];
    const docs = corpus(3, 200);
    const replacements = corpus(5, 40);
    for (const index of [ours, theirs]) {
      index.addAll(docs);
      for (const [n, doc] of replacements.entries()) {
        // Removed with other terms than it was added with: MiniSearch leaves postings behind.
        index.remove({ ...docs[n * 5]!, w: doc.w!, b: doc.b! });
        if (n % 2) index.add({ ...doc, id: docs[n * 5]!.id });
      }
    }
    for (const groups of queries(13, 100)) {
      const options = { bm25: { k: 1.2, b: 0.7, d: 0.5 } };
      expect(searchOr(ours, groups, options)).toEqual(miniSearch(theirs, groups));
    }
  });

  it('sees each change of the index between two searches', () => {
    const [ours, theirs] = [createAnalysedIndex(FIELDS), createAnalysedIndex(FIELDS)];
    const docs = corpus(17, 120);
    const later: AnalysedDoc[] = corpus(19, 30).map((doc, n) => ({ ...doc, id: `late${n}` }));
    const options = { bm25: { k: 1.2, b: 0.7, d: 0.5 } };
    for (const index of [ours, theirs]) index.addAll(docs);
    for (const [n, groups] of queries(23, 60).entries()) {
      expect(searchOr(ours, groups, options)).toEqual(miniSearch(theirs, groups));
      for (const index of [ours, theirs]) {
        if (n % 3 === 0) index.remove(docs[n]!);
        else if (n % 3 === 1) index.add({ ...later[n % later.length]!, id: `late${n}` });
        else index.replace({ ...docs[n]!, w: later[n % later.length]!.w! });
      }
    }
  });

  it('finds nothing for terms no document holds, and an empty question', () => {
    const index = createAnalysedIndex(FIELDS);
    index.addAll(corpus(1, 20));
    const options = { bm25: { k: 1.2, b: 0.7, d: 0.5 } };
    expect(searchOr(index, [{ terms: ['absent'], fields: ['w'], boost: {} }], options)).toEqual([]);
    expect(searchOr(index, [{ terms: [], fields: ['w'], boost: {} }], options)).toEqual([]);
  });
});

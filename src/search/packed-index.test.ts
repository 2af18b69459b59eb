import { describe, expect, it } from 'vitest';
import type MiniSearch from 'minisearch';
import { createAnalysedIndex, type AnalysedDoc } from './minisearch-fields.js';
import { FIELDS, VOCABULARY, corpus, random, searchedState } from './random-corpus-test-support.js';
import { searchOr, type OrGroup } from './or-scorer.js';
import { addDocuments, hasLoose, packAll, packLoose, removeDocument } from './packed-index.js';
import { PackedPostings } from './packed-postings.js';
import { holdsTerm } from './postings.js';

const options = { bm25: { k: 1.2, b: 0.7, d: 0.5 } };

function question(next: () => number): OrGroup[] {
  const terms = () => Array.from({ length: 1 + Math.floor(next() * 6) }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]!);
  return [
    { terms: terms(), fields: ['hw', 'w'], boost: { hw: 3, w: 1 } },
    { terms: terms(), fields: ['b', 'p'], boost: { b: 0.7, p: 0.4 } },
  ];
}

interface Internals {
  _index: { get(term: string): unknown; _tree: Map<string, unknown> };
}

/** Every leaf of the radix tree, packed or not. */
function leaves(index: MiniSearch<AnalysedDoc>): unknown[] {
  const found: unknown[] = [];
  const walk = (node: Map<string, unknown>) => {
    for (const [key, child] of node) (key === '' ? found.push(child) : walk(child as Map<string, unknown>));
  };
  walk((index as unknown as Internals)._index._tree);
  return found;
}

const blocks = (index: MiniSearch<AnalysedDoc>) => new Set(leaves(index).flatMap((leaf) => (leaf instanceof PackedPostings ? [leaf.words] : [])));

/** The same question asked of both: the same documents, scores and order. */
function expectSameAnswers(ours: MiniSearch<AnalysedDoc>, theirs: MiniSearch<AnalysedDoc>, next: () => number, count: number): void {
  for (let q = 0; q < count; q++) {
    const groups = question(next);
    expect(searchOr(ours, groups, options)).toEqual(searchOr(theirs, groups, options));
  }
}

describe('a packed index', () => {
  it('takes rounds of additions and removals, searched before and after packing again, as MiniSearch does in its Maps', async () => {
    const [packed, maps] = [createAnalysedIndex(FIELDS), createAnalysedIndex(FIELDS)];
    const docs = corpus(53, 300);
    for (const index of [packed, maps]) index.addAll(docs);
    await packAll(packed);
    const next = random(59);
    const present = new Map(docs.map((doc) => [doc.id, doc]));
    const incoming = corpus(61, 400);
    for (let round = 0; round < 12; round++) {
      const taken = [...present.values()].filter(() => next() < 0.1);
      const added = incoming.slice(round * 25, round * 25 + 25).map((doc, n) => ({ ...doc, id: `r${round}-${n}` }));
      for (const doc of taken) {
        removeDocument(packed, doc);
        maps.remove(doc);
        present.delete(doc.id);
      }
      addDocuments(packed, added);
      maps.addAll(added);
      for (const doc of added) present.set(doc.id, doc);
      // With the added postings in tails and the removed ones counted dead…
      expect(hasLoose(packed)).toBe(true);
      expectSameAnswers(packed, maps, next, 10);
      // …and packed again, once in a while.
      if (round % 3 === 2) {
        await packLoose(packed, { force: true });
        expect(hasLoose(packed)).toBe(false);
        expectSameAnswers(packed, maps, next, 10);
      }
    }
    expect(searchedState(packed)).toEqual(searchedState(maps));
    await packAll(packed);
    expect(leaves(packed).every((leaf) => leaf instanceof PackedPostings && !leaf.tail && leaf.dead === 0)).toBe(true);
    expect(searchedState(packed)).toEqual(searchedState(maps));
    expectSameAnswers(packed, maps, next, 20);
  });

  it('meets the posting of a document removed with terms it no longer yields, counts it from then on, and drops it when packing', async () => {
    const [packed, maps] = [createAnalysedIndex(FIELDS), createAnalysedIndex(FIELDS)];
    const docs = corpus(67, 200);
    for (const index of [packed, maps]) index.addAll(docs);
    await packAll(packed);
    // Removed with other terms than it was added with: its postings of t0 stay behind, uncounted.
    // (Its field lengths are those it was added with, so the twin removes it as it was.)
    const stale = docs.filter((doc) => doc.w!.split('\u0001').includes('t0'))[5]!;
    removeDocument(packed, { ...stale, w: 't59', hw: '', hb: '', b: '', p: '' });
    maps.remove(stale);
    const groups: OrGroup[] = [{ terms: ['t0', 't1'], fields: ['w'], boost: { w: 1 } }];
    // Met unannounced, the posting is counted out as MiniSearch counts it (the documents before it in
    // the term's list scored with one more), and from the next search on, as if never there.
    const first = searchOr(packed, groups, options);
    expect(first.map((r) => r.id).sort()).toEqual(searchOr(maps, groups, options).map((r) => r.id).sort());
    expect(first.map((r) => r.id)).not.toContain(stale.id);
    expect(searchOr(packed, groups, options)).toEqual(searchOr(maps, groups, options));
    await packLoose(packed, { force: true });
    expect(searchOr(packed, groups, options)).toEqual(searchOr(maps, groups, options));
    expect(searchedState(packed)).toEqual(searchedState(maps));
  });

  it('packs every term anew into one block when the blocks are mostly unused', async () => {
    const index = createAnalysedIndex(FIELDS);
    const docs = corpus(71, 200);
    index.addAll(docs);
    await packAll(index);
    const first = [...blocks(index)];
    for (const doc of docs.slice(0, 150)) removeDocument(index, doc);
    addDocuments(index, corpus(73, 150).map((doc, n) => ({ ...doc, id: `new${n}` })));
    await packLoose(index, { force: true });
    expect(blocks(index).size).toBe(1);
    expect(first.some((block) => blocks(index).has(block))).toBe(false);
  });

  it('waits for changes worth packing, unless forced', async () => {
    const index = createAnalysedIndex(FIELDS);
    index.addAll(corpus(79, 100));
    await packAll(index);
    addDocuments(index, corpus(83, 5).map((doc, n) => ({ ...doc, id: `few${n}` })));
    await packLoose(index);
    expect(hasLoose(index)).toBe(true);
    await packLoose(index, { force: true });
    expect(hasLoose(index)).toBe(false);
  });

  it('is searched whole between the slices of packing', async () => {
    const [packed, maps] = [createAnalysedIndex(FIELDS), createAnalysedIndex(FIELDS)];
    for (const index of [packed, maps]) index.addAll(corpus(89, 250));
    const next = random(97);
    let pauses = 0;
    const pause = async () => {
      pauses++;
      expectSameAnswers(packed, maps, next, 1);
    };
    await packAll(packed, { pause, sliceWords: 200 });
    const many = corpus(101, 300).map((doc, n) => ({ ...doc, id: `m${n}`, w: `${doc.w}\u0001x${n}` }));
    addDocuments(packed, many);
    maps.addAll(many);
    for (const doc of corpus(89, 250).slice(0, 40)) {
      removeDocument(packed, doc);
      maps.remove(doc);
    }
    await packLoose(packed, { pause, sliceWords: 200, force: true });
    expect(pauses).toBeGreaterThan(20);
    expectSameAnswers(packed, maps, next, 10);
  });

  it('answers whether a document holds a term, packed or added since', async () => {
    const index = createAnalysedIndex(FIELDS);
    const docs = corpus(103, 150);
    index.addAll(docs.slice(0, 100));
    await packAll(index);
    addDocuments(index, docs.slice(100));
    removeDocument(index, docs[3]!);
    const holds = (doc: AnalysedDoc) => doc !== docs[3] && ['w', 'b'].some((field) => doc[field]!.split('\u0001').includes('t2'));
    expect(docs.map((doc) => holdsTerm(index, doc.id, 't2', ['w', 'b']))).toEqual(docs.map(holds));
  });
});

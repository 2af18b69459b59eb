import { describe, expect, it } from 'vitest';
import type MiniSearch from 'minisearch';
import { createAnalysedIndex, type AnalysedDoc } from './minisearch-fields.js';
import { FIELDS, VOCABULARY, corpus, random } from './random-corpus-test-support.js';
import { searchOr, type OrGroup } from './or-scorer.js';
import { addDocuments, hasLoose, packAll, packLoose, removeDocument, unpackAll } from './packed-index.js';
import { PackedPostings, packedHolds } from './packed-postings.js';
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

describe('a packed index', () => {
  it('takes rounds of additions and removals, searched between them, as MiniSearch does in its Maps', async () => {
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
      // Searched while loose terms wait, then once they are packed again.
      const meanwhile = question(next);
      expect(searchOr(packed, meanwhile, options)).toEqual(searchOr(maps, meanwhile, options));
      await packLoose(packed);
      expect(hasLoose(packed)).toBe(false);
      for (let q = 0; q < 10; q++) {
        const groups = question(next);
        expect(searchOr(packed, groups, options)).toEqual(searchOr(maps, groups, options));
      }
    }
    expect(leaves(packed).every((leaf) => leaf instanceof PackedPostings)).toBe(true);
    expect(JSON.stringify(unpackAll(packed))).toBe(JSON.stringify(maps));
  });

  it('drops the postings a removed document left behind when packing, and packs anew when blocks are mostly unused', async () => {
    const index = createAnalysedIndex(FIELDS);
    const docs = corpus(67, 200);
    index.addAll(docs);
    await packAll(index);
    // Removed with other terms than it was added with: its postings of t0 stay behind, packed.
    const stale = docs.find((doc) => doc.w!.split('\u0001').includes('t0'))!;
    removeDocument(index, { ...stale, w: 't59', hw: '', hb: '', b: '', p: '' });
    const groups: OrGroup[] = [{ terms: ['t0'], fields: ['w'], boost: { w: 1 } }];
    const before = searchOr(index, groups, options);
    expect(before.map((r) => r.id)).not.toContain(stale.id);
    expect(hasLoose(index)).toBe(true);
    await packLoose(index);
    expect(searchOr(index, groups, options)).toEqual(before);
    // Packed again without the stale document's posting: a fresh build of what is left holds as many.
    const fresh = createAnalysedIndex(FIELDS);
    fresh.addAll(docs.filter((doc) => doc !== stale));
    const documentsIn = (i: MiniSearch<AnalysedDoc>) => (unpackAll(i) as unknown as { _index: { get(t: string): Map<number, Map<number, number>> } })._index.get('t0')!.get(2)!.size;
    expect(documentsIn(index)).toBe(documentsIn(fresh));
    await packAll(index);
    // Changing most documents leaves the first block mostly unused: everything is packed anew into one.
    const first = [...blocks(index)];
    for (const doc of docs.slice(0, 150)) if (doc !== stale) removeDocument(index, doc);
    addDocuments(index, corpus(71, 150).map((doc, n) => ({ ...doc, id: `new${n}` })));
    await packLoose(index);
    expect(blocks(index).size).toBe(1);
    expect(first.some((block) => blocks(index).has(block))).toBe(false);
  });

  it('is searched whole between the slices of packing', async () => {
    const [packed, maps] = [createAnalysedIndex(FIELDS), createAnalysedIndex(FIELDS)];
    for (const index of [packed, maps]) index.addAll(corpus(73, 250));
    const next = random(79);
    let pauses = 0;
    await packAll(packed, async () => {
      pauses++;
      const groups = question(next);
      expect(searchOr(packed, groups, options)).toEqual(searchOr(maps, groups, options));
    });
    expect(pauses).toBe(0); // 60 terms: one slice
    const many = corpus(83, 700).map((doc, n) => ({ ...doc, id: `m${n}`, w: `${doc.w}\u0001x${n}` }));
    addDocuments(packed, many);
    maps.addAll(many);
    await packLoose(packed, async () => {
      pauses++;
      const groups = question(next);
      expect(searchOr(packed, groups, options)).toEqual(searchOr(maps, groups, options));
    });
    expect(pauses).toBeGreaterThan(0);
  });

  it('answers whether a document holds a term by its ascending short ids', async () => {
    const index = createAnalysedIndex(FIELDS);
    const docs = corpus(89, 150);
    index.addAll(docs);
    const expected = docs.map((doc) => ['w', 'b'].some((field) => doc[field]!.split('\u0001').includes('t2')));
    await packAll(index);
    expect(docs.map((doc) => holdsTerm(index, doc.id, 't2', ['w', 'b']))).toEqual(expected);
    const t2 = (index as unknown as Internals)._index.get('t2') as PackedPostings;
    expect(packedHolds(t2, 99, 1)).toBe(false);
  });
});

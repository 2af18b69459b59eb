import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createAnalysedIndex } from './minisearch-fields.js';
import { miniSearchState, restoreMiniSearch } from './minisearch-state.js';
import { FIELDS, corpus, searchedState } from './random-corpus-test-support.js';
import { addDocuments, removeDocument, unpackAll } from './packed-index.js';
import { BulkAdder } from './bulk-add.js';
import { searchOr } from './or-scorer.js';

describe('a MiniSearch state', () => {
  it('makes, through node:v8, a packed index equal to the one it was taken of, that goes on changing as it does', () => {
    const original = createAnalysedIndex(FIELDS);
    original.addAll(corpus(41, 300));
    for (const doc of corpus(41, 300).slice(0, 40)) original.remove(doc);
    const restored = restoreMiniSearch(createAnalysedIndex(FIELDS), v8.deserialize(v8.serialize(miniSearchState(original))));
    expect(JSON.stringify(unpackAll(restoreMiniSearch(createAnalysedIndex(FIELDS), v8.deserialize(v8.serialize(miniSearchState(original))))))).toBe(JSON.stringify(original));
    for (const index of [original, restored]) {
      addDocuments(index, corpus(43, 30).map((doc, n) => ({ ...doc, id: `late${n}` })));
      removeDocument(index, corpus(41, 300)[100]!);
    }
    expect(searchedState(restored)).toEqual(searchedState(original));
  });

  it('saves packed terms where they lie and the terms changed since packing in one more block', () => {
    const index = createAnalysedIndex(FIELDS);
    const adder = new BulkAdder(index);
    const docs = [...corpus(47, 200), { id: 'gone', w: 't3\u0001t4' }];
    for (const doc of docs) adder.add(doc);
    adder.finish();
    // Two terms gain a posting and two lose one; the other terms stay where they were packed.
    addDocuments(index, [{ id: 'late', w: 't1\u0001t2' }]);
    removeDocument(index, docs.at(-1)!);
    const state = miniSearchState(index);
    expect(state.blocks).toHaveLength(2);
    const restored = restoreMiniSearch(createAnalysedIndex(FIELDS), v8.deserialize(v8.serialize(state)));
    expect(searchedState(restored)).toEqual(searchedState(index));
    const groups = [{ terms: ['t1', 't4', 't9'], fields: ['w', 'b'], boost: { w: 1, b: 0.5 } }];
    const options = { bm25: { k: 1.2, b: 0.7, d: 0.5 } };
    expect(searchOr(restored, groups, options)).toEqual(searchOr(index, groups, options));
  });

  it('is refused by an index with other fields or holding documents', () => {
    const state = miniSearchState(createAnalysedIndex(FIELDS));
    expect(() => restoreMiniSearch(createAnalysedIndex(['w', 'b']), state)).toThrow(/saved fields/);
    const busy = createAnalysedIndex(FIELDS);
    busy.add({ id: 'x', w: 't1' });
    expect(() => restoreMiniSearch(busy, state)).toThrow(/must be empty/);
  });
});

import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createAnalysedIndex } from './minisearch-fields.js';
import { miniSearchState, restoreMiniSearch } from './minisearch-state.js';
import { FIELDS, corpus, searchedState } from './random-corpus-test-support.js';
import { addDocuments, removeDocument, unpackAll } from './packed-index.js';

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

  it('is refused by an index with other fields or holding documents', () => {
    const state = miniSearchState(createAnalysedIndex(FIELDS));
    expect(() => restoreMiniSearch(createAnalysedIndex(['w', 'b']), state)).toThrow(/saved fields/);
    const busy = createAnalysedIndex(FIELDS);
    busy.add({ id: 'x', w: 't1' });
    expect(() => restoreMiniSearch(busy, state)).toThrow(/must be empty/);
  });
});

import { describe, expect, it } from 'vitest';
import { BulkAdder } from './bulk-add.js';
import { createAnalysedIndex, type AnalysedDoc } from './minisearch-fields.js';
import { FIELDS, corpus, searchedState } from './random-corpus-test-support.js';
import { addDocuments, packLoose, removeDocument, unpackAll } from './packed-index.js';
import { PackedPostings } from './packed-postings.js';

/** Documents with some fields missing and some empty, as items without a head or a body have. */
function ragged(seed: number, size: number): AnalysedDoc[] {
  return corpus(seed, size).map((doc, n) => {
    const copy: AnalysedDoc = { ...doc };
    if (n % 7 === 0) delete copy[FIELDS[n % FIELDS.length]!];
    if (n % 11 === 0) copy.w = '';
    return copy;
  });
}

function bulkBuilt(docs: AnalysedDoc[]) {
  const index = createAnalysedIndex(FIELDS);
  const adder = new BulkAdder(index);
  for (const doc of docs) adder.add(doc);
  adder.finish();
  return index;
}

describe('BulkAdder', () => {
  it('leaves the index, unpacked, exactly as adding the documents one by one does', () => {
    const docs = ragged(29, 400);
    const oneByOne = createAnalysedIndex(FIELDS);
    oneByOne.addAll(docs);
    const bulk = bulkBuilt(docs);
    expect((bulk as unknown as { _index: Map<string, unknown> })._index.get('t1')).toBeInstanceOf(PackedPostings);
    expect(JSON.stringify(unpackAll(bulk))).toBe(JSON.stringify(oneByOne));
  });

  it('gives an index that then takes adds, removals and searches as MiniSearch does', async () => {
    const docs = ragged(31, 200);
    const [ours, theirs] = [bulkBuilt(docs), createAnalysedIndex(FIELDS)];
    theirs.addAll(docs);
    const late = corpus(37, 20).map((doc, n) => ({ ...doc, id: `late${n}` }));
    addDocuments(ours, late);
    for (const doc of docs.slice(0, 30)) removeDocument(ours, doc);
    theirs.addAll(late);
    for (const doc of docs.slice(0, 30)) theirs.remove(doc);
    expect(searchedState(ours)).toEqual(searchedState(theirs));
    await packLoose(ours, { force: true });
    expect(searchedState(ours)).toEqual(searchedState(theirs));
    unpackAll(ours);
    const question = { combineWith: 'OR' as const, queries: [{ queries: ['t1\u0001t10\u0001t3'], fields: ['w', 'b'] }] };
    expect(ours.search(question)).toEqual(theirs.search(question));
  });

  it('refuses a duplicate id, an index already holding documents, and adding after finish', () => {
    const index = createAnalysedIndex(FIELDS);
    const adder = new BulkAdder(index);
    adder.add({ id: 'a', w: 't1' });
    expect(() => adder.add({ id: 'a', w: 't2' })).toThrow(/duplicate ID a/);
    adder.finish();
    expect(() => adder.add({ id: 'b', w: 't2' })).toThrow(/after finish/);
    expect(() => new BulkAdder(index)).toThrow(/empty index/);
  });
});

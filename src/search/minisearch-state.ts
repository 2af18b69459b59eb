/**
 * @module search/minisearch-state
 * A MiniSearch index's whole state as plain Maps and arrays, and the index made again from it.
 *
 * MiniSearch saves itself as JSON (`toJSON`, `loadJSON`), turning every Map of its postings into
 * an object and back: at ten thousand items that took over ten seconds each way. Its state is a
 * radix tree of Maps, which `node:v8` serialises as it is (search/index-file); but the tree's
 * leaves hold eight million postings at that size, and reading those back entry by entry took
 * 1.9 s. So the tree is handed over with each leaf replaced by its place in one flat array of
 * numbers, its postings packed there (search/packed-postings), which is written and read as a
 * block; the restored index searches that array where it lies.
 * What is read and set of MiniSearch's internals is named in `Internals`; the dependency is
 * pinned to the version it was written for (as for search/or-scorer and search/bulk-add).
 */
import type MiniSearch from 'minisearch';
import type { AnalysedDoc } from './minisearch-fields.js';
import { PackedPostings, packInto, packedLength, packedSize, type TermPostings } from './packed-postings.js';
import { registerBlock } from './packed-index.js';

/** The radix tree of terms MiniSearch searches (a `SearchableMap`'s own tree). */
type Tree = Map<string, unknown>;


/** MiniSearch's key for a node's own value in its radix tree. */
const LEAF = '';

export interface MiniSearchState {
  fieldIds: Record<string, number>;
  /** The radix tree's shape: its Maps and keys, each leaf the offset of its postings in `postings`. */
  tree: Map<string, unknown>;
  postings: Uint32Array;
  documentCount: number;
  nextId: number;
  documentIds: Map<number, string>;
  idToShortId: Map<string, number>;
  fieldLength: Map<number, number[]>;
  avgFieldLength: number[];
  dirtCount: number;
}

/** What is read and set of a MiniSearch 7.2 instance. */
interface Internals {
  _index: { _tree: Tree; _prefix: string; constructor: new (tree: Tree, prefix?: string) => unknown };
  _fieldIds: Record<string, number>;
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  _currentVacuum: unknown;
}

/** The index's state: partly its own Maps, not copies, so it is to be serialised before the index changes. */
export function miniSearchState(index: MiniSearch<AnalysedDoc>): MiniSearchState {
  const own = index as unknown as Internals;
  if (own._index._prefix !== '' || own._storedFields.size || own._currentVacuum) {
    throw new Error('miniSearchState: only a whole index without stored fields, not being vacuumed');
  }
  const { tree, postings } = flatten(own._index._tree);
  return {
    fieldIds: { ...own._fieldIds },
    tree,
    postings,
    documentCount: own._documentCount,
    nextId: own._nextId,
    documentIds: own._documentIds,
    idToShortId: own._idToShortId,
    fieldLength: own._fieldLength,
    avgFieldLength: own._avgFieldLength,
    dirtCount: own._dirtCount,
  };
}

/**
 * Puts a saved state into `empty`, a new index made with the same options (fields in the same
 * order), and returns it. Throws when the fields differ: the state belongs to another index.
 */
export function restoreMiniSearch(empty: MiniSearch<AnalysedDoc>, state: MiniSearchState): MiniSearch<AnalysedDoc> {
  const own = empty as unknown as Internals;
  if (own._documentCount !== 0) throw new Error('restoreMiniSearch: the index must be empty');
  if (JSON.stringify(own._fieldIds) !== JSON.stringify(state.fieldIds)) {
    throw new Error(`restoreMiniSearch: saved fields ${JSON.stringify(state.fieldIds)} are not the index's ${JSON.stringify(own._fieldIds)}`);
  }
  const SearchableMap = own._index.constructor;
  own._index = new SearchableMap(unflatten(state.tree, state.postings)) as Internals['_index'];
  registerBlock(empty, state.postings);
  own._documentCount = state.documentCount;
  own._nextId = state.nextId;
  own._documentIds = state.documentIds;
  own._idToShortId = state.idToShortId;
  own._fieldLength = state.fieldLength;
  own._avgFieldLength = state.avgFieldLength;
  own._dirtCount = state.dirtCount;
  return empty;
}

/** The tree's shape with each leaf's postings moved into one array (see the module's note). */
function flatten(tree: Tree): { tree: Map<string, unknown>; postings: Uint32Array } {
  let length = 0;
  const measure = (node: Tree): void => {
    for (const [key, child] of node) {
      if (key !== LEAF) measure(child as Tree);
      else length += packedSize(child as TermPostings) || 1;
    }
  };
  measure(tree);
  const postings = new Uint32Array(length);
  let at = 0;
  const copy = (node: Tree): Map<string, unknown> => {
    const shape = new Map<string, unknown>();
    for (const [key, child] of node) {
      if (key !== LEAF) {
        shape.set(key, copy(child as Tree));
        continue;
      }
      shape.set(key, at);
      at += packedLength(packInto(child as TermPostings, postings, at));
    }
    return shape;
  };
  return { tree: copy(tree), postings };
}

/** The tree again, each leaf's postings packed where they lie in the array (search/packed-postings). */
function unflatten(shape: Map<string, unknown>, postings: Uint32Array): Tree {
  const fill = (node: Map<string, unknown>): void => {
    for (const [key, child] of node) {
      if (key !== LEAF) fill(child as Map<string, unknown>);
      else node.set(key, new PackedPostings(postings, child as number));
    }
  };
  fill(shape);
  return shape;
}

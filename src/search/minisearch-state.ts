/**
 * @module search/minisearch-state
 * A MiniSearch index's whole state as plain Maps and arrays, and the index made again from it.
 *
 * MiniSearch saves itself as JSON (`toJSON`, `loadJSON`), turning every Map of its postings into
 * an object and back: at ten thousand items that took 17 s and 77 MB of text. Its state is Maps
 * of Maps, which `node:v8` serialises as they are and reads back in a fraction of the time
 * (search/index-file), so the Maps themselves are handed over. What is read and set of
 * MiniSearch's internals is named in `Internals`; the dependency is pinned to the version it was
 * written for (as for search/or-scorer and search/bulk-add).
 */
import type MiniSearch from 'minisearch';
import type { AnalysedDoc } from './minisearch-fields.js';

/** The radix tree of terms MiniSearch searches (a `SearchableMap`'s own tree). */
type Tree = Map<string, unknown>;

export interface MiniSearchState {
  fieldIds: Record<string, number>;
  tree: Tree;
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

/** The index's state: its own Maps, not copies, so it is to be serialised before the index changes. */
export function miniSearchState(index: MiniSearch<AnalysedDoc>): MiniSearchState {
  const own = index as unknown as Internals;
  if (own._index._prefix !== '' || own._storedFields.size || own._currentVacuum) {
    throw new Error('miniSearchState: only a whole index without stored fields, not being vacuumed');
  }
  return {
    fieldIds: { ...own._fieldIds },
    tree: own._index._tree,
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
  own._index = new SearchableMap(state.tree) as Internals['_index'];
  own._documentCount = state.documentCount;
  own._nextId = state.nextId;
  own._documentIds = state.documentIds;
  own._idToShortId = state.idToShortId;
  own._fieldLength = state.fieldLength;
  own._avgFieldLength = state.avgFieldLength;
  own._dirtCount = state.dirtCount;
  return empty;
}

/**
 * @module search/minisearch-state
 * A MiniSearch index's whole state as plain Maps and arrays, and the index made again from it.
 *
 * MiniSearch saves itself as JSON (`toJSON`, `loadJSON`), turning every Map of its postings into
 * an object and back: at ten thousand items that took over ten seconds each way. Its state is a
 * radix tree of Maps, which `node:v8` serialises as it is (search/index-file); but the tree's
 * leaves hold eight million postings at that size, and reading those back entry by entry took
 * 1.9 s. So the tree is handed over with each leaf replaced by its place in the blocks of packed
 * postings (search/packed-postings) the index searches, which search/index-file writes and reads
 * as they lie in memory; the restored index searches the arrays they are read into.
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
  /** The radix tree's shape: its Maps and keys, each leaf where its postings are (`leafPlace`). */
  tree: Map<string, unknown>;
  /** Blocks of packed postings (search/packed-postings). */
  blocks: Uint32Array[];
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
  const { tree, blocks } = flatten(own._index._tree, (document) => own._documentIds.has(document));
  return {
    fieldIds: { ...own._fieldIds },
    tree,
    blocks,
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
  own._index = new SearchableMap(unflatten(state.tree, state.blocks, empty)) as Internals['_index'];
  own._documentCount = state.documentCount;
  own._nextId = state.nextId;
  own._documentIds = state.documentIds;
  own._idToShortId = state.idToShortId;
  own._fieldLength = state.fieldLength;
  own._avgFieldLength = state.avgFieldLength;
  own._dirtCount = state.dirtCount;
  return empty;
}

/** A leaf's place in the saved state: its block's number times 2³² plus its offset there (exact in a double). */
const BLOCK_PLACE = 2 ** 32;

/**
 * The tree's shape, each leaf replaced by its place: a packed term by where it already lies (its
 * block is saved as it is, without a copy), a term with postings added or taken out since packing,
 * or in MiniSearch's Maps, packed into one more block (without the postings of documents taken out).
 */
function flatten(tree: Tree, live: (document: number) => boolean): { tree: Map<string, unknown>; blocks: Uint32Array[] } {
  const blocks: Uint32Array[] = [];
  const numbers = new Map<Uint32Array, number>();
  const settled = (leaf: TermPostings): leaf is PackedPostings => leaf instanceof PackedPostings && !leaf.tail && leaf.dead === 0;
  let extraLength = 0;
  const measure = (node: Tree): void => {
    for (const [key, child] of node) {
      if (key !== LEAF) measure(child as Tree);
      else if (!settled(child as TermPostings)) extraLength += packedSize(child as TermPostings, live) || 1;
    }
  };
  measure(tree);
  const extra = new Uint32Array(extraLength);
  let at = 0;
  const copy = (node: Tree): Map<string, unknown> => {
    const shape = new Map<string, unknown>();
    for (const [key, child] of node) {
      if (key !== LEAF) {
        shape.set(key, copy(child as Tree));
        continue;
      }
      const leaf = child as TermPostings;
      if (settled(leaf)) {
        let number = numbers.get(leaf.words);
        if (number === undefined) numbers.set(leaf.words, (number = blocks.push(leaf.words) - 1));
        shape.set(key, number * BLOCK_PLACE + leaf.at);
      } else {
        shape.set(key, -1 - at);
        // Without the postings of documents taken out: the restored term holds live ones only.
        at += packedLength(packInto(leaf, extra, at, live));
      }
    }
    return shape;
  };
  const shape = copy(tree);
  // The extra block's leaves were marked negative until its number was known.
  if (extraLength) {
    const number = blocks.push(extra) - 1;
    const mark = (node: Map<string, unknown>): void => {
      for (const [key, child] of node) {
        if (key !== LEAF) mark(child as Map<string, unknown>);
        else if ((child as number) < 0) node.set(key, number * BLOCK_PLACE + (-1 - (child as number)));
      }
    };
    mark(shape);
  }
  return { tree: shape, blocks };
}

/** The tree again, each leaf's postings packed where they lie in the saved blocks; each block counted in use as its terms take. */
function unflatten(shape: Map<string, unknown>, blocks: readonly Uint32Array[], index: MiniSearch<AnalysedDoc>): Tree {
  const used = blocks.map(() => 0);
  const fill = (node: Map<string, unknown>): void => {
    for (const [key, child] of node) {
      if (key !== LEAF) {
        fill(child as Map<string, unknown>);
        continue;
      }
      const place = child as number;
      const number = Math.floor(place / BLOCK_PLACE);
      const words = blocks[number];
      const at = place - number * BLOCK_PLACE;
      if (!words || at >= words.length) throw new Error('restoreMiniSearch: a term points outside the saved postings');
      const packed = new PackedPostings(words, at);
      used[number]! += packedLength(packed);
      node.set(key, packed);
    }
  };
  fill(shape);
  blocks.forEach((words, number) => registerBlock(index, words, used[number]));
  return shape;
}

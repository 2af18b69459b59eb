/**
 * @module search/packed-index
 * Adds and removes documents in a MiniSearch index whose postings are packed
 * (search/packed-postings), and packs them again now and then.
 *
 * MiniSearch's own `add` and `remove` change postings in its Maps; a packed term would have to be
 * unpacked first, and at a hundred thousand items one publish unpacked millions of postings of
 * the common terms (half a second). So documents are added here as `MiniSearch.add` adds them
 * (its short id, field lengths and averages through its own methods) with each posting appended
 * to its term's `tail`, and taken out as `MiniSearch.discard` takes them out, their postings left
 * in place and counted in each term's `dead`: the first stage then counts a term's live documents
 * for its IDF, so the scores are those of an index that never held them. Once the postings added
 * or left dead since the last packing pass a share of the index, the terms they touched are packed
 * again into a new block, in slices between which questions are answered; and when more words lie
 * unused in old blocks than are in use, every term is packed anew into one block.
 *
 * MiniSearch's own `search`, `add`, `remove`, `toJSON` and `vacuum` do not read packed terms: an
 * index kept here is searched through search/or-scorer (`unpackAll` turns it back into Maps for
 * the tests that compare with MiniSearch). What is read and set of MiniSearch's internals is named
 * in `Internals`; the dependency is pinned to the version it was written for.
 */
import type MiniSearch from 'minisearch';
import type { AnalysedDoc } from './minisearch-fields.js';
import { addDocumentAs, eachPosting } from './minisearch-add.js';
import { PackedPostings, emptyPostings, packInto, packedLength, packedSize, unpack, type TermPostings } from './packed-postings.js';

/** What is read, set and called of a MiniSearch 7.2 instance. */
interface Internals {
  _index: {
    get(term: string): TermPostings | undefined;
    set(term: string, value: TermPostings): unknown;
    delete(term: string): unknown;
    _tree: Map<string, unknown>;
  };
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
  _documentCount: number;
  _dirtCount: number;
  removeFieldLength(documentId: number, fieldId: number, count: number, length: number): void;
}

/** MiniSearch's key for a node's own value in its radix tree. */
const LEAF = '';
/** Postings added or left dead before the touched terms are packed again: this many at least… */
const REPACK_MIN_POSTINGS = 1 << 16;
/** …and this share of the words in use. */
const REPACK_SHARE = 1 / 32;
/** Words packed between two pauses: a few milliseconds' copying. */
const SLICE_WORDS = 1 << 18;

interface PackState {
  /** Terms with a tail or dead postings, to pack again. */
  loose: Set<string>;
  /** Postings added or left dead since the last packing. */
  pending: number;
  /** Each block's words still in use by a packed term. */
  blocks: Map<Uint32Array, number>;
}

const states = new WeakMap<object, PackState>();

function stateOf(index: MiniSearch<AnalysedDoc>): PackState {
  let state = states.get(index);
  if (!state) states.set(index, (state = { loose: new Set(), pending: 0, blocks: new Map() }));
  return state;
}

/** Records a block of words whose packed terms were just put into the index's tree. */
export function registerBlock(index: MiniSearch<AnalysedDoc>, words: Uint32Array, used = words.length): void {
  if (used > 0) stateOf(index).blocks.set(words, used);
}

/** `MiniSearch.add` for each document, each posting appended to its term's tail. */
export function addDocuments(index: MiniSearch<AnalysedDoc>, documents: readonly AnalysedDoc[]): void {
  const own = index as unknown as Internals;
  const state = stateOf(index);
  for (const document of documents) {
    addDocumentAs(index, document, (shortId, fieldId, term, frequency) => {
      const postings = packedTerm(own, state, term);
      postings.tail ??= new Map();
      const pairs = postings.tail.get(fieldId);
      if (pairs) pairs.push(shortId, frequency);
      else postings.tail.set(fieldId, [shortId, frequency]);
      state.loose.add(term);
      state.pending += 1;
    });
  }
}

/**
 * `MiniSearch.discard` (the document's id, field lengths and averages gone), its postings counted
 * dead in the terms `document` holds. A term it held before but no longer yields (a dictionary
 * word added since: search/minisearch-fields) keeps an uncounted dead posting, which the first
 * stage counts when it meets it.
 */
export function removeDocument(index: MiniSearch<AnalysedDoc>, document: AnalysedDoc): void {
  const own = index as unknown as Internals;
  const state = stateOf(index);
  const shortId = own._idToShortId.get(document.id);
  if (shortId === undefined) throw new Error(`MiniSearch: cannot remove document with ID ${document.id}: it is not in the index`);
  own._idToShortId.delete(document.id);
  own._documentIds.delete(shortId);
  const lengths = own._fieldLength.get(shortId) ?? [];
  for (let fieldId = 0; fieldId < lengths.length; fieldId++) {
    const length = lengths[fieldId];
    if (length !== undefined) own.removeFieldLength(shortId, fieldId, own._documentCount, length);
  }
  own._fieldLength.delete(shortId);
  own._documentCount -= 1;
  own._dirtCount += 1;
  eachPosting(index, document, (_fieldId, term) => {
    const postings = own._index.get(term);
    if (!(postings instanceof PackedPostings)) return;
    postings.dead += 1;
    state.loose.add(term);
    state.pending += 1;
  });
}

/** Marks a term for packing again: it holds a posting of a document taken out that `removeDocument` did not count. */
export function markLoose(index: MiniSearch<AnalysedDoc>, term: string): void {
  stateOf(index).loose.add(term);
}

/** Whether any term waits to be packed again. */
export function hasLoose(index: MiniSearch<AnalysedDoc>): boolean {
  return stateOf(index).loose.size > 0;
}

export interface PackOptions {
  /** Called between slices of packing (each term whole at every call): a yield to the event loop. */
  pause?: () => Promise<void>;
  /** Words packed between two pauses. */
  sliceWords?: number;
  /** Pack the changed terms now, however few the changes. */
  force?: boolean;
}

/**
 * Packs the terms changed since the last packing again once their changes are a share of the
 * index (or when forced); then, when more words lie unused in blocks than are in use, packs every
 * term anew into one block.
 */
export async function packLoose(index: MiniSearch<AnalysedDoc>, options: PackOptions = {}): Promise<void> {
  const state = stateOf(index);
  if (!options.force && state.pending < Math.max(REPACK_MIN_POSTINGS, wordsInUse(state) * REPACK_SHARE)) return;
  const terms = [...state.loose];
  state.loose.clear();
  state.pending = 0;
  await packTerms(index, terms, options);
  let held = 0;
  for (const block of state.blocks.keys()) held += block.length;
  if (held - wordsInUse(state) > Math.max(wordsInUse(state), REPACK_MIN_POSTINGS)) await packAll(index, options);
}

/** Packs every term of the index into one block (dropping dead postings and unused words). */
export async function packAll(index: MiniSearch<AnalysedDoc>, options: PackOptions = {}): Promise<void> {
  const state = stateOf(index);
  state.loose.clear();
  state.pending = 0;
  await packTerms(index, allTerms(index), options);
}

/** Turns every term back into MiniSearch's Maps, live documents' postings only (for comparing with MiniSearch). */
export function unpackAll(index: MiniSearch<AnalysedDoc>): MiniSearch<AnalysedDoc> {
  const own = index as unknown as Internals;
  const live = (document: number) => own._documentIds.has(document);
  for (const term of allTerms(index)) {
    const maps = unpack(own._index.get(term)!, live);
    if (maps.size) own._index.set(term, maps);
    else own._index.delete(term);
  }
  states.delete(index);
  return index;
}

function wordsInUse(state: PackState): number {
  let used = 0;
  for (const inUse of state.blocks.values()) used += inUse;
  return used;
}

/** The term's packed postings (a Map leaf packed first, a new term given empty ones). */
function packedTerm(own: Internals, state: PackState, term: string): PackedPostings {
  const postings = own._index.get(term);
  if (postings instanceof PackedPostings) return postings;
  const words = new Uint32Array(postings ? packedSize(postings) || 1 : 0);
  const packed = postings ? packInto(postings, words, 0) : emptyPostings();
  if (postings) state.blocks.set(words, words.length);
  own._index.set(term, packed);
  return packed;
}

async function packTerms(index: MiniSearch<AnalysedDoc>, terms: readonly string[], { pause, sliceWords = SLICE_WORDS }: PackOptions): Promise<void> {
  const own = index as unknown as Internals;
  const state = stateOf(index);
  const live = (document: number) => own._documentIds.has(document);
  const sizes = terms.map((term) => {
    const postings = own._index.get(term);
    return postings ? packedSize(postings, live) : 0;
  });
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const block = new Uint32Array(total);
  if (total) state.blocks.set(block, 0);
  let at = 0;
  let copied = 0;
  for (let i = 0; i < terms.length; i++) {
    // A pause every so many words copied (a common term at a hundred thousand items holds millions).
    if (copied > sliceWords) {
      await pause?.();
      copied = 0;
    }
    // Read again after a pause: a term changed meanwhile (an update, or a search that met an uncounted
    // dead posting) is packed as it is now, and marked loose again if a document was added to it.
    const postings = own._index.get(terms[i]!);
    if (!postings) continue;
    const size = packedSize(postings, live);
    if (postings instanceof PackedPostings) release(state, postings);
    // A term left with no live document's posting is taken out, as a fresh build would not hold it.
    if (size === 0) {
      own._index.delete(terms[i]!);
      continue;
    }
    const target = size <= sizes[i]! ? block : new Uint32Array(size);
    const packed = packInto(postings, target, target === block ? at : 0, live);
    own._index.set(terms[i]!, packed);
    if (target === block) {
      state.blocks.set(block, (state.blocks.get(block) ?? 0) + size);
      at += sizes[i]!;
    } else state.blocks.set(target, size);
    copied += size;
  }
}

/** A packed term's words are no longer used in its block; a block no term uses is let go. */
function release(state: PackState, packed: PackedPostings): void {
  const inUse = (state.blocks.get(packed.words) ?? 0) - packedLength(packed);
  if (inUse > 0) state.blocks.set(packed.words, inUse);
  else state.blocks.delete(packed.words);
}

/** Every term in the index's radix tree. */
function allTerms(index: MiniSearch<AnalysedDoc>): string[] {
  const terms: string[] = [];
  const walk = (node: Map<string, unknown>, prefix: string): void => {
    for (const [key, child] of node) {
      if (key === LEAF) terms.push(prefix);
      else walk(child as Map<string, unknown>, prefix + key);
    }
  };
  walk((index as unknown as Internals)._index._tree, '');
  return terms;
}

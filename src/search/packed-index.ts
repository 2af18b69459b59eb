/**
 * @module search/packed-index
 * Keeps a MiniSearch index's postings packed (search/packed-postings) while documents come and go.
 *
 * MiniSearch adds and removes postings in its own Maps, so before it adds or removes a document
 * the document's terms are unpacked ("loose"); once an update is through, the loose terms are
 * packed again into a new block of words. A block stays in memory while any term packed in it
 * does; when the words no term uses any more outweigh the ones in use, every term is packed anew
 * into one block. Between two steps of packing each term is whole, packed or loose, so questions
 * are answered meanwhile. Searching never unpacks: a packed term found to hold a posting of a
 * removed document is only marked loose, and packing drops that posting (as MiniSearch drops it
 * when it meets it in its Maps).
 *
 * MiniSearch's own `search`, `toJSON` and `vacuum` do not read packed terms: an index kept here is
 * searched through search/or-scorer only. What is read and set of MiniSearch's internals is named
 * in `Internals`; the dependency is pinned to the version it was written for.
 */
import type MiniSearch from 'minisearch';
import type { AnalysedDoc } from './minisearch-fields.js';
import { PackedPostings, packInto, packedLength, packedSize, unpack, type TermPostings } from './packed-postings.js';

/** What is read and set of a MiniSearch 7.2 instance. */
interface Internals {
  _index: {
    get(term: string): TermPostings | undefined;
    set(term: string, value: TermPostings): unknown;
    delete(term: string): unknown;
    _tree: Map<string, unknown>;
  };
  _documentIds: Map<number, string>;
  _options: { fields: string[]; tokenize: (text: string, fieldName?: string) => string[] };
}

/** MiniSearch's key for a node's own value in its radix tree. */
const LEAF = '';

interface PackState {
  /** Terms held as Maps (or marked for packing again), by term. */
  loose: Set<string>;
  /** Each block's words still in use by a packed term. */
  blocks: Map<Uint32Array, number>;
}

const states = new WeakMap<object, PackState>();

function stateOf(index: MiniSearch<AnalysedDoc>): PackState {
  let state = states.get(index);
  if (!state) states.set(index, (state = { loose: new Set(), blocks: new Map() }));
  return state;
}

/** Records a block of words whose packed terms were just put into the index's tree. */
export function registerBlock(index: MiniSearch<AnalysedDoc>, words: Uint32Array, used = words.length): void {
  if (used > 0) stateOf(index).blocks.set(words, used);
}

/** `MiniSearch.addAll`, the documents' terms unpacked first. */
export function addDocuments(index: MiniSearch<AnalysedDoc>, documents: readonly AnalysedDoc[]): void {
  for (const document of documents) loosen(index, termsOf(index, document));
  index.addAll(documents);
}

/** `MiniSearch.remove`, the document's terms unpacked first. */
export function removeDocument(index: MiniSearch<AnalysedDoc>, document: AnalysedDoc): void {
  loosen(index, termsOf(index, document));
  index.remove(document);
}

/** Marks a packed term for packing again: it holds postings of documents since taken out. */
export function markLoose(index: MiniSearch<AnalysedDoc>, term: string): void {
  stateOf(index).loose.add(term);
}

/** Whether any term waits to be packed. */
export function hasLoose(index: MiniSearch<AnalysedDoc>): boolean {
  return stateOf(index).loose.size > 0;
}

/** Unpacks the terms into MiniSearch's Maps (a term not in the index is only noted, as a document may bring it). */
export function loosen(index: MiniSearch<AnalysedDoc>, terms: Iterable<string>): void {
  const own = index as unknown as Internals;
  const state = stateOf(index);
  for (const term of terms) {
    state.loose.add(term);
    const postings = own._index.get(term);
    if (postings instanceof PackedPostings) {
      release(state, postings);
      own._index.set(term, unpack(postings));
    }
  }
}

/**
 * Packs the loose terms again, `sliceMs` at a time with `pause` between slices (each term whole
 * at every pause), then, when more words lie unused in blocks than are in use, packs every term
 * anew into one block.
 */
export async function packLoose(index: MiniSearch<AnalysedDoc>, pause: () => Promise<void> = async () => {}): Promise<void> {
  const state = stateOf(index);
  const terms = [...state.loose];
  state.loose.clear();
  await packTerms(index, terms, pause);
  let used = 0;
  let held = 0;
  for (const [block, inUse] of state.blocks) {
    used += inUse;
    held += block.length;
  }
  if (held - used > Math.max(used, 1 << 16)) await packTerms(index, allTerms(index), pause);
}

/** Unpacks every term: MiniSearch's own `search` and `toJSON` then read the index (the tests compare with them). */
export function unpackAll(index: MiniSearch<AnalysedDoc>): MiniSearch<AnalysedDoc> {
  loosen(index, allTerms(index));
  return index;
}

/** Packs every term of the index into one block (after a build, or to drop the unused words). */
export async function packAll(index: MiniSearch<AnalysedDoc>, pause: () => Promise<void> = async () => {}): Promise<void> {
  stateOf(index).loose.clear();
  await packTerms(index, allTerms(index), pause);
}

async function packTerms(index: MiniSearch<AnalysedDoc>, terms: readonly string[], pause: () => Promise<void>): Promise<void> {
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
  for (let i = 0; i < terms.length; i++) {
    if (i % 512 === 511) await pause();
    // Read again after a pause: a search may have cleared postings of a loose term meanwhile (never added any).
    const postings = own._index.get(terms[i]!);
    if (!postings) continue;
    if (postings instanceof PackedPostings) release(state, postings);
    // A term left with no live document's posting is taken out, as a fresh build would not hold it.
    const packed = sizes[i] ? packInto(postings, block, at, live) : undefined;
    if (!packed || packed.words[packed.at] === 0) {
      own._index.delete(terms[i]!);
      continue;
    }
    own._index.set(terms[i]!, packed);
    state.blocks.set(block, (state.blocks.get(block) ?? 0) + packedLength(packed));
    at += sizes[i]!;
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

/** The terms MiniSearch will add or remove for the document (its fields tokenised as MiniSearch does). */
function termsOf(index: MiniSearch<AnalysedDoc>, document: AnalysedDoc): Set<string> {
  const { fields, tokenize } = (index as unknown as Internals)._options;
  const terms = new Set<string>();
  for (const field of fields) {
    const value = document[field];
    if (value) for (const term of tokenize(value, field)) if (term) terms.add(term);
  }
  return terms;
}

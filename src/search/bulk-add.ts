/**
 * @module search/bulk-add
 * Fills an empty MiniSearch index with many documents at once, leaving it exactly as `add` one
 * by one would: the same short ids, field lengths, averages and postings, in the same order.
 *
 * `MiniSearch.add` looks every token up in its radix tree (`SearchableMap.fetch`, which slices
 * the term at every node on the way down): at a thousand policy documents that was three quarters
 * of building the index, millions of lookups for a hundred thousand distinct terms. Here a token
 * is looked up in a plain Map while the documents come in, and each distinct term is put into the
 * tree once at the end, packed (search/packed-postings): all the postings in one block of words.
 * Until `finish` the index holds the documents' ids but no postings, so it is searched only
 * afterwards. What is read of MiniSearch's internals is named in `Internals`; the
 * dependency is pinned to the version it was written for (as for search/or-scorer).
 */
import type MiniSearch from 'minisearch';
import type { AnalysedDoc } from './minisearch-fields.js';
import { PackedPostings } from './packed-postings.js';
import { registerBlock } from './packed-index.js';

/** A term's postings while staged: field id → (document short id, term frequency) pairs, short ids ascending. */
type Staged = Map<number, number[]>;

/** What is read and called of a MiniSearch 7.2 instance. */
interface Internals {
  _index: { set(term: string, value: PackedPostings): unknown; size: number };
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _documentCount: number;
  _options: {
    fields: string[];
    tokenize: (text: string, fieldName?: string) => string[];
    processTerm: (term: string, fieldName?: string) => string | string[] | null | undefined | false;
  };
  addDocumentId(id: string): number;
  addFieldLength(documentId: number, fieldId: number, count: number, length: number): void;
}

export class BulkAdder {
  private readonly internals: Internals;
  private readonly staged = new Map<string, Staged>();
  private finished = false;

  constructor(private readonly index: MiniSearch<AnalysedDoc>) {
    this.internals = index as unknown as Internals;
    if (index.documentCount !== 0 || this.internals._index.size !== 0) throw new Error('BulkAdder fills an empty index only');
  }

  /** `MiniSearch.add`, with the postings staged (documents have no stored fields here). */
  add(document: AnalysedDoc): void {
    if (this.finished) throw new Error('BulkAdder: add after finish');
    const index = this.internals;
    const id = document.id;
    if (index._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
    const shortId = index.addDocumentId(id);
    const { fields, tokenize, processTerm } = index._options;
    for (const field of fields) {
      const value = document[field];
      if (value == null) continue;
      const tokens = tokenize(value, field);
      const fieldId = index._fieldIds[field]!;
      index.addFieldLength(shortId, fieldId, index._documentCount - 1, new Set(tokens).size);
      for (const token of tokens) {
        const processed = processTerm(token, field);
        if (Array.isArray(processed)) for (const term of processed) this.stage(fieldId, shortId, term);
        else if (processed) this.stage(fieldId, shortId, processed);
      }
    }
  }

  /** Puts every staged term into the index's tree, packed in one block; the index is whole from here on. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    let total = 0;
    for (const postings of this.staged.values()) {
      total += 1;
      for (const pairs of postings.values()) total += 2 + pairs.length;
    }
    const words = new Uint32Array(total);
    let at = 0;
    for (const [term, postings] of this.staged) {
      const start = at;
      words[at++] = postings.size;
      for (const [fieldId, pairs] of postings) {
        words[at++] = fieldId;
        words[at++] = pairs.length / 2;
        words.set(pairs, at);
        at += pairs.length;
      }
      this.internals._index.set(term, new PackedPostings(words, start));
    }
    this.staged.clear();
    registerBlock(this.index, words);
  }

  /** MiniSearch's `addTerm`, on the staging Map: documents come in order, so a repeat is the last pair's. */
  private stage(fieldId: number, shortId: number, term: string): void {
    let postings = this.staged.get(term);
    if (!postings) this.staged.set(term, (postings = new Map()));
    const pairs = postings.get(fieldId);
    if (!pairs) postings.set(fieldId, [shortId, 1]);
    else if (pairs[pairs.length - 2] === shortId) pairs[pairs.length - 1]! += 1;
    else pairs.push(shortId, 1);
  }
}

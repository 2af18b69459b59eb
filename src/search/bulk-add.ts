/**
 * @module search/bulk-add
 * Fills an empty MiniSearch index with many documents at once, leaving it exactly as `add` one
 * by one would: the same short ids, field lengths, averages and postings, in the same order.
 *
 * `MiniSearch.add` looks every token up in its radix tree (`SearchableMap.fetch`, which slices
 * the term at every node on the way down): at a thousand policy documents that was three quarters
 * of building the index, millions of lookups for a hundred thousand distinct terms. Here a token
 * is looked up in a plain Map while the documents come in, and each distinct term is put into the
 * tree once at the end. Until `finish` the index holds the documents' ids but no postings, so it is
 * searched only afterwards. What is read of MiniSearch's internals is named in `Internals`; the
 * dependency is pinned to the version it was written for (as for search/or-scorer).
 */
import type MiniSearch from 'minisearch';
import type { AnalysedDoc } from './minisearch-fields.js';

/** A term's postings as MiniSearch keeps them: field id → document short id → term frequency. */
type Postings = Map<number, Map<number, number>>;

/** What is read and called of a MiniSearch 7.2 instance. */
interface Internals {
  _index: { set(term: string, value: Postings): unknown; size: number };
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
  private readonly staged = new Map<string, Postings>();
  private finished = false;

  constructor(index: MiniSearch<AnalysedDoc>) {
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

  /** Puts every staged term into the index's tree; the index is whole from here on. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (const [term, postings] of this.staged) this.internals._index.set(term, postings);
    this.staged.clear();
  }

  /** MiniSearch's `addTerm`, on the staging Map. */
  private stage(fieldId: number, shortId: number, term: string): void {
    let postings = this.staged.get(term);
    if (!postings) this.staged.set(term, (postings = new Map()));
    const docs = postings.get(fieldId);
    if (!docs) postings.set(fieldId, new Map([[shortId, 1]]));
    else docs.set(shortId, (docs.get(shortId) ?? 0) + 1);
  }
}

/**
 * @module search/minisearch-add
 * A document's postings as `MiniSearch.add` makes them (its fields tokenised and each token's
 * terms counted, its short id and field lengths through MiniSearch's own methods), handed to the
 * caller instead of written into MiniSearch's Maps: search/bulk-add stages them for a whole build,
 * search/packed-index appends them to packed terms. What is read and called of MiniSearch's
 * internals is named in `Internals`; the dependency is pinned to the version it was written for.
 */
import type MiniSearch from 'minisearch';
import type { AnalysedDoc } from './minisearch-fields.js';

/** What is read and called of a MiniSearch 7.2 instance. */
interface Internals {
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

export type PostingVisitor = (fieldId: number, term: string, frequency: number) => void;

/**
 * Adds the document's id and field lengths to the index as `MiniSearch.add` does, and hands each
 * of its postings (its new short id, a field, a term, its frequency there) to `posting`, fields in
 * order, terms in the order first met. Returns the short id.
 */
export function addDocumentAs(index: MiniSearch<AnalysedDoc>, document: AnalysedDoc, posting: (shortId: number, ...rest: Parameters<PostingVisitor>) => void): number {
  const own = index as unknown as Internals;
  if (own._idToShortId.has(document.id)) throw new Error(`MiniSearch: duplicate ID ${document.id}`);
  const shortId = own.addDocumentId(document.id);
  eachField(own, document, (fieldId, tokens, frequencies) => {
    own.addFieldLength(shortId, fieldId, own._documentCount - 1, new Set(tokens).size);
    for (const [term, frequency] of frequencies) posting(shortId, fieldId, term, frequency);
  });
  return shortId;
}

/** The document's postings as `addDocumentAs` hands them, the index left as it is (for taking a document out). */
export function eachPosting(index: MiniSearch<AnalysedDoc>, document: AnalysedDoc, posting: PostingVisitor): void {
  eachField(index as unknown as Internals, document, (fieldId, _tokens, frequencies) => {
    for (const [term, frequency] of frequencies) posting(fieldId, term, frequency);
  });
}

/** Each field of the document with its tokens and its terms' frequencies, as `MiniSearch.add` reads them. */
function eachField(own: Internals, document: AnalysedDoc, visit: (fieldId: number, tokens: string[], frequencies: Map<string, number>) => void): void {
  const { fields, tokenize, processTerm } = own._options;
  for (const field of fields) {
    const value = document[field];
    if (value == null) continue;
    const tokens = tokenize(value, field);
    const frequencies = new Map<string, number>();
    const count = (term: string) => frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    for (const token of tokens) {
      const processed = processTerm(token, field);
      if (Array.isArray(processed)) processed.forEach(count);
      else if (processed) count(processed);
    }
    visit(own._fieldIds[field]!, tokens, frequencies);
  }
}

/**
 * @module search/postings
 * Whether one document holds a term, read from MiniSearch's own postings (packed or not): one
 * lookup of the term and one of the document, where scanning the item's word list (search/word-list) for each word
 * of each re-ranked item was a tenth of answering. Reads MiniSearch's internals, as
 * search/or-scorer does; the dependency is pinned to the version it was written for.
 */
import type MiniSearch from 'minisearch';
import type { AnalysedDoc } from './minisearch-fields.js';
import { PackedPostings, packedHolds, type TermPostings } from './packed-postings.js';

interface Internals {
  _index: { get(term: string): TermPostings | undefined };
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
}

/**
 * Whether the document `id` holds `term` in any of `fields`. Postings a removed document left
 * behind belong to its old short id, never to the document's current one, so they do not count.
 */
export function holdsTerm(index: MiniSearch<AnalysedDoc>, id: string, term: string, fields: readonly string[]): boolean {
  const ms = index as unknown as Internals;
  const shortId = ms._idToShortId.get(id);
  if (shortId === undefined) return false;
  const postings = ms._index.get(term);
  if (!postings) return false;
  for (const field of fields) {
    const fieldId = ms._fieldIds[field]!;
    if (postings instanceof PackedPostings ? packedHolds(postings, fieldId, shortId) : postings.get(fieldId)?.has(shortId)) return true;
  }
  return false;
}

/**
 * @module answering/store-changes
 * What changed in the store since the search index was made, read cheaply: the index remembers
 * the content hash of every item it holds, the store lists every published item's id and hash
 * (one small query, a few tens of milliseconds at ten thousand items), and only the items whose
 * hash differs are read in full. A missing id is a withdrawal, so nothing needs a tombstone; and
 * as the comparison is with what the index holds, not with a revision number, a change missed or
 * written by another instance in between is caught all the same.
 */
import type { Store } from '../storage/index.js';
import type { IndexChanges } from '../search/search-index.js';

/** Id → content hash of the items an index holds. */
export type IndexedHashes = ReadonlyMap<string, string>;

export interface StoreChanges {
  changes: IndexChanges;
  /** The hashes the index holds once `changes` are applied. */
  hashes: Map<string, string>;
}

export async function readChanges(store: Store, indexed: IndexedHashes): Promise<StoreChanges> {
  const hashes = await store.itemHashes();
  const removals = [...indexed.keys()].filter((id) => !hashes.has(id));
  const changed = [...hashes].filter(([id, hash]) => indexed.get(id) !== hash).map(([id]) => id);
  const upserts = await store.getItems(changed);
  // Withdrawn between the two reads: out of the index too. (Changed between them: the newer
  // content is indexed under the older hash, and read once more next time; no harm done.)
  const read = new Set(upserts.map((item) => item.id));
  for (const id of changed) {
    if (read.has(id)) continue;
    hashes.delete(id);
    if (indexed.has(id)) removals.push(id);
  }
  return { changes: { upserts, removals }, hashes };
}

/** The hashes of the items a full build indexed (an item written after the hashes were read is read again next time). */
export function hashesOf(hashes: ReadonlyMap<string, string>, indexedIds: Iterable<string>): Map<string, string> {
  const kept = new Map<string, string>();
  for (const id of indexedIds) {
    const hash = hashes.get(id);
    if (hash !== undefined) kept.set(id, hash);
  }
  return kept;
}

/**
 * @module answering/index-start
 * The search index an assistant starts with: read from the file saved at an earlier start and
 * brought up to the store item by item (search/index-file), or built from the store and saved for
 * the next start. A missing, outdated or damaged file is said once in the log and built over; a
 * file that cannot be written leaves the assistant as it was, answering.
 */
import type { TextAnalyzer } from '../language/index.js';
import { indexFingerprint, loadIndex, saveIndex } from '../search/index-file.js';
import { DEFAULT_RANKING } from '../search/ranking.js';
import { SearchIndex } from '../search/search-index.js';
import type { Store } from '../storage/index.js';
import { hashesOf, readChanges } from './store-changes.js';

/**
 * Past this share of the items changed at once (an import replacing much of the knowledge base),
 * a new index is built beside the one answering rather than the old one updated item by item.
 */
export const FULL_REBUILD_SHARE = 0.2;

export interface IndexStartOptions {
  zoneName?: string;
  /** Where the index is saved and read back at the next start; unset: built at every start. */
  indexFile?: string;
  log?: (message: string) => void;
}

export interface StartedIndex {
  index: SearchIndex;
  /** Id → content hash of the items the index holds. */
  hashes: Map<string, string>;
}

/** A full build over the store's items, and the hashes of what it indexed. */
export async function buildFromStore(store: Store, analyzer: TextAnalyzer, options: IndexStartOptions): Promise<StartedIndex> {
  const hashes = await store.itemHashes();
  const index = await SearchIndex.build(await store.listItems(), analyzer, undefined, { homeZone: options.zoneName });
  return { index, hashes: hashesOf(hashes, [...index.allItems()].map((item) => item.id)) };
}

export async function startIndex(store: Store, analyzer: TextAnalyzer, options: IndexStartOptions): Promise<StartedIndex> {
  const file = options.indexFile;
  if (!file) return buildFromStore(store, analyzer, options);
  const log = options.log ?? (() => {});
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const fingerprint = indexFingerprint(analyzer, DEFAULT_RANKING, options.zoneName);
  const loaded = await loadIndex(file, fingerprint);
  if ('saved' in loaded) {
    // What changed since it was saved is read before the analyzer learns the saved items' titles,
    // so that a build, if it comes to one, starts from the dictionary a fresh start would.
    const { changes, hashes } = await readChanges(store, loaded.saved.hashes);
    const count = changes.upserts.length + changes.removals.length;
    if (count <= FULL_REBUILD_SHARE * loaded.saved.state.items.size) {
      const index = SearchIndex.restore(loaded.saved.state, analyzer, undefined, { homeZone: options.zoneName });
      if (count) await index.update(changes);
      log(`search index read from ${file} (${index.size} items${count ? `, ${count} changed since it was saved` : ''}) in ${seconds()} s`);
      if (count) await save(file, fingerprint, { index, hashes }, log);
      return { index, hashes };
    }
    log(`the search index saved in ${file} is ${count} items behind the store: building it again`);
  } else if ('problem' in loaded) {
    log(`${loaded.problem}: building the search index from the store`);
  }
  const built = await buildFromStore(store, analyzer, options);
  log(`search index built (${built.index.size} items) in ${seconds()} s`);
  await save(file, fingerprint, built, log);
  return built;
}

async function save(file: string, fingerprint: string, { index, hashes }: StartedIndex, log: (message: string) => void): Promise<void> {
  try {
    await saveIndex(file, fingerprint, { state: index.state(), hashes });
  } catch (error) {
    log(`the search index could not be saved to ${file} (${(error as Error).message}); the next start builds it again`);
  }
}

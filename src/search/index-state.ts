/**
 * @module search/index-state
 * What a search index holds, as plain Maps: saved beside the store after a build and read back at
 * the next start (search/index-file), so that a restart does not analyse every item again. The
 * caches an index fills while answering, and what it derives from the whole knowledge base in a
 * few milliseconds (zones, home places, the homophones' choices), are made again instead.
 */
import type { Item } from '../knowledge/index.js';
import type { HomophoneCounts } from './homophones.js';
import type { MiniSearchState } from './minisearch-state.js';
import type { Passage } from './passages.js';
import type { SentenceEntry, TermCounts } from './rerank.js';

export interface SearchIndexState {
  /** Every item as indexed, in the order they were added. */
  items: Map<string, Item>;
  /** Each item's normalised head (title, questions, tags …). */
  heads: Map<string, string>;
  titlePlaces: Map<string, string[]>;
  sentences: Map<string, SentenceEntry[]>;
  zonesNamed: Map<string, string[]>;
  passages: Map<string, Passage>;
  /** Each item's distinct words and head words (`WordList.text`). */
  words: Map<string, string>;
  headWords: Map<string, string>;
  /** Items whose terms the word statistics hold as another zone's. */
  outside: Set<string>;
  stats: TermCounts;
  soundStats: TermCounts;
  homophones: HomophoneCounts;
  itemIndex: MiniSearchState;
  passageIndex: MiniSearchState;
}

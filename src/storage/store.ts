/**
 * @module storage/store
 * The storage contract. One implementation (`sql-store.ts`) serves both PGlite and PostgreSQL
 * through the same SQL; everything else in xiaoxin talks to this interface only.
 */
import type { Item, ItemKind } from '../knowledge/index.js';

export interface UpsertResult {
  created: string[];
  updated: string[];
  unchanged: string[];
}

export interface ItemFilter {
  kinds?: ItemKind[];
  category?: string;
}

/** What a conversation remembers between turns (kept in the database so instances stay stateless). */
export interface SessionState {
  /** The item the conversation is about, for follow-ups such as "那要多长时间？". */
  topicItemId?: string;
  /** The last question asked, as understood. */
  lastQuestion?: string;
  /** Candidates offered in a clarifying question, so "第二个" can pick one. */
  offeredItemIds?: string[];
  turns: number;
}

export interface Store {
  /** Inserts or updates items by id in one transaction; an item whose content is unchanged is left alone. */
  upsertItems(items: Item[]): Promise<UpsertResult>;
  getItem(id: string): Promise<Item | undefined>;
  listItems(filter?: ItemFilter): Promise<Item[]>;
  countItems(): Promise<number>;
  deleteItem(id: string): Promise<boolean>;
  /**
   * A number that grows whenever the set of items changes, so that search indexes held in
   * memory (possibly by several instances) know when to rebuild.
   */
  revision(): Promise<number>;
  getSession(id: string): Promise<SessionState | undefined>;
  saveSession(id: string, state: SessionState): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PGlite data folder; ignored when `databaseUrl` is set. `memory://` keeps everything in memory. */
  dataDir?: string;
  /** A PostgreSQL connection string; when set, PostgreSQL is used instead of PGlite. */
  databaseUrl?: string;
}

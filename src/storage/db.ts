/**
 * @module storage/db
 * A minimal SQL executor that PGlite and node-postgres both implement, so that the store's SQL is
 * written once. Only `$1` placeholders and SQL understood by PostgreSQL 13+ and PGlite may be used.
 */
import type { StoreOptions } from './store.js';

export type DbKind = 'pglite' | 'postgres';

export interface Db {
  readonly kind: DbKind;
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. Called on a
   * transaction's `tx`, it nests through a savepoint.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` whenever a NOTIFY on `channel` is committed, by this process or another on
   * the same database (and once after a lost connection is back). Returns the means to stop.
   */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  /** Releases the database; a second call does nothing. */
  close(): Promise<void>;
}

/** The PGlite data folder used when none is given. */
export const DEFAULT_DATA_DIR = './data';

/** Opens the database that `options` names: PostgreSQL when `databaseUrl` is set, PGlite otherwise. */
export async function openDb(options: StoreOptions = {}): Promise<Db> {
  // Imported on demand so that a PostgreSQL deployment never loads PGlite's WebAssembly, and back.
  if (options.databaseUrl) {
    const { openPostgresDb } = await import('./postgres-db.js');
    return openPostgresDb(options.databaseUrl);
  }
  const { openPgliteDb } = await import('./pglite-db.js');
  return openPgliteDb(options.dataDir ?? DEFAULT_DATA_DIR);
}

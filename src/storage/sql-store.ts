/**
 * @module storage/sql-store
 * The `Store` over a `Db`: one implementation, the same SQL, for PGlite and PostgreSQL.
 */
import type { Item } from '../knowledge/index.js';
import type { Db } from './db.js';
import { ITEM_COLUMNS, itemFromRow, prepareItems, type ItemRow } from './item-rows.js';
import { loadSession, purgeIdleSessions, saveSessionState, SESSION_IDLE_MS } from './sessions.js';
import type { ItemFilter, SessionState, Store, UpsertResult } from './store.js';

export interface SqlStoreOptions {
  /** The clock for timestamps and session expiry; tests move it forward. */
  now?: () => Date;
  /** How long a session may stay unsaved before it is forgotten (default 24 hours). */
  sessionIdleMs?: number;
}

/** Idle sessions of other users are swept at most this often, on a save. */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

export class SqlStore implements Store {
  readonly #now: () => Date;
  readonly #sessionIdleMs: number;
  #lastPurge = Number.NEGATIVE_INFINITY;

  constructor(
    readonly db: Db,
    options: SqlStoreOptions = {},
  ) {
    this.#now = options.now ?? (() => new Date());
    this.#sessionIdleMs = options.sessionIdleMs ?? SESSION_IDLE_MS;
  }

  async upsertItems(items: Item[]): Promise<UpsertResult> {
    const result: UpsertResult = { created: [], updated: [], unchanged: [] };
    const prepared = prepareItems(items);
    if (prepared.size === 0) return result;
    const now = this.#now().toISOString();

    await this.db.transaction(async (tx) => {
      await lockWriters(tx);
      const ids = [...prepared.keys()];
      const stored = await tx.query<{ id: string; content_hash: string }>(
        'SELECT id, content_hash FROM items WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
        [JSON.stringify(ids)],
      );
      const storedHash = new Map(stored.map((row) => [row.id, row.content_hash]));

      for (const [id, { item, hash, json }] of prepared) {
        const previous = storedHash.get(id);
        if (previous === hash) {
          result.unchanged.push(id);
          continue;
        }
        const fields = [id, item.kind, item.title, item.category ?? null, json, hash, now];
        try {
          if (previous === undefined) {
            await tx.query(
              `INSERT INTO items (id, kind, title, category, data, content_hash, created_at, updated_at)
               VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::timestamptz, $7::timestamptz)`,
              fields,
            );
            result.created.push(id);
          } else {
            // created_at is left alone: it records when the item first arrived.
            await tx.query(
              `UPDATE items SET kind = $2, title = $3, category = $4, data = $5::jsonb, content_hash = $6,
                 updated_at = $7::timestamptz
               WHERE id = $1`,
              fields,
            );
            result.updated.push(id);
          }
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`xiaoxin storage: could not write item "${id}"; nothing in this batch was saved: ${reason}`, {
            cause: error,
          });
        }
      }
      if (result.created.length + result.updated.length > 0) await bumpRevision(tx);
    });
    return result;
  }

  async getItem(id: string): Promise<Item | undefined> {
    const rows = await this.db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items WHERE id = $1`, [id]);
    return rows[0] && itemFromRow(rows[0]);
  }

  /** Items in id order (bytewise, so that PGlite and any server collation agree). */
  async listItems(filter: ItemFilter = {}): Promise<Item[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    // An empty `kinds` list means no restriction, like an unticked filter in a UI.
    if (filter.kinds && filter.kinds.length > 0) {
      params.push(JSON.stringify(filter.kinds));
      conditions.push(`kind IN (SELECT jsonb_array_elements_text($${params.length}::jsonb))`);
    }
    if (filter.category !== undefined) {
      params.push(filter.category);
      conditions.push(`category = $${params.length}`);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows = await this.db.query<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM items ${where} ORDER BY id COLLATE "C"`,
      params,
    );
    return rows.map(itemFromRow);
  }

  async countItems(): Promise<number> {
    const rows = await this.db.query<{ n: number | string }>('SELECT count(*) AS n FROM items');
    return Number(rows[0]?.n ?? 0);
  }

  async deleteItem(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await lockWriters(tx);
      const deleted = await tx.query('DELETE FROM items WHERE id = $1 RETURNING id', [id]);
      if (deleted.length === 0) return false;
      await bumpRevision(tx);
      return true;
    });
  }

  async revision(): Promise<number> {
    const rows = await this.db.query<{ value: number | string }>('SELECT value FROM store_revision WHERE id = 1');
    if (!rows[0]) throw missingRevisionRow();
    return Number(rows[0].value);
  }

  async getSession(id: string): Promise<SessionState | undefined> {
    return loadSession(this.db, id, this.#now(), this.#sessionIdleMs);
  }

  async saveSession(id: string, state: SessionState): Promise<void> {
    const now = this.#now();
    await saveSessionState(this.db, id, state, now);
    // Sessions are only expired lazily, so abandoned ones are swept now and then.
    if (now.getTime() - this.#lastPurge >= PURGE_INTERVAL_MS) {
      this.#lastPurge = now.getTime();
      await purgeIdleSessions(this.db, now, this.#sessionIdleMs);
    }
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

/**
 * Locks the revision row for the rest of the transaction. Every writer takes it first, so writes
 * from several instances queue up and each sees the others' committed rows when it compares hashes.
 */
async function lockWriters(tx: Db): Promise<void> {
  const rows = await tx.query('SELECT value FROM store_revision WHERE id = 1 FOR UPDATE');
  if (rows.length === 0) throw missingRevisionRow();
}

async function bumpRevision(tx: Db): Promise<void> {
  await tx.query('UPDATE store_revision SET value = value + 1 WHERE id = 1');
}

function missingRevisionRow(): Error {
  return new Error('xiaoxin storage: the store_revision table has no row with id 1; the database was altered by hand');
}

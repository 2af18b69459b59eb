/**
 * @module storage/item-writes
 * Writing published items into the `items` table, which is what the answering engine reads:
 * shared by imports (`Store.upsertItems`) and the back office's publish and rollback, so both
 * keep content hashes, the revision counter and the version history in step.
 */
import type { Item } from '../knowledge/index.js';
import type { Db } from './db.js';
import { prepareItems } from './item-rows.js';
import type { UpsertResult } from './store.js';

/**
 * Inserts or updates `items` by id inside the caller's transaction `tx`; unchanged content is left
 * alone. Each created or updated item also becomes the published version in `item_versions`
 * (by `author`), and the revision moves when anything changed.
 */
export async function writeItems(tx: Db, items: readonly Item[], now: string, author: string): Promise<UpsertResult> {
  const result: UpsertResult = { created: [], updated: [], unchanged: [] };
  const prepared = prepareItems(items);
  if (prepared.size === 0) return result;
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
      await recordPublishedVersion(tx, { id, kind: item.kind, title: item.title, category: item.category, json, hash }, now, author);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`xiaoxin storage: could not write item "${id}"; nothing in this batch was saved: ${reason}`, {
        cause: error,
      });
    }
  }
  if (result.created.length + result.updated.length > 0) await bumpRevision(tx);
  return result;
}

/** Removes an item from what is answered; its versions stay for the history. */
export async function unpublishItem(tx: Db, id: string): Promise<boolean> {
  await lockWriters(tx);
  const deleted = await tx.query('DELETE FROM items WHERE id = $1 RETURNING id', [id]);
  if (deleted.length === 0) return false;
  await tx.query(`UPDATE item_versions SET status = 'withdrawn' WHERE item_id = $1 AND status = 'published'`, [id]);
  await bumpRevision(tx);
  return true;
}

/**
 * The written content becomes the item's published version: the previous published one is
 * superseded. When the content is that of the newest version (a draft being published), that
 * version is marked instead of a copy being added.
 */
async function recordPublishedVersion(
  tx: Db,
  row: { id: string; kind: string; title: string; category?: string; json: string; hash: string },
  now: string,
  author: string,
): Promise<void> {
  await tx.query(`UPDATE item_versions SET status = 'superseded' WHERE item_id = $1 AND status = 'published'`, [row.id]);
  const marked = await tx.query(
    `UPDATE item_versions SET status = 'published'
     WHERE item_id = $1 AND content_hash = $2 AND status IN ('draft', 'in_review')
       AND version = (SELECT MAX(version) FROM item_versions WHERE item_id = $1)
     RETURNING version`,
    [row.id, row.hash],
  );
  if (marked.length) return;
  await tx.query(
    `INSERT INTO item_versions (item_id, version, status, kind, title, category, data, content_hash, author, created_at)
     SELECT $1, COALESCE(MAX(version), 0) + 1, 'published', $2, $3, $4, $5::jsonb, $6, $7, $8::timestamptz
     FROM item_versions WHERE item_id = $1`,
    [row.id, row.kind, row.title, row.category ?? null, row.json, row.hash, author, now],
  );
}

/**
 * Locks the revision row for the rest of the transaction. Every writer takes it first, so writes
 * from several instances queue up and each sees the others' committed rows when it compares hashes.
 */
export async function lockWriters(tx: Db): Promise<void> {
  const rows = await tx.query('SELECT value FROM store_revision WHERE id = 1 FOR UPDATE');
  if (rows.length === 0) throw missingRevisionRow();
}

/** Channel on which every instance on the database hears that the revision moved. */
export const REVISION_CHANNEL = 'xiaoxin_revision';

export async function bumpRevision(tx: Db): Promise<void> {
  await tx.query('UPDATE store_revision SET value = value + 1 WHERE id = 1');
  // Delivered when the transaction commits, to every instance listening (server/app's refresher).
  await tx.query(`NOTIFY ${REVISION_CHANNEL}`);
}

export function missingRevisionRow(): Error {
  return new Error('xiaoxin storage: the store_revision table has no row with id 1; the database was altered by hand');
}

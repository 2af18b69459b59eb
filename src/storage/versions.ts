/**
 * @module storage/versions
 * Every saved version of every item, and the path a change takes: an editor saves drafts, submits
 * one for review, a reviewer publishes or rejects it; published content is what the engine
 * answers from (it is written into `items`). Rolling back publishes an earlier version's content
 * as a new version, so the history only ever grows. Every step is audited in its transaction.
 */
import { contentHash, validateItem, type Item } from '../knowledge/index.js';
import { recordAudit } from './audit.js';
import type { Db } from './db.js';
import { itemFromRow } from './item-rows.js';
import { lockWriters, unpublishItem, writeItems } from './item-writes.js';

export const VERSION_STATUSES = ['draft', 'in_review', 'published', 'rejected', 'superseded', 'withdrawn'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export interface ItemVersion {
  itemId: string;
  version: number;
  status: VersionStatus;
  item: Item;
  author: string;
  note?: string;
  createdAt: string;
  reviewedBy?: string;
  reviewedAt?: string;
  reviewNote?: string;
}

/** An item that is not answered from: never published, or withdrawn; described by its newest version. */
export interface UnpublishedItem {
  itemId: string;
  kind: string;
  title: string;
  category?: string;
  /** The newest version's number, status and time. */
  version: number;
  status: VersionStatus;
  createdAt: string;
  /** Once published and then taken out of the answers. */
  withdrawn: boolean;
}

/**
 * Who may make a version's content live. Four eyes by default: not the account that wrote it, so
 * that every published change was seen by a second person. A one-person centre allows self-publishing;
 * the audit log then says that nobody else approved it.
 */
export interface PublishRule {
  allowSelfPublish: boolean;
}

export const FOUR_EYES: PublishRule = { allowSelfPublish: false };

/** The note the audit log carries when an author publishes their own change. */
export const SELF_PUBLISHED = '本人发布，未经他人审核（XIAOXIN_ALLOW_SELF_PUBLISH=1）';

/** Publishing refused because the publisher wrote the content (403 over HTTP). */
export class FourEyesError extends Error {
  override readonly name = 'FourEyesError';
}

/** A change asked of a version that its state does not allow (409 over HTTP). */
export class VersionStateError extends Error {
  override readonly name = 'VersionStateError';
}

interface VersionRow {
  item_id: string;
  version: number | string;
  status: VersionStatus;
  data: unknown;
  author: string;
  note: string | null;
  created_at: Date | string;
  reviewed_by: string | null;
  reviewed_at: Date | string | null;
  review_note: string | null;
}

const VERSION_COLUMNS =
  'item_id, version, status, data, author, note, created_at, reviewed_by, reviewed_at, review_note';

export class VersionRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** The item's versions, newest first. */
  async history(itemId: string): Promise<ItemVersion[]> {
    const rows = await this.db.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM item_versions WHERE item_id = $1 ORDER BY version DESC`,
      [itemId],
    );
    return rows.map(versionFromRow);
  }

  async get(itemId: string, version: number): Promise<ItemVersion | undefined> {
    const rows = await this.db.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM item_versions WHERE item_id = $1 AND version = $2`,
      [itemId, version],
    );
    return rows[0] && versionFromRow(rows[0]);
  }

  /** Drafts and versions waiting for review, across all items, oldest first. */
  async open(statuses: VersionStatus[] = ['draft', 'in_review']): Promise<ItemVersion[]> {
    const rows = await this.db.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM item_versions
       WHERE status IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY created_at, item_id COLLATE "C", version`,
      [JSON.stringify(statuses)],
    );
    return rows.map(versionFromRow);
  }

  /** Ids of items that exist only as drafts (never published), for the back office's item list. */
  async unpublishedItemIds(): Promise<string[]> {
    const rows = await this.db.query<{ item_id: string }>(
      `SELECT item_id FROM item_versions v
       WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.id = v.item_id)
       GROUP BY item_id ORDER BY item_id COLLATE "C"`,
    );
    return rows.map((r) => r.item_id);
  }

  /** Every item with versions but nothing published, by its newest version, in id order. */
  async unpublishedLatest(): Promise<UnpublishedItem[]> {
    const rows = await this.db.query<{
      item_id: string;
      kind: string;
      title: string;
      category: string | null;
      version: number | string;
      status: VersionStatus;
      created_at: Date | string;
      withdrawn: boolean;
    }>(
      `SELECT v.item_id, v.kind, v.title, v.category, v.version, v.status, v.created_at,
              EXISTS (SELECT 1 FROM item_versions w WHERE w.item_id = v.item_id AND w.status = 'withdrawn') AS withdrawn
       FROM item_versions v
       WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.id = v.item_id)
         AND v.version = (SELECT MAX(m.version) FROM item_versions m WHERE m.item_id = v.item_id)
       ORDER BY v.item_id COLLATE "C"`,
    );
    return rows.map((r) => ({
      itemId: r.item_id,
      kind: r.kind,
      title: r.title,
      ...(r.category !== null ? { category: r.category } : {}),
      version: Number(r.version),
      status: r.status,
      createdAt: new Date(r.created_at).toISOString(),
      withdrawn: Boolean(r.withdrawn),
    }));
  }

  /**
   * Saves `input` as the item's newest version, a draft. Earlier drafts and versions in review of
   * the same item are superseded: one change at a time goes through review.
   */
  async saveDraft(input: Item, author: string, note?: string): Promise<ItemVersion> {
    const checked = validateItem(input);
    if (!checked.ok) throw new Error(`item "${input.id}" is invalid: ${checked.errors.join('; ')}`);
    const { createdAt: _c, updatedAt: _u, ...content } = checked.item;
    const now = this.now();
    return this.db.transaction(async (tx) => {
      await lockWriters(tx);
      await tx.query(
        `UPDATE item_versions SET status = 'superseded' WHERE item_id = $1 AND status IN ('draft', 'in_review')`,
        [content.id],
      );
      const rows = await tx.query<VersionRow>(
        `INSERT INTO item_versions (item_id, version, status, kind, title, category, data, content_hash, author, note, created_at)
         SELECT $1, COALESCE(MAX(version), 0) + 1, 'draft', $2, $3, $4, $5::jsonb, $6, $7, $8, $9::timestamptz
         FROM item_versions WHERE item_id = $1
         RETURNING ${VERSION_COLUMNS}`,
        [
          content.id,
          content.kind,
          content.title,
          content.category ?? null,
          JSON.stringify(content),
          contentHash(checked.item),
          author,
          note ?? null,
          now.toISOString(),
        ],
      );
      const saved = versionFromRow(rows[0]!);
      const previous = await publishedIn(tx, content.id);
      await recordAudit(
        tx,
        { actor: author, action: 'item.save-draft', target: content.id, before: previous, after: saved.item, detail: note },
        now,
      );
      return saved;
    });
  }

  /** draft → in_review. */
  async submit(itemId: string, version: number, actor: string): Promise<ItemVersion> {
    return this.transition(itemId, version, actor, ['draft'], 'in_review', 'item.submit');
  }

  /** in_review → rejected, with the reviewer's reason. */
  async reject(itemId: string, version: number, actor: string, reason: string): Promise<ItemVersion> {
    return this.transition(itemId, version, actor, ['in_review'], 'rejected', 'item.reject', reason);
  }

  /**
   * in_review → published: the content goes live in `items` in the same transaction. Under four
   * eyes (`rule`, the default) the actor must not be the version's author.
   */
  async publish(itemId: string, version: number, actor: string, note?: string, rule: PublishRule = FOUR_EYES): Promise<ItemVersion> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const current = await this.lockedVersion(tx, itemId, version);
      if (current.status !== 'in_review') throw notAllowed(current, 'publish', ['in_review']);
      const self = checkFourEyes(current, actor, rule, 'publish');
      const before = await publishedIn(tx, itemId);
      const written = await writeItems(tx, [current.item], now.toISOString(), current.author);
      // Identical to what is published already: nothing goes live, the version is spent.
      const status: VersionStatus = written.unchanged.length ? 'superseded' : 'published';
      await markReviewed(tx, itemId, version, status, actor, now, note);
      const detail = self ? joinNotes(SELF_PUBLISHED, note) : note;
      await recordAudit(tx, { actor, action: 'item.publish', target: itemId, before, after: current.item, detail }, now);
      return { ...current, status, reviewedBy: actor, reviewedAt: now.toISOString(), ...(note ? { reviewNote: note } : {}) };
    });
  }

  /**
   * Publishes the content of an earlier version as a new version at once, without another review.
   * It makes content live, so four eyes apply as to publishing: not by the target version's author
   * (otherwise an author could "roll back" to their own unreviewed draft).
   */
  async rollback(itemId: string, toVersion: number, actor: string, rule: PublishRule = FOUR_EYES): Promise<ItemVersion> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const target = await this.lockedVersion(tx, itemId, toVersion);
      const before = await publishedIn(tx, itemId);
      const alreadyPublished = () => new VersionStateError(`version ${toVersion} of "${itemId}" is what is published already`);
      if (before && contentHash(before) === contentHash(target.item)) throw alreadyPublished();
      const self = checkFourEyes(target, actor, rule, 'roll back to');
      // The new version keeps the content's author; the one who rolled back is its reviewer.
      const written = await writeItems(tx, [target.item], now.toISOString(), target.author);
      if (written.unchanged.length) throw alreadyPublished();
      const note = `回滚到第 ${toVersion} 版`;
      const detail = self ? joinNotes(SELF_PUBLISHED, note) : note;
      await tx.query(
        `UPDATE item_versions SET note = $2, reviewed_by = $3, reviewed_at = $4::timestamptz
         WHERE item_id = $1 AND status = 'published'`,
        [itemId, note, actor, now.toISOString()],
      );
      await recordAudit(tx, { actor, action: 'item.rollback', target: itemId, before, after: target.item, detail }, now);
      const [newest] = await tx.query<VersionRow>(
        `SELECT ${VERSION_COLUMNS} FROM item_versions WHERE item_id = $1 ORDER BY version DESC LIMIT 1`,
        [itemId],
      );
      return versionFromRow(newest!);
    });
  }

  /**
   * Takes an item out of what is answered; its history stays. Not under four eyes: nothing new
   * goes live, and stopping a wrong answer must not wait for a second person.
   */
  async withdraw(itemId: string, actor: string, reason?: string): Promise<boolean> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const before = await publishedIn(tx, itemId);
      const removed = await unpublishItem(tx, itemId);
      if (removed) await recordAudit(tx, { actor, action: 'item.withdraw', target: itemId, before, detail: reason }, now);
      return removed;
    });
  }

  private async transition(
    itemId: string,
    version: number,
    actor: string,
    from: VersionStatus[],
    to: VersionStatus,
    action: string,
    note?: string,
  ): Promise<ItemVersion> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const current = await this.lockedVersion(tx, itemId, version);
      if (!from.includes(current.status)) throw notAllowed(current, action.replace('item.', ''), from);
      if (to === 'in_review') {
        await tx.query('UPDATE item_versions SET status = $3 WHERE item_id = $1 AND version = $2', [itemId, version, to]);
      } else {
        await markReviewed(tx, itemId, version, to, actor, now, note);
      }
      await recordAudit(tx, { actor, action, target: itemId, after: { version, status: to }, detail: note }, now);
      return { ...current, status: to };
    });
  }

  private async lockedVersion(tx: Db, itemId: string, version: number): Promise<ItemVersion> {
    await lockWriters(tx);
    const rows = await tx.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM item_versions WHERE item_id = $1 AND version = $2`,
      [itemId, version],
    );
    if (!rows[0]) throw new VersionStateError(`item "${itemId}" has no version ${version}`);
    return versionFromRow(rows[0]);
  }
}

async function markReviewed(
  tx: Db,
  itemId: string,
  version: number,
  status: VersionStatus,
  actor: string,
  now: Date,
  note?: string,
): Promise<void> {
  await tx.query(
    `UPDATE item_versions SET status = $3, reviewed_by = $4, reviewed_at = $5::timestamptz, review_note = $6
     WHERE item_id = $1 AND version = $2`,
    [itemId, version, status, actor, now.toISOString(), note ?? null],
  );
}

/** The item as published now (for the audit log's "before"), or undefined. */
async function publishedIn(tx: Db, itemId: string): Promise<Item | undefined> {
  const rows = await tx.query<{ id: string; data: unknown; created_at: unknown; updated_at: unknown }>(
    'SELECT id, data, created_at, updated_at FROM items WHERE id = $1',
    [itemId],
  );
  return rows[0] && itemFromRow(rows[0]);
}

/**
 * Throws FourEyesError when `actor` wrote `version` and the rule forbids self-publishing; returns
 * whether the actor publishes their own content (allowed), for the audit log.
 */
function checkFourEyes(version: ItemVersion, actor: string, rule: PublishRule, what: string): boolean {
  if (version.author !== actor) return false;
  if (rule.allowSelfPublish) return true;
  throw new FourEyesError(
    `cannot ${what} version ${version.version} of "${version.itemId}": ${actor} wrote it, and another reviewer must publish it (four eyes)`,
  );
}

function joinNotes(first: string, second?: string): string {
  return second ? `${first}；${second}` : first;
}

function notAllowed(version: ItemVersion, what: string, from: VersionStatus[]): VersionStateError {
  return new VersionStateError(
    `cannot ${what} version ${version.version} of "${version.itemId}": it is ${version.status}, not ${from.join(' or ')}`,
  );
}

function versionFromRow(row: VersionRow): ItemVersion {
  const createdAt = new Date(row.created_at).toISOString();
  return {
    itemId: row.item_id,
    version: Number(row.version),
    status: row.status,
    item: itemFromRow({ id: row.item_id, data: row.data, created_at: row.created_at, updated_at: row.created_at }),
    author: row.author,
    ...(row.note ? { note: row.note } : {}),
    createdAt,
    ...(row.reviewed_by ? { reviewedBy: row.reviewed_by } : {}),
    ...(row.reviewed_at ? { reviewedAt: new Date(row.reviewed_at).toISOString() } : {}),
    ...(row.review_note ? { reviewNote: row.review_note } : {}),
  };
}

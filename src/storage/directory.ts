/**
 * @module storage/directory
 * The 七找 directory's entries and their versions. Every write — a create, an edit, a review, a
 * take-down — appends a version (who, when, the whole entry) in the same transaction and moves the
 * directory's revision, so an answering engine knows its copy is stale. Entries arrive validated
 * (src/directory); here they are only stored and read.
 */
import type { DirectoryEntry, DirectoryKind, EntryStatus, StoredEntry } from '../directory/model.js';
import type { Db } from './db.js';

export type EntryChange = 'created' | 'edited' | 'submitted' | 'approved' | 'rejected' | 'archived' | 'restored';

export interface EntryVersion {
  version: number;
  change: EntryChange;
  status: EntryStatus;
  entry: DirectoryEntry;
  reviewNote?: string;
  changedBy: string;
  changedAt: string;
}

export interface EntryListQuery {
  kind?: DirectoryKind;
  status?: EntryStatus;
  enterpriseId?: string;
}

/** What a write changes besides the entry itself. */
export interface EntryWrite {
  entry: DirectoryEntry;
  status: EntryStatus;
  change: EntryChange;
  enterpriseId?: string;
  reviewNote?: string;
}

type Timestamp = Date | string;
interface EntryRow {
  id: string;
  status: EntryStatus;
  data: string;
  enterprise_id: string | null;
  review_note: string | null;
  version: number | string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
}
interface VersionRow {
  version: number | string;
  change: EntryChange;
  status: EntryStatus;
  data: string;
  review_note: string | null;
  changed_by: string;
  changed_at: Timestamp;
}

const COLUMNS = 'id, status, data::text AS data, enterprise_id, review_note, version, created_at, updated_by, updated_at';
const iso = (t: Timestamp) => new Date(t).toISOString();

export class DirectoryRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** Stores a new entry as version 1; false when the id is taken. */
  async create(write: EntryWrite, actor: string): Promise<boolean> {
    const at = this.now().toISOString();
    const rows = await this.db.query(
      `INSERT INTO directory_entries (id, kind, type, status, data, enterprise_id, review_note, version, created_at, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, 1, $8::timestamptz, $9, $8::timestamptz)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [write.entry.id, write.entry.kind, write.entry.type, write.status, JSON.stringify(write.entry), write.enterpriseId ?? null, write.reviewNote ?? null, at, actor],
    );
    if (rows.length === 0) return false;
    await this.appendVersion(write, 1, actor, at);
    return true;
  }

  /**
   * Replaces an entry's data and state and appends the version; the new version number, or
   * undefined when there is no such entry. The enterprise that posted it stays.
   */
  async update(id: string, write: EntryWrite, actor: string): Promise<number | undefined> {
    const at = this.now().toISOString();
    const rows = await this.db.query<{ version: number | string }>(
      `UPDATE directory_entries SET kind = $2, type = $3, status = $4, data = $5::jsonb, review_note = $6,
         version = version + 1, updated_by = $7, updated_at = $8::timestamptz
       WHERE id = $1 RETURNING version`,
      [id, write.entry.kind, write.entry.type, write.status, JSON.stringify(write.entry), write.reviewNote ?? null, actor, at],
    );
    const version = rows[0] ? Number(rows[0].version) : undefined;
    if (version !== undefined) await this.appendVersion(write, version, actor, at);
    return version;
  }

  async get(id: string): Promise<StoredEntry | undefined> {
    const rows = await this.db.query<EntryRow>(`SELECT ${COLUMNS} FROM directory_entries WHERE id = $1`, [id]);
    return rows[0] && toStored(rows[0]);
  }

  /** Entries by kind, then name; archived ones only when asked for by status. */
  async list(query: EntryListQuery = {}): Promise<StoredEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.kind) add('kind = ?', query.kind);
    if (query.status) add('status = ?', query.status);
    else where.push(`status <> 'archived'`);
    if (query.enterpriseId) add('enterprise_id = ?', query.enterpriseId);
    const rows = await this.db.query<EntryRow>(
      `SELECT ${COLUMNS} FROM directory_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY kind, data->>'name', id`,
      params,
    );
    return rows.map(toStored);
  }

  /** Every version of an entry, newest first. */
  async versions(id: string): Promise<EntryVersion[]> {
    const rows = await this.db.query<VersionRow>(
      `SELECT version, change, status, data::text AS data, review_note, changed_by, changed_at
       FROM directory_entry_versions WHERE entry_id = $1 ORDER BY version DESC`,
      [id],
    );
    return rows.map((row) => ({
      version: Number(row.version),
      change: row.change,
      status: row.status,
      entry: JSON.parse(row.data) as DirectoryEntry,
      ...(row.review_note !== null ? { reviewNote: row.review_note } : {}),
      changedBy: row.changed_by,
      changedAt: iso(row.changed_at),
    }));
  }

  /** Grows with every write: whoever holds a copy of the directory reads it again when it moved. */
  async revision(): Promise<number> {
    const rows = await this.db.query<{ value: number | string }>('SELECT value FROM directory_revision WHERE id = 1');
    return Number(rows[0]?.value ?? 0);
  }

  /** How many entries an enterprise has waiting for review (a bound on what one may submit). */
  async countPending(enterpriseId: string): Promise<number> {
    const rows = await this.db.query<{ n: number | string }>(
      `SELECT count(*) AS n FROM directory_entries WHERE enterprise_id = $1 AND status = 'pending'`,
      [enterpriseId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  private async appendVersion(write: EntryWrite, version: number, actor: string, at: string): Promise<void> {
    await this.db.query(
      `INSERT INTO directory_entry_versions (entry_id, version, change, status, data, review_note, changed_by, changed_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8::timestamptz)`,
      [write.entry.id, version, write.change, write.status, JSON.stringify(write.entry), write.reviewNote ?? null, actor, at],
    );
    await this.db.query('UPDATE directory_revision SET value = value + 1 WHERE id = 1');
  }
}

function toStored(row: EntryRow): StoredEntry {
  return {
    entry: JSON.parse(row.data) as DirectoryEntry,
    status: row.status,
    version: Number(row.version),
    ...(row.enterprise_id !== null ? { enterpriseId: row.enterprise_id } : {}),
    ...(row.review_note !== null ? { reviewNote: row.review_note } : {}),
    updatedBy: row.updated_by,
    updatedAt: iso(row.updated_at),
    createdAt: iso(row.created_at),
  };
}

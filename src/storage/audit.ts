/**
 * @module storage/audit
 * The audit log: who changed what, when, with the state before and after. Written in the same
 * transaction as the change it records, so neither exists without the other.
 */
import type { Db } from './db.js';

export interface AuditEntry {
  /** The account name, or `system` for the daily job and `cli` for the command line. */
  actor: string;
  /** What was done: `item.save-draft`, `item.publish`, `account.create`, `login.failed` … */
  action: string;
  /** What it was done to: an item id, an account name. */
  target?: string;
  before?: unknown;
  after?: unknown;
  /** A short note for people (a reviewer's reason, an import file name). */
  detail?: string;
}

export interface StoredAuditEntry extends AuditEntry {
  id: number;
  at: string;
}

export interface AuditQuery {
  actor?: string;
  /** An exact action, or a prefix ending in `.` (`item.` for every item action). */
  action?: string;
  target?: string;
  since?: Date;
  until?: Date;
  limit?: number;
  /** Entries with an id below this one (for paging backwards in time). */
  beforeId?: number;
}

interface AuditRow {
  id: number | string;
  at: Date | string;
  actor: string;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
  detail: string | null;
}

export const MAX_AUDIT_PAGE = 500;

export async function recordAudit(db: Db, entry: AuditEntry, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (at, actor, action, target, before, after, detail)
     VALUES ($1::timestamptz, $2, $3, $4, $5::jsonb, $6::jsonb, $7)`,
    [
      now.toISOString(),
      entry.actor,
      entry.action,
      entry.target ?? null,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      entry.detail ?? null,
    ],
  );
}

/** Entries newest first. */
export async function queryAudit(db: Db, query: AuditQuery = {}): Promise<StoredAuditEntry[]> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (query.actor) add('actor = ?', query.actor);
  if (query.action) {
    if (query.action.endsWith('.')) add('starts_with(action, ?)', query.action);
    else add('action = ?', query.action);
  }
  if (query.target) add('target = ?', query.target);
  if (query.since) add('at >= ?::timestamptz', query.since.toISOString());
  if (query.until) add('at < ?::timestamptz', query.until.toISOString());
  if (query.beforeId) add('id < ?', query.beforeId);
  params.push(Math.min(Math.max(1, query.limit ?? 100), MAX_AUDIT_PAGE));
  const rows = await db.query<AuditRow>(
    `SELECT id, at, actor, action, target, before, after, detail FROM audit_log
     ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    action: row.action,
    ...(row.target !== null ? { target: row.target } : {}),
    ...(row.before !== null ? { before: parseJson(row.before) } : {}),
    ...(row.after !== null ? { after: parseJson(row.after) } : {}),
    ...(row.detail !== null ? { detail: row.detail } : {}),
  }));
}

function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** The audit log as the rest of xiaoxin sees it. */
export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  record(entry: AuditEntry): Promise<void> {
    return recordAudit(this.db, entry, this.now());
  }

  query(query: AuditQuery = {}): Promise<StoredAuditEntry[]> {
    return queryAudit(this.db, query);
  }
}

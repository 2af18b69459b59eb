/**
 * @module storage/enterprise-facts
 * An enterprise's profile as facts (`employees`, `revenue.2023`, `ip.utilityModels`,
 * `qualifications` …): the current value of each with its source, and an append-only history
 * of every change. Writing a fact and its version happen in one statement pair; callers run a
 * profile's changes in one transaction after `lock`, so versions of one enterprise never race.
 */
import type { Db } from './db.js';

export type StoredFactSource = 'self-declared' | 'verified';
export type FactChange = 'set' | 'removed' | 'verified';

export interface StoredFact {
  key: string;
  value: unknown;
  source: StoredFactSource;
  note?: string;
  verifiedBy?: string;
  verifiedAt?: string;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export interface FactVersion {
  key: string;
  version: number;
  change: FactChange;
  /** Absent for `removed`. */
  value?: unknown;
  source?: StoredFactSource;
  note?: string;
  verifiedBy?: string;
  verifiedAt?: string;
  changedBy: string;
  changedAt: string;
}

export interface FactWrite {
  key: string;
  value: unknown;
  source: StoredFactSource;
  note?: string;
  /** For a verified fact: who verified it and when (kept when the value did not change). */
  verifiedBy?: string;
  verifiedAt?: string;
}

type Timestamp = Date | string;
interface FactRow {
  fact_key: string;
  value: unknown;
  source: StoredFactSource;
  note: string | null;
  verified_by: string | null;
  verified_at: Timestamp | null;
  version: number;
  updated_by: string;
  updated_at: Timestamp;
}
interface VersionRow extends Omit<FactRow, 'updated_by' | 'updated_at' | 'source'> {
  change: FactChange;
  source: StoredFactSource | null;
  changed_by: string;
  changed_at: Timestamp;
}

const iso = (t: Timestamp) => new Date(t).toISOString();
// Read as text and parsed here: drivers return a jsonb string already parsed, indistinguishable from JSON text.
const json = (v: unknown) => JSON.parse(String(v)) as unknown;

export class EnterpriseFactRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** Holds the enterprise's row until the transaction ends; false when there is no such enterprise. */
  async lock(enterpriseId: string): Promise<boolean> {
    const rows = await this.db.query('SELECT id FROM enterprises WHERE id = $1 FOR UPDATE', [enterpriseId]);
    return rows.length > 0;
  }

  async list(enterpriseId: string): Promise<StoredFact[]> {
    const rows = await this.db.query<FactRow>(
      `SELECT fact_key, value::text AS value, source, note, verified_by, verified_at, version, updated_by, updated_at
       FROM enterprise_facts WHERE enterprise_id = $1 ORDER BY fact_key COLLATE "C"`,
      [enterpriseId],
    );
    return rows.map((row) => ({
      key: row.fact_key,
      value: json(row.value),
      source: row.source,
      ...(row.note !== null ? { note: row.note } : {}),
      ...(row.verified_by !== null ? { verifiedBy: row.verified_by } : {}),
      ...(row.verified_at !== null ? { verifiedAt: iso(row.verified_at) } : {}),
      version: Number(row.version),
      updatedBy: row.updated_by,
      updatedAt: iso(row.updated_at),
    }));
  }

  /** Sets a fact and records the version (`set`, or `verified` when only its verification is new). */
  async set(enterpriseId: string, fact: FactWrite, actor: string, change: FactChange = 'set'): Promise<number> {
    const at = this.now().toISOString();
    const version = await this.nextVersion(enterpriseId, fact.key);
    const value = JSON.stringify(fact.value);
    await this.db.query(
      `INSERT INTO enterprise_facts (enterprise_id, fact_key, value, source, note, verified_by, verified_at, version, updated_by, updated_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7::timestamptz, $8, $9, $10::timestamptz)
       ON CONFLICT (enterprise_id, fact_key) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source,
         note = EXCLUDED.note, verified_by = EXCLUDED.verified_by, verified_at = EXCLUDED.verified_at,
         version = EXCLUDED.version, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [enterpriseId, fact.key, value, fact.source, fact.note ?? null, fact.verifiedBy ?? null, fact.verifiedAt ?? null, version, actor, at],
    );
    await this.db.query(
      `INSERT INTO enterprise_fact_versions (enterprise_id, fact_key, version, change, value, source, note, verified_by, verified_at, changed_by, changed_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9::timestamptz, $10, $11::timestamptz)`,
      [enterpriseId, fact.key, version, change, value, fact.source, fact.note ?? null, fact.verifiedBy ?? null, fact.verifiedAt ?? null, actor, at],
    );
    return version;
  }

  /** Removes a fact (it becomes unknown) and records that; false when it was not there. */
  async remove(enterpriseId: string, key: string, actor: string): Promise<boolean> {
    const rows = await this.db.query('DELETE FROM enterprise_facts WHERE enterprise_id = $1 AND fact_key = $2 RETURNING fact_key', [enterpriseId, key]);
    if (rows.length === 0) return false;
    const version = await this.nextVersion(enterpriseId, key);
    await this.db.query(
      `INSERT INTO enterprise_fact_versions (enterprise_id, fact_key, version, change, changed_by, changed_at)
       VALUES ($1, $2, $3, 'removed', $4, $5::timestamptz)`,
      [enterpriseId, key, version, actor, this.now().toISOString()],
    );
    return true;
  }

  /** The history of one fact or of all, newest first. */
  async history(enterpriseId: string, options: { key?: string; limit: number }): Promise<FactVersion[]> {
    const params: unknown[] = [enterpriseId];
    let keyCondition = '';
    if (options.key) {
      params.push(options.key);
      // A group (`revenue`) includes its years and types (`revenue.2023`).
      keyCondition = `AND (fact_key = $2 OR starts_with(fact_key, $2 || '.'))`;
    }
    params.push(options.limit);
    const rows = await this.db.query<VersionRow>(
      `SELECT fact_key, version, change, value::text AS value, source, note, verified_by, verified_at, changed_by, changed_at
       FROM enterprise_fact_versions WHERE enterprise_id = $1 ${keyCondition}
       ORDER BY changed_at DESC, fact_key COLLATE "C", version DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => ({
      key: row.fact_key,
      version: Number(row.version),
      change: row.change,
      ...(row.value !== null ? { value: json(row.value) } : {}),
      ...(row.source !== null ? { source: row.source } : {}),
      ...(row.note !== null ? { note: row.note } : {}),
      ...(row.verified_by !== null ? { verifiedBy: row.verified_by } : {}),
      ...(row.verified_at !== null ? { verifiedAt: iso(row.verified_at) } : {}),
      changedBy: row.changed_by,
      changedAt: iso(row.changed_at),
    }));
  }

  private async nextVersion(enterpriseId: string, key: string): Promise<number> {
    const rows = await this.db.query<{ v: number | string }>(
      'SELECT COALESCE(max(version), 0) + 1 AS v FROM enterprise_fact_versions WHERE enterprise_id = $1 AND fact_key = $2',
      [enterpriseId, key],
    );
    return Number(rows[0]?.v ?? 1);
  }
}

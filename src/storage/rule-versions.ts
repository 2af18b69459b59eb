/**
 * @module storage/rule-versions
 * Every version of every eligibility rule and the path a change takes, as items have it: an editor
 * saves drafts and submits one, a reviewer publishes or rejects it (four eyes), a published version
 * retires the one before, and rolling back publishes an earlier version again as a new one, so the
 * history only grows. What is published is what matching, the chat and the notices job use; each
 * publish moves the store's revision, so every instance hears of it (LISTEN/NOTIFY). The store
 * takes rules already checked (src/enterprise/rule-book); it keeps them and their order of steps.
 */
import { recordAudit } from './audit.js';
import type { Db } from './db.js';
import { bumpRevision, lockWriters } from './item-writes.js';
import { FOUR_EYES, FourEyesError, SELF_PUBLISHED, VersionStateError, type PublishRule } from './versions.js';
import { RULE_STATUS_TEXT } from './rule-status.js';

export const RULE_VERSION_STATUSES = ['draft', 'in_review', 'published', 'rejected', 'superseded', 'retired'] as const;
export type RuleVersionStatus = (typeof RULE_VERSION_STATUSES)[number];

/** The author of versions seeded from resources/rules. */
export const SHIPPED_AUTHOR = 'shipped';

export interface RuleVersion {
  ruleId: string;
  version: number;
  status: RuleVersionStatus;
  kind: string;
  name: string;
  /** the YAML as written */
  source: string;
  /** the rule's test cases (YAML), when it has them */
  tests?: string;
  /** the checked rule (JSON) */
  rule: unknown;
  author: string;
  note?: string;
  createdAt: string;
  submittedAt?: string;
  reviewedBy?: string;
  reviewedAt?: string;
  reviewNote?: string;
  /** seeded from the shipped files */
  shipped: boolean;
}

/** A version without its texts, for lists. */
export type RuleVersionSummary = Omit<RuleVersion, 'source' | 'tests' | 'rule'> & { rule?: unknown };

/** A checked rule to store: its id, kind and name come from the rule itself. */
export interface RuleInput {
  ruleId: string;
  kind: string;
  name: string;
  source: string;
  tests?: string;
  rule: unknown;
}

/** A shipped rule file, with the hash of its texts. */
export interface ShippedRuleInput extends RuleInput {
  hash: string;
}

export interface SeedReport {
  created: string[];
  updated: string[];
  /** changed on disk but edited in the back office: left as staff have it */
  kept: string[];
}

interface Row {
  rule_id: string;
  version: number | string;
  status: RuleVersionStatus;
  kind: string;
  name: string;
  source?: string;
  tests?: string | null;
  rule?: unknown;
  author: string;
  note: string | null;
  created_at: Date | string;
  submitted_at: Date | string | null;
  reviewed_by: string | null;
  reviewed_at: Date | string | null;
  review_note: string | null;
  shipped_hash: string | null;
}

const META = 'rule_id, version, status, kind, name, author, note, created_at, submitted_at, reviewed_by, reviewed_at, review_note, shipped_hash';
const FULL = `${META}, source, tests, rule`;


export class RuleVersionRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** The published version of every rule, in id order: what the rule book serves. */
  async published(): Promise<RuleVersion[]> {
    const rows = await this.db.query<Row>(`SELECT ${FULL} FROM rule_versions WHERE status = 'published' ORDER BY rule_id COLLATE "C"`);
    return rows.map(fromRow);
  }

  /** Every version of every rule without their texts (the published ones with their rule), by rule, newest first. */
  async summaries(): Promise<RuleVersionSummary[]> {
    const rows = await this.db.query<Row>(
      `SELECT ${META}, CASE WHEN status = 'published' THEN rule END AS rule FROM rule_versions ORDER BY rule_id COLLATE "C", version DESC`,
    );
    return rows.map(summaryFromRow);
  }

  /** A rule's versions, newest first; empty when there is no such rule. */
  async history(ruleId: string): Promise<RuleVersion[]> {
    const rows = await this.db.query<Row>(`SELECT ${FULL} FROM rule_versions WHERE rule_id = $1 ORDER BY version DESC`, [ruleId]);
    return rows.map(fromRow);
  }

  async get(ruleId: string, version: number): Promise<RuleVersion | undefined> {
    const rows = await this.db.query<Row>(`SELECT ${FULL} FROM rule_versions WHERE rule_id = $1 AND version = $2`, [ruleId, version]);
    return rows[0] && fromRow(rows[0]);
  }

  /** Saves a checked rule as its newest version, a draft; an earlier draft or version in review is superseded. */
  async saveDraft(input: RuleInput, author: string, note?: string): Promise<RuleVersion> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      await lockWriters(tx);
      await tx.query(`UPDATE rule_versions SET status = 'superseded' WHERE rule_id = $1 AND status IN ('draft', 'in_review')`, [input.ruleId]);
      const saved = await insertVersion(tx, input, 'draft', { author, note, at: now });
      await recordAudit(tx, { actor: author, action: 'rule.save-draft', target: input.ruleId, before: await publishedRule(tx, input.ruleId), after: input.rule, detail: note }, now);
      return saved;
    });
  }

  /** draft → in_review. */
  async submit(ruleId: string, version: number, actor: string): Promise<RuleVersion> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const current = await lockedVersion(tx, ruleId, version);
      if (current.status !== 'draft') throw notAllowed(current, '提交审核', ['draft']);
      await tx.query(`UPDATE rule_versions SET status = 'in_review', submitted_at = $3::timestamptz WHERE rule_id = $1 AND version = $2`, [ruleId, version, now.toISOString()]);
      await recordAudit(tx, { actor, action: 'rule.submit', target: ruleId, after: { version, status: 'in_review' } }, now);
      return (await getIn(tx, ruleId, version))!;
    });
  }

  /** in_review → rejected, with the reviewer's reason. */
  async reject(ruleId: string, version: number, actor: string, reason: string): Promise<RuleVersion> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const current = await lockedVersion(tx, ruleId, version);
      if (current.status !== 'in_review') throw notAllowed(current, '退回', ['in_review']);
      await markReviewed(tx, ruleId, version, 'rejected', actor, now, reason);
      await recordAudit(tx, { actor, action: 'rule.reject', target: ruleId, after: { version, status: 'rejected' }, detail: reason }, now);
      return (await getIn(tx, ruleId, version))!;
    });
  }

  /**
   * in_review → published, the published version before it retired, in one transaction that moves
   * the store's revision. Under four eyes (the default) the actor must not be the author.
   */
  async publish(ruleId: string, version: number, actor: string, note?: string, rule: PublishRule = FOUR_EYES): Promise<RuleVersion> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const current = await lockedVersion(tx, ruleId, version);
      if (current.status !== 'in_review') throw notAllowed(current, '发布', ['in_review']);
      const self = checkFourEyes(current, actor, rule, '发布');
      const before = await publishedRule(tx, ruleId);
      await tx.query(`UPDATE rule_versions SET status = 'retired' WHERE rule_id = $1 AND status = 'published'`, [ruleId]);
      await markReviewed(tx, ruleId, version, 'published', actor, now, note);
      await bumpRevision(tx);
      await recordAudit(tx, { actor, action: 'rule.publish', target: ruleId, before, after: current.rule, detail: self ? joinNotes(SELF_PUBLISHED, note) : note }, now);
      return (await getIn(tx, ruleId, version))!;
    });
  }

  /**
   * Publishes an earlier published (now retired) version again, as a new version, without another
   * review: it was reviewed once. Four eyes apply as to publishing: not by the version's author.
   */
  async rollback(ruleId: string, toVersion: number, actor: string, rule: PublishRule = FOUR_EYES): Promise<RuleVersion> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const target = await lockedVersion(tx, ruleId, toVersion);
      if (target.status !== 'retired') throw notAllowed(target, '回滚到', ['retired']);
      const self = checkFourEyes(target, actor, rule, '回滚到');
      const before = await publishedRule(tx, ruleId);
      await tx.query(`UPDATE rule_versions SET status = 'retired' WHERE rule_id = $1 AND status = 'published'`, [ruleId]);
      const note = `回滚到第 ${toVersion} 版`;
      // The content keeps its author; the one who rolled back is its reviewer.
      const saved = await insertVersion(tx, { ...target, ...(target.tests !== undefined ? { tests: target.tests } : {}) }, 'published', {
        author: target.author,
        note,
        at: now,
        reviewedBy: actor,
        ...(target.shipped ? { shippedHash: await shippedHashOf(tx, ruleId, toVersion) } : {}),
      });
      await bumpRevision(tx);
      await recordAudit(tx, { actor, action: 'rule.rollback', target: ruleId, before, after: target.rule, detail: self ? joinNotes(SELF_PUBLISHED, note) : note }, now);
      return saved;
    });
  }

  /**
   * Brings the shipped rules into the store: a rule not there yet is published as version 1; a
   * shipped file that changed is published again while nobody has edited the rule in the back
   * office (every version is the shipped author's); otherwise staff's rule stands. Idempotent and
   * safe when several instances start at once (the writers' lock).
   */
  async seedShipped(files: readonly ShippedRuleInput[]): Promise<SeedReport> {
    const report: SeedReport = { created: [], updated: [], kept: [] };
    const now = this.now();
    // Read first without the lock: the usual start finds everything seeded and writes nothing.
    if (!(await this.needsSeeding(files))) return report;
    await this.db.transaction(async (tx) => {
      await lockWriters(tx);
      const rows = await tx.query<{ rule_id: string; status: string; author: string; shipped_hash: string | null }>(
        'SELECT rule_id, status, author, shipped_hash FROM rule_versions',
      );
      for (const file of files) {
        const own = rows.filter((r) => r.rule_id === file.ruleId);
        const published = own.find((r) => r.status === 'published');
        if (own.length === 0) {
          await insertVersion(tx, file, 'published', { author: SHIPPED_AUTHOR, at: now, shippedHash: file.hash, reviewedBy: SHIPPED_AUTHOR });
          report.created.push(file.ruleId);
        } else if (published?.shipped_hash === file.hash) {
          continue;
        } else if (own.every((r) => r.author === SHIPPED_AUTHOR)) {
          await tx.query(`UPDATE rule_versions SET status = 'retired' WHERE rule_id = $1 AND status = 'published'`, [file.ruleId]);
          await insertVersion(tx, file, 'published', { author: SHIPPED_AUTHOR, at: now, shippedHash: file.hash, reviewedBy: SHIPPED_AUTHOR, note: '随版本更新的规则文件' });
          report.updated.push(file.ruleId);
        } else {
          report.kept.push(file.ruleId);
        }
      }
      // A first seed changes nothing anyone holds (every instance reads the same files, and seeds
      // before it reads the store); an updated file replaces what other instances serve: tell them.
      if (report.updated.length) {
        await bumpRevision(tx);
        await recordAudit(tx, { actor: 'system', action: 'rule.seed', after: { updated: report.updated }, detail: '随版本更新的规则文件' }, now);
      }
    });
    return report;
  }

  /** Whether any shipped file is missing or differs from what is published and nobody edited it. */
  private async needsSeeding(files: readonly ShippedRuleInput[]): Promise<boolean> {
    const rows = await this.db.query<{ rule_id: string; status: string; author: string; shipped_hash: string | null }>(
      'SELECT rule_id, status, author, shipped_hash FROM rule_versions',
    );
    return files.some((file) => {
      const own = rows.filter((r) => r.rule_id === file.ruleId);
      if (own.length === 0) return true;
      const published = own.find((r) => r.status === 'published');
      return published?.shipped_hash !== file.hash && own.every((r) => r.author === SHIPPED_AUTHOR);
    });
  }
}

interface InsertOptions {
  author: string;
  at: Date;
  note?: string | undefined;
  reviewedBy?: string;
  shippedHash?: string | undefined;
}

async function insertVersion(tx: Db, input: RuleInput, status: RuleVersionStatus, options: InsertOptions): Promise<RuleVersion> {
  const at = options.at.toISOString();
  const reviewed = options.reviewedBy !== undefined;
  const rows = await tx.query<Row>(
    `INSERT INTO rule_versions (rule_id, version, status, kind, name, source, tests, rule, author, note, created_at, reviewed_by, reviewed_at, shipped_hash)
     SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10::timestamptz, $11, $12::timestamptz, $13
     FROM rule_versions WHERE rule_id = $1
     RETURNING ${FULL}`,
    [
      input.ruleId,
      status,
      input.kind,
      input.name,
      input.source,
      input.tests ?? null,
      JSON.stringify(input.rule),
      options.author,
      options.note ?? null,
      at,
      options.reviewedBy ?? null,
      reviewed ? at : null,
      options.shippedHash ?? null,
    ],
  );
  return fromRow(rows[0]!);
}

async function getIn(tx: Db, ruleId: string, version: number): Promise<RuleVersion | undefined> {
  const rows = await tx.query<Row>(`SELECT ${FULL} FROM rule_versions WHERE rule_id = $1 AND version = $2`, [ruleId, version]);
  return rows[0] && fromRow(rows[0]);
}

async function lockedVersion(tx: Db, ruleId: string, version: number): Promise<RuleVersion> {
  await lockWriters(tx);
  const found = await getIn(tx, ruleId, version);
  if (!found) throw new VersionStateError(`规则 ${ruleId} 没有第 ${version} 版`);
  return found;
}

async function shippedHashOf(tx: Db, ruleId: string, version: number): Promise<string | undefined> {
  const rows = await tx.query<{ shipped_hash: string | null }>('SELECT shipped_hash FROM rule_versions WHERE rule_id = $1 AND version = $2', [ruleId, version]);
  return rows[0]?.shipped_hash ?? undefined;
}

async function publishedRule(tx: Db, ruleId: string): Promise<unknown> {
  const rows = await tx.query<{ rule: unknown }>(`SELECT rule FROM rule_versions WHERE rule_id = $1 AND status = 'published'`, [ruleId]);
  return rows[0] ? json(rows[0].rule) : undefined;
}

async function markReviewed(tx: Db, ruleId: string, version: number, status: RuleVersionStatus, actor: string, now: Date, note?: string): Promise<void> {
  await tx.query(
    `UPDATE rule_versions SET status = $3, reviewed_by = $4, reviewed_at = $5::timestamptz, review_note = $6 WHERE rule_id = $1 AND version = $2`,
    [ruleId, version, status, actor, now.toISOString(), note ?? null],
  );
}

function checkFourEyes(version: RuleVersion, actor: string, rule: PublishRule, what: string): boolean {
  if (version.author !== actor) return false;
  if (rule.allowSelfPublish) return true;
  throw new FourEyesError(`不能${what}规则 ${version.ruleId} 的第 ${version.version} 版：它由 ${actor} 本人编写，须由另一位审核员发布（四眼原则）`);
}

function notAllowed(version: RuleVersion, what: string, from: RuleVersionStatus[]): VersionStateError {
  return new VersionStateError(
    `不能${what}规则 ${version.ruleId} 的第 ${version.version} 版：它的状态是“${RULE_STATUS_TEXT[version.status]}”，不是“${from.map((s) => RULE_STATUS_TEXT[s]).join('”或“')}”`,
  );
}

function joinNotes(first: string, second?: string): string {
  return second ? `${first}；${second}` : first;
}

/** PGlite returns jsonb parsed, node-postgres too; a string is parsed for safety. */
function json(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

const iso = (value: Date | string | null): string | undefined => (value === null ? undefined : new Date(value).toISOString());

function summaryFromRow(row: Row): RuleVersionSummary {
  const opt = <K extends string, V>(key: K, value: V | undefined | null) => (value === undefined || value === null ? {} : ({ [key]: value } as Record<K, V>));
  return {
    ruleId: row.rule_id,
    version: Number(row.version),
    status: row.status,
    kind: row.kind,
    name: row.name,
    author: row.author,
    ...opt('note', row.note),
    createdAt: new Date(row.created_at).toISOString(),
    ...opt('submittedAt', iso(row.submitted_at)),
    ...opt('reviewedBy', row.reviewed_by),
    ...opt('reviewedAt', iso(row.reviewed_at)),
    ...opt('reviewNote', row.review_note),
    shipped: row.shipped_hash !== null,
    ...(row.rule !== undefined && row.rule !== null ? { rule: json(row.rule) } : {}),
  };
}

function fromRow(row: Row): RuleVersion {
  return {
    ...summaryFromRow(row),
    source: row.source ?? '',
    ...(row.tests ? { tests: row.tests } : {}),
    rule: json(row.rule),
  };
}

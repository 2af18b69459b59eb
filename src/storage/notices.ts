/**
 * @module storage/notices
 * Notices to enterprises (精准直达): created once per (enterprise, rule, rule version, verdict) by
 * `INSERT … ON CONFLICT DO NOTHING` — whichever instance inserts it also queues its deliveries, the
 * others learn it existed — the inbox, the deliveries a worker claims and records, each
 * enterprise's settings, and what staff see per rule.
 */
import type { Db } from './db.js';

export const NOTICE_CHANNELS = ['inbox', 'webhook', 'email'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';
export type NoticeVerdict = 'eligible' | 'missing-facts';

export interface NoticeDetail {
  reasons: string[];
  missingFactLabels: string[];
  benefit?: { text: string; amountText?: string };
  guide?: string;
  applicationPeriod?: string;
}

export interface NewNotice {
  id: string;
  enterpriseId: string;
  ruleId: string;
  ruleVersion: string;
  verdict: NoticeVerdict;
  title: string;
  body: string;
  detail: NoticeDetail;
}

export interface Notice extends NewNotice {
  createdAt: string;
  readAt?: string;
}

export interface Delivery {
  /** `<notice id>.<channel>`: what staff name a delivery by (retrying it). */
  id: string;
  noticeId: string;
  channel: NoticeChannel;
  target?: string;
  status: DeliveryStatus;
  attempts: number;
  lastError?: string;
  nextAttemptAt?: string;
  deliveredAt?: string;
}

export interface NoticeSettings {
  noticesOff: boolean;
  webhookUrl?: string;
  email?: string;
  updatedBy?: string;
  updatedAt?: string;
}

/** A notice to make, with the channels beside the inbox it goes out by. */
export interface NoticeToCreate {
  notice: NewNotice;
  channels: Array<{ channel: 'webhook' | 'email'; target: string }>;
}

/**
 * Notices per `createMany` call: 9 parameters each keeps a statement far below PostgreSQL's 65,535,
 * and one transaction short enough not to hold the unique key's locks for long.
 */
export const MAX_NOTICES_PER_CREATE = 500;

/** A delivery claimed for sending, with what to send. */
export interface ClaimedDelivery extends Delivery {
  notice: Notice;
  enterpriseName: string;
  creditCode: string;
}

/** One fact of an active enterprise, for the sweep (every profile read in one query). */
export interface ActiveFactRow {
  enterpriseId: string;
  key: string;
  value: unknown;
  source: 'self-declared' | 'verified';
  note?: string;
}

type Timestamp = string | Date;
const iso = (t: Timestamp) => new Date(t).toISOString();
const json = (v: unknown) => JSON.parse(String(v)) as unknown;

interface NoticeRow {
  id: string;
  enterprise_id: string;
  rule_id: string;
  rule_version: string;
  verdict: NoticeVerdict;
  title: string;
  body: string;
  detail: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}
interface DeliveryRow {
  notice_id: string;
  channel: NoticeChannel;
  target: string | null;
  status: DeliveryStatus;
  attempts: number | string;
  last_error: string | null;
  next_attempt_at: Timestamp | null;
  delivered_at: Timestamp | null;
}

const NOTICE_COLUMNS = 'n.id, n.enterprise_id, n.rule_id, n.rule_version, n.verdict, n.title, n.body, n.detail::text AS detail, n.created_at, n.read_at';
const DELIVERY_COLUMNS = 'd.notice_id, d.channel, d.target, d.status, d.attempts, d.last_error, d.next_attempt_at, d.delivered_at';

const noticeOf = (r: NoticeRow): Notice => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  ruleId: r.rule_id,
  ruleVersion: r.rule_version,
  verdict: r.verdict,
  title: r.title,
  body: r.body,
  detail: json(r.detail) as NoticeDetail,
  createdAt: iso(r.created_at),
  ...(r.read_at !== null ? { readAt: iso(r.read_at) } : {}),
});

/** A delivery's id: its notice and channel (notice ids are UUIDs, without dots). */
export const deliveryId = (noticeId: string, channel: NoticeChannel) => `${noticeId}.${channel}`;

/** The notice and channel of a delivery id, or undefined when it cannot be one. */
export function parseDeliveryId(id: string): { noticeId: string; channel: NoticeChannel } | undefined {
  const dot = id.lastIndexOf('.');
  const channel = id.slice(dot + 1) as NoticeChannel;
  return dot > 0 && NOTICE_CHANNELS.includes(channel) ? { noticeId: id.slice(0, dot), channel } : undefined;
}

const deliveryOf = (r: DeliveryRow): Delivery => ({
  id: deliveryId(r.notice_id, r.channel),
  noticeId: r.notice_id,
  channel: r.channel,
  ...(r.target !== null ? { target: r.target } : {}),
  status: r.status,
  attempts: Number(r.attempts),
  ...(r.last_error !== null ? { lastError: r.last_error } : {}),
  ...(r.next_attempt_at !== null ? { nextAttemptAt: iso(r.next_attempt_at) } : {}),
  ...(r.delivered_at !== null ? { deliveredAt: iso(r.delivered_at) } : {}),
});

export const noticeKey = (enterpriseId: string, ruleId: string, ruleVersion: string, verdict: string) => `${enterpriseId}|${ruleId}|${ruleVersion}|${verdict}`;

export class NoticeRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /**
   * Creates the notices and their deliveries, skipping every (enterprise, rule, version, verdict)
   * that has one already; how many this call created. One transaction and two multi-row INSERTs
   * per call — whoever inserts a notice queues its deliveries in the same transaction, so another
   * instance inserting the same notice at once learns it existed (ON CONFLICT DO NOTHING) and
   * queues nothing. Callers pass notices in one global order (enterprise, then rule) so two
   * instances take the unique key's locks in the same order and never deadlock. The inbox delivery
   * is delivered at once.
   */
  async createMany(notices: readonly NoticeToCreate[], at: Date = this.now()): Promise<number> {
    if (!notices.length) return 0;
    if (notices.length > MAX_NOTICES_PER_CREATE) throw new Error(`at most ${MAX_NOTICES_PER_CREATE} notices at once`);
    const now = at.toISOString();
    return this.db.transaction(async (tx) => {
      const params: unknown[] = [now];
      const rows = notices.map(({ notice: n }) => {
        const first = params.length + 1;
        params.push(n.id, n.enterpriseId, n.ruleId, n.ruleVersion, n.verdict, n.title, n.body, JSON.stringify(n.detail));
        return `($${first}, $${first + 1}, $${first + 2}, $${first + 3}, $${first + 4}, $${first + 5}, $${first + 6}, $${first + 7}::jsonb, $1::timestamptz)`;
      });
      const inserted = await tx.query<{ id: string }>(
        `INSERT INTO enterprise_notices (id, enterprise_id, rule_id, rule_version, verdict, title, body, detail, created_at)
         VALUES ${rows.join(', ')}
         ON CONFLICT (enterprise_id, rule_id, rule_version, verdict) DO NOTHING RETURNING id`,
        params,
      );
      if (!inserted.length) return 0;
      const created = new Set(inserted.map((r) => r.id));
      const deliveryParams: unknown[] = [now];
      const deliveryRows: string[] = [];
      for (const { notice, channels } of notices) {
        if (!created.has(notice.id)) continue;
        const first = deliveryParams.length + 1;
        deliveryParams.push(notice.id);
        deliveryRows.push(`($${first}, 'inbox', NULL, 'delivered', 1, NULL, $1::timestamptz)`);
        for (const { channel, target } of channels) {
          const at = deliveryParams.length + 1;
          deliveryParams.push(channel, target);
          deliveryRows.push(`($${first}, $${at}, $${at + 1}, 'pending', 0, $1::timestamptz, NULL)`);
        }
      }
      await tx.query(
        `INSERT INTO notice_deliveries (notice_id, channel, target, status, attempts, next_attempt_at, delivered_at) VALUES ${deliveryRows.join(', ')}`,
        deliveryParams,
      );
      return created.size;
    });
  }

  /** One notice (`createMany` of one): true when this call created it. */
  async create(notice: NewNotice, channels: NoticeToCreate['channels'], at: Date = this.now()): Promise<boolean> {
    return (await this.createMany([{ notice, channels }], at)) === 1;
  }

  /** `enterprise|rule|version|verdict` of the notices already made for these rule versions (the sweep skips them). */
  async existingKeys(ruleVersions: readonly string[], enterpriseIds?: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ enterprise_id: string; rule_id: string; rule_version: string; verdict: string }>(
      `SELECT enterprise_id, rule_id, rule_version, verdict FROM enterprise_notices WHERE rule_version = ANY($1::text[])
       ${enterpriseIds ? 'AND enterprise_id = ANY($2::text[])' : ''}`,
      enterpriseIds ? [ruleVersions, enterpriseIds] : [ruleVersions],
    );
    return new Set(rows.map((r) => noticeKey(r.enterprise_id, r.rule_id, r.rule_version, r.verdict)));
  }

  /** The enterprise's inbox, newest first, with the unread count. */
  async inbox(enterpriseId: string, options: { limit: number; offset: number; unreadOnly?: boolean }): Promise<{ notices: Notice[]; total: number; unread: number }> {
    const filter = options.unreadOnly ? 'AND n.read_at IS NULL' : '';
    const rows = await this.db.query<NoticeRow>(
      `SELECT ${NOTICE_COLUMNS} FROM enterprise_notices n WHERE n.enterprise_id = $1 ${filter}
       ORDER BY n.created_at DESC, n.id LIMIT $2 OFFSET $3`,
      [enterpriseId, options.limit, options.offset],
    );
    const counts = await this.db.query<{ total: number | string; unread: number | string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE read_at IS NULL) AS unread FROM enterprise_notices WHERE enterprise_id = $1`,
      [enterpriseId],
    );
    const total = Number(counts[0]?.total ?? 0);
    const unread = Number(counts[0]?.unread ?? 0);
    return { notices: rows.map(noticeOf), total: options.unreadOnly ? unread : total, unread };
  }

  /** Marks the enterprise's notices read (all of them when `ids` is undefined); how many changed. Another enterprise's ids change nothing. */
  async markRead(enterpriseId: string, ids?: readonly string[]): Promise<number> {
    const now = this.now().toISOString();
    const rows = ids
      ? await this.db.query(
          `UPDATE enterprise_notices SET read_at = $3::timestamptz WHERE enterprise_id = $1 AND id = ANY($2::text[]) AND read_at IS NULL RETURNING id`,
          [enterpriseId, ids, now],
        )
      : await this.db.query(`UPDATE enterprise_notices SET read_at = $2::timestamptz WHERE enterprise_id = $1 AND read_at IS NULL RETURNING id`, [enterpriseId, now]);
    return rows.length;
  }

  /**
   * Claims up to `limit` deliveries due at `now`: one UPDATE pushes their next attempt past the
   * lease and counts the attempt, so another instance's claim skips them.
   */
  async claimDue(now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const rows = await this.db.query<DeliveryRow & NoticeRow & { enterprise_name: string; credit_code: string }>(
      `WITH due AS (
         SELECT notice_id, channel FROM notice_deliveries
         WHERE status = 'pending' AND next_attempt_at <= $1::timestamptz
         ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE notice_deliveries d SET attempts = d.attempts + 1, next_attempt_at = $2::timestamptz
         FROM due WHERE d.notice_id = due.notice_id AND d.channel = due.channel
         RETURNING ${DELIVERY_COLUMNS}
       )
       SELECT d.*, ${NOTICE_COLUMNS}, e.name AS enterprise_name, e.credit_code
       FROM claimed d JOIN enterprise_notices n ON n.id = d.notice_id JOIN enterprises e ON e.id = n.enterprise_id`,
      [now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), limit],
    );
    return rows.map((r) => ({ ...deliveryOf(r), notice: noticeOf(r), enterpriseName: r.enterprise_name, creditCode: r.credit_code }));
  }

  /** Records a claimed attempt: delivered, or failed (again at `retryAt`, or for good without it). */
  async recordAttempt(noticeId: string, channel: NoticeChannel, now: Date, outcome: { ok: true } | { ok: false; error: string; retryAt?: Date }): Promise<void> {
    if (outcome.ok) {
      await this.db.query(
        `UPDATE notice_deliveries SET status = 'delivered', delivered_at = $3::timestamptz, next_attempt_at = NULL, last_error = NULL WHERE notice_id = $1 AND channel = $2`,
        [noticeId, channel, now.toISOString()],
      );
      return;
    }
    await this.db.query(
      `UPDATE notice_deliveries SET status = $3, last_error = $4, next_attempt_at = $5::timestamptz WHERE notice_id = $1 AND channel = $2`,
      [noticeId, channel, outcome.retryAt ? 'pending' : 'failed', outcome.error.slice(0, 500), outcome.retryAt?.toISOString() ?? null],
    );
  }

  /** One delivery with the enterprise its notice is for, or undefined. */
  async delivery(noticeId: string, channel: NoticeChannel): Promise<(Delivery & { enterpriseId: string; ruleId: string }) | undefined> {
    const rows = await this.db.query<DeliveryRow & { enterprise_id: string; rule_id: string }>(
      `SELECT ${DELIVERY_COLUMNS}, n.enterprise_id, n.rule_id FROM notice_deliveries d JOIN enterprise_notices n ON n.id = d.notice_id
       WHERE d.notice_id = $1 AND d.channel = $2`,
      [noticeId, channel],
    );
    const row = rows[0];
    return row ? { ...deliveryOf(row), enterpriseId: row.enterprise_id, ruleId: row.rule_id } : undefined;
  }

  /**
   * Queues a failed webhook or e-mail delivery again, due at once, to `target` (the enterprise's
   * address now — it may have fixed it), with the retries of a new delivery. Only a failed one:
   * undefined when it is not (anymore) failed, so two staff clicking at once queue it once.
   */
  async retry(noticeId: string, channel: 'webhook' | 'email', target: string, at: Date = this.now()): Promise<Delivery | undefined> {
    const rows = await this.db.query<DeliveryRow>(
      `UPDATE notice_deliveries d SET status = 'pending', attempts = 0, target = $3, next_attempt_at = $4::timestamptz, last_error = NULL
       WHERE d.notice_id = $1 AND d.channel = $2 AND d.status = 'failed' RETURNING ${DELIVERY_COLUMNS}`,
      [noticeId, channel, target, at.toISOString()],
    );
    return rows[0] ? deliveryOf(rows[0]) : undefined;
  }

  /** The earliest pending attempt, so the worker knows when to wake. */
  async nextDue(): Promise<Date | undefined> {
    const rows = await this.db.query<{ at: Timestamp | null }>(`SELECT min(next_attempt_at) AS at FROM notice_deliveries WHERE status = 'pending'`);
    return rows[0]?.at ? new Date(rows[0].at) : undefined;
  }

  /** Every notice of one rule with its deliveries, by enterprise (the outreach view). */
  async forRule(ruleId: string): Promise<Map<string, Array<Notice & { deliveries: Delivery[] }>>> {
    const notices = await this.db.query<NoticeRow>(`SELECT ${NOTICE_COLUMNS} FROM enterprise_notices n WHERE n.rule_id = $1 ORDER BY n.created_at`, [ruleId]);
    const deliveries = await this.db.query<DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM notice_deliveries d JOIN enterprise_notices n ON n.id = d.notice_id WHERE n.rule_id = $1 ORDER BY d.channel`,
      [ruleId],
    );
    const byNotice = new Map<string, Delivery[]>();
    for (const row of deliveries) {
      const list = byNotice.get(row.notice_id) ?? [];
      list.push(deliveryOf(row));
      byNotice.set(row.notice_id, list);
    }
    const out = new Map<string, Array<Notice & { deliveries: Delivery[] }>>();
    for (const row of notices) {
      const notice = noticeOf(row);
      const list = out.get(notice.enterpriseId) ?? [];
      list.push({ ...notice, deliveries: byNotice.get(notice.id) ?? [] });
      out.set(notice.enterpriseId, list);
    }
    return out;
  }

  async settings(enterpriseId: string): Promise<NoticeSettings> {
    return (await this.allSettings([enterpriseId])).get(enterpriseId) ?? { noticesOff: false };
  }

  /** The settings of the enterprises given (all when undefined); an enterprise without a row has the defaults and is left out. */
  async allSettings(enterpriseIds?: readonly string[]): Promise<Map<string, NoticeSettings>> {
    const rows = await this.db.query<{ enterprise_id: string; notices_off: boolean; webhook_url: string | null; email: string | null; updated_by: string; updated_at: Timestamp }>(
      `SELECT enterprise_id, notices_off, webhook_url, email, updated_by, updated_at FROM enterprise_notice_settings
       ${enterpriseIds ? 'WHERE enterprise_id = ANY($1::text[])' : ''}`,
      enterpriseIds ? [enterpriseIds] : [],
    );
    return new Map(
      rows.map((r) => [
        r.enterprise_id,
        {
          noticesOff: r.notices_off,
          ...(r.webhook_url !== null ? { webhookUrl: r.webhook_url } : {}),
          ...(r.email !== null ? { email: r.email } : {}),
          updatedBy: r.updated_by,
          updatedAt: iso(r.updated_at),
        },
      ]),
    );
  }

  async saveSettings(enterpriseId: string, settings: { noticesOff: boolean; webhookUrl?: string; email?: string }, actor: string): Promise<void> {
    await this.db.query(
      `INSERT INTO enterprise_notice_settings (enterprise_id, notices_off, webhook_url, email, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::timestamptz)
       ON CONFLICT (enterprise_id) DO UPDATE SET notices_off = EXCLUDED.notices_off, webhook_url = EXCLUDED.webhook_url,
         email = EXCLUDED.email, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [enterpriseId, settings.noticesOff, settings.webhookUrl ?? null, settings.email ?? null, actor, this.now().toISOString()],
    );
  }

  /** Every fact of every active enterprise (or of those given), in one query. */
  async activeFacts(enterpriseIds?: readonly string[]): Promise<ActiveFactRow[]> {
    const rows = await this.db.query<{ enterprise_id: string; fact_key: string; value: string; source: 'self-declared' | 'verified'; note: string | null }>(
      `SELECT f.enterprise_id, f.fact_key, f.value::text AS value, f.source, f.note
       FROM enterprise_facts f JOIN enterprises e ON e.id = f.enterprise_id
       WHERE e.status = 'active' ${enterpriseIds ? 'AND e.id = ANY($1::text[])' : ''}
       ORDER BY f.enterprise_id, f.fact_key COLLATE "C"`,
      enterpriseIds ? [enterpriseIds] : [],
    );
    return rows.map((r) => ({ enterpriseId: r.enterprise_id, key: r.fact_key, value: json(r.value), source: r.source, ...(r.note !== null ? { note: r.note } : {}) }));
  }

  /** The enterprises whose facts, account or notice settings changed after `since` (an incremental sweep). */
  async changedSince(since: Date): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT enterprise_id AS id FROM enterprise_fact_versions WHERE changed_at > $1::timestamptz
       UNION SELECT id FROM enterprises WHERE updated_at > $1::timestamptz OR reviewed_at > $1::timestamptz
       UNION SELECT enterprise_id AS id FROM enterprise_notice_settings WHERE updated_at > $1::timestamptz`,
      [since.toISOString()],
    );
    return rows.map((r) => r.id);
  }

  /**
   * A cheap fingerprint of what decides who fits: every profile change (the append-only history),
   * enterprises (status, name) and their settings. The sweep runs again only when it moves.
   */
  async signature(): Promise<string> {
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT (SELECT count(*) FROM enterprise_fact_versions) AS facts, (SELECT max(changed_at) FROM enterprise_fact_versions) AS facts_at,
              (SELECT count(*) FROM enterprises) AS enterprises, (SELECT max(updated_at) FROM enterprises) AS enterprises_at,
              (SELECT max(reviewed_at) FROM enterprises) AS reviewed_at,
              (SELECT count(*) FROM enterprise_notice_settings) AS settings, (SELECT max(updated_at) FROM enterprise_notice_settings) AS settings_at`,
    );
    return JSON.stringify(Object.values(rows[0] ?? {}).map((v) => (v instanceof Date ? v.toISOString() : String(v))));
  }
}

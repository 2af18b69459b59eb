/**
 * @module storage/enterprises
 * Enterprises, the people who log in for them, their sessions and pending OIDC logins. Like
 * staff sessions, an enterprise session is found by the SHA-256 of its cookie token.
 */
import type { Db } from './db.js';

export const ENTERPRISE_STATUSES = ['pending', 'active', 'disabled'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

export interface Enterprise {
  id: string;
  creditCode: string;
  name: string;
  status: EnterpriseStatus;
  contactName?: string;
  contactPhone?: string;
  /** `self`, `oidc`, or the staff account that created it. */
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  reviewedBy?: string;
  reviewedAt?: string;
}

export interface EnterpriseUser {
  id: string;
  enterpriseId: string;
  username?: string;
  passwordHash?: string;
  /** `issuer|sub` of the province's identity service. */
  oidcSubject?: string;
  displayName?: string;
  disabled: boolean;
  createdAt: string;
}

export interface EnterpriseSession {
  userId: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface EnterpriseListQuery {
  status?: EnterpriseStatus;
  /** Part of the name or the credit code. */
  q?: string;
  limit: number;
  offset: number;
}

type Timestamp = Date | string;
interface EnterpriseRow {
  id: string;
  credit_code: string;
  name: string;
  status: EnterpriseStatus;
  contact_name: string | null;
  contact_phone: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
}
interface UserRow {
  id: string;
  enterprise_id: string;
  username: string | null;
  password_hash: string | null;
  oidc_subject: string | null;
  display_name: string | null;
  disabled: boolean;
  created_at: Timestamp;
}

const ENTERPRISE_COLUMNS =
  'id, credit_code, name, status, contact_name, contact_phone, created_by, created_at, updated_at, reviewed_by, reviewed_at';
const USER_COLUMNS = 'id, enterprise_id, username, password_hash, oidc_subject, display_name, disabled, created_at';
const iso = (t: Timestamp) => new Date(t).toISOString();

export class EnterpriseRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** Adds an enterprise; false when its credit code is registered already. */
  async create(e: { id: string; creditCode: string; name: string; status: EnterpriseStatus; contactName?: string; contactPhone?: string; createdBy: string }): Promise<boolean> {
    const at = this.now().toISOString();
    const rows = await this.db.query(
      `INSERT INTO enterprises (id, credit_code, name, status, contact_name, contact_phone, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $8::timestamptz)
       ON CONFLICT (credit_code) DO NOTHING RETURNING id`,
      [e.id, e.creditCode, e.name, e.status, e.contactName ?? null, e.contactPhone ?? null, e.createdBy, at],
    );
    return rows.length > 0;
  }

  async get(id: string): Promise<Enterprise | undefined> {
    const rows = await this.db.query<EnterpriseRow>(`SELECT ${ENTERPRISE_COLUMNS} FROM enterprises WHERE id = $1`, [id]);
    return rows[0] && enterpriseFromRow(rows[0]);
  }

  async getByCreditCode(creditCode: string): Promise<Enterprise | undefined> {
    const rows = await this.db.query<EnterpriseRow>(`SELECT ${ENTERPRISE_COLUMNS} FROM enterprises WHERE credit_code = $1`, [creditCode]);
    return rows[0] && enterpriseFromRow(rows[0]);
  }

  /** A page of enterprises, pending first (they wait for someone), then by name. */
  async list(query: EnterpriseListQuery): Promise<{ total: number; enterprises: Enterprise[] }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (query.status) {
      params.push(query.status);
      conditions.push(`status = $${params.length}`);
    }
    if (query.q) {
      params.push(query.q.toLowerCase());
      conditions.push(`(strpos(lower(name), $${params.length}) > 0 OR strpos(lower(credit_code), $${params.length}) > 0)`);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const total = await this.db.query<{ n: number | string }>(`SELECT count(*) AS n FROM enterprises ${where}`, params);
    const rows = await this.db.query<EnterpriseRow>(
      `SELECT ${ENTERPRISE_COLUMNS} FROM enterprises ${where}
       ORDER BY (status = 'pending') DESC, name COLLATE "C", id COLLATE "C"
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    );
    return { total: Number(total[0]?.n ?? 0), enterprises: rows.map(enterpriseFromRow) };
  }

  /** Every enterprise in credit-code order (the export). */
  async all(): Promise<Enterprise[]> {
    const rows = await this.db.query<EnterpriseRow>(`SELECT ${ENTERPRISE_COLUMNS} FROM enterprises ORDER BY credit_code COLLATE "C"`);
    return rows.map(enterpriseFromRow);
  }

  /** Approves, disables or re-enables; `reviewedBy` is the staff account. False when unknown. */
  async setStatus(id: string, status: EnterpriseStatus, reviewedBy: string): Promise<boolean> {
    const at = this.now().toISOString();
    const rows = await this.db.query(
      `UPDATE enterprises SET status = $2, reviewed_by = $3, reviewed_at = $4::timestamptz, updated_at = $4::timestamptz
       WHERE id = $1 RETURNING id`,
      [id, status, reviewedBy, at],
    );
    return rows.length > 0;
  }

  async rename(id: string, name: string): Promise<void> {
    await this.db.query('UPDATE enterprises SET name = $2, updated_at = $3::timestamptz WHERE id = $1', [id, name, this.now().toISOString()]);
  }

  /** Adds a user; false when the username (in that enterprise) or the OIDC subject is taken. */
  async createUser(u: { id: string; enterpriseId: string; username?: string; passwordHash?: string; oidcSubject?: string; displayName?: string }): Promise<boolean> {
    const at = this.now().toISOString();
    const rows = await this.db.query(
      `INSERT INTO enterprise_users (id, enterprise_id, username, password_hash, oidc_subject, display_name, disabled, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, false, $7::timestamptz, $7::timestamptz)
       ON CONFLICT DO NOTHING RETURNING id`,
      [u.id, u.enterpriseId, u.username ?? null, u.passwordHash ?? null, u.oidcSubject ?? null, u.displayName ?? null, at],
    );
    return rows.length > 0;
  }

  async getUser(id: string): Promise<EnterpriseUser | undefined> {
    const rows = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM enterprise_users WHERE id = $1`, [id]);
    return rows[0] && userFromRow(rows[0]);
  }

  async findLocalUser(enterpriseId: string, username: string): Promise<EnterpriseUser | undefined> {
    const rows = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM enterprise_users WHERE enterprise_id = $1 AND username = $2`, [enterpriseId, username]);
    return rows[0] && userFromRow(rows[0]);
  }

  async findOidcUser(subject: string): Promise<EnterpriseUser | undefined> {
    const rows = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM enterprise_users WHERE oidc_subject = $1`, [subject]);
    return rows[0] && userFromRow(rows[0]);
  }

  async listUsers(enterpriseId: string): Promise<EnterpriseUser[]> {
    const rows = await this.db.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM enterprise_users WHERE enterprise_id = $1 ORDER BY created_at, id COLLATE "C"`,
      [enterpriseId],
    );
    return rows.map(userFromRow);
  }

  async createSession(tokenHash: string, session: EnterpriseSession): Promise<void> {
    await this.db.query(
      `INSERT INTO enterprise_sessions (token_hash, user_id, csrf_token, created_at, expires_at)
       VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz)`,
      [tokenHash, session.userId, session.csrfToken, this.now().toISOString(), session.expiresAt.toISOString()],
    );
  }

  /** The session, or undefined when unknown or expired (an expired one is deleted). */
  async getSession(tokenHash: string): Promise<EnterpriseSession | undefined> {
    const rows = await this.db.query<{ user_id: string; csrf_token: string; expires_at: Timestamp }>(
      'SELECT user_id, csrf_token, expires_at FROM enterprise_sessions WHERE token_hash = $1',
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return undefined;
    const expiresAt = new Date(row.expires_at);
    if (expiresAt <= this.now()) {
      await this.deleteSession(tokenHash);
      return undefined;
    }
    return { userId: row.user_id, csrfToken: row.csrf_token, expiresAt };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.query('DELETE FROM enterprise_sessions WHERE token_hash = $1', [tokenHash]);
  }

  /** Logs every user of an enterprise out (it was disabled). */
  async deleteSessionsOfEnterprise(enterpriseId: string): Promise<void> {
    await this.db.query(
      'DELETE FROM enterprise_sessions WHERE user_id IN (SELECT id FROM enterprise_users WHERE enterprise_id = $1)',
      [enterpriseId],
    );
  }

  async saveOidcLogin(stateHash: string, login: { codeVerifier: string; nonce: string; expiresAt: Date }): Promise<void> {
    // Abandoned logins are swept here, where new ones arrive.
    await this.db.query('DELETE FROM oidc_logins WHERE expires_at <= $1::timestamptz', [this.now().toISOString()]);
    await this.db.query('INSERT INTO oidc_logins (state_hash, code_verifier, nonce, expires_at) VALUES ($1, $2, $3, $4::timestamptz)', [
      stateHash,
      login.codeVerifier,
      login.nonce,
      login.expiresAt.toISOString(),
    ]);
  }

  /** The pending login of `stateHash`, deleted as it is read (a callback counts once); undefined when unknown or expired. */
  async takeOidcLogin(stateHash: string): Promise<{ codeVerifier: string; nonce: string } | undefined> {
    const rows = await this.db.query<{ code_verifier: string; nonce: string; expires_at: Timestamp }>(
      'DELETE FROM oidc_logins WHERE state_hash = $1 RETURNING code_verifier, nonce, expires_at',
      [stateHash],
    );
    const row = rows[0];
    if (!row || new Date(row.expires_at) <= this.now()) return undefined;
    return { codeVerifier: row.code_verifier, nonce: row.nonce };
  }
}

function enterpriseFromRow(row: EnterpriseRow): Enterprise {
  return {
    id: row.id,
    creditCode: row.credit_code,
    name: row.name,
    status: row.status,
    ...(row.contact_name ? { contactName: row.contact_name } : {}),
    ...(row.contact_phone ? { contactPhone: row.contact_phone } : {}),
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    ...(row.reviewed_by ? { reviewedBy: row.reviewed_by } : {}),
    ...(row.reviewed_at ? { reviewedAt: iso(row.reviewed_at) } : {}),
  };
}

function userFromRow(row: UserRow): EnterpriseUser {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    ...(row.username ? { username: row.username } : {}),
    ...(row.password_hash ? { passwordHash: row.password_hash } : {}),
    ...(row.oidc_subject ? { oidcSubject: row.oidc_subject } : {}),
    ...(row.display_name ? { displayName: row.display_name } : {}),
    disabled: row.disabled,
    createdAt: iso(row.created_at),
  };
}

/**
 * @module storage/accounts
 * Staff accounts and their login sessions. A login session is found by the SHA-256 of its
 * cookie token, so a copy of the database does not hand out working cookies.
 */
import type { Role } from '../accounts/roles.js';
import type { Db } from './db.js';

export interface Account {
  name: string;
  role: Role;
  displayName?: string;
  passwordHash: string;
  disabled: boolean;
  /** The latest end of a lock-out of some client address from this account (see accounts/lockout). */
  lockedUntil?: Date;
  createdAt: string;
}

export interface LoginSession {
  userName: string;
  csrfToken: string;
  expiresAt: Date;
}

interface AccountRow {
  name: string;
  role: Role;
  display_name: string | null;
  password_hash: string;
  disabled: boolean;
  locked_until: Date | string | null;
  created_at: Date | string;
}

// accounts.failed_logins and accounts.locked_until are unused since the login_failures table.
const SELECT_ACCOUNTS = `
  SELECT name, role, display_name, password_hash, disabled, created_at,
    (SELECT max(f.locked_until) FROM login_failures f WHERE f.account = accounts.name) AS locked_until
  FROM accounts`;

export class AccountRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** Adds an account; false when the name is taken. */
  async create(account: { name: string; role: Role; passwordHash: string; displayName?: string }): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO accounts (name, role, display_name, password_hash, disabled, failed_logins, created_at, updated_at)
       VALUES ($1, $2, $3, $4, false, 0, $5::timestamptz, $5::timestamptz)
       ON CONFLICT (name) DO NOTHING RETURNING name`,
      [account.name, account.role, account.displayName ?? null, account.passwordHash, this.now().toISOString()],
    );
    return rows.length > 0;
  }

  async get(name: string): Promise<Account | undefined> {
    const rows = await this.db.query<AccountRow>(`${SELECT_ACCOUNTS} WHERE name = $1`, [name]);
    return rows[0] && accountFromRow(rows[0]);
  }

  async list(): Promise<Account[]> {
    const rows = await this.db.query<AccountRow>(`${SELECT_ACCOUNTS} ORDER BY name COLLATE "C"`);
    return rows.map(accountFromRow);
  }

  async count(): Promise<number> {
    const rows = await this.db.query<{ n: number | string }>('SELECT count(*) AS n FROM accounts');
    return Number(rows[0]?.n ?? 0);
  }

  /** Changes role, display name, password or disabled; false when there is no such account. */
  async update(
    name: string,
    patch: Partial<{ role: Role; displayName: string; passwordHash: string; disabled: boolean }>,
  ): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE accounts SET
         role = COALESCE($2, role),
         display_name = COALESCE($3, display_name),
         password_hash = COALESCE($4, password_hash),
         disabled = COALESCE($5, disabled),
         updated_at = $6::timestamptz
       WHERE name = $1 RETURNING name`,
      [name, patch.role ?? null, patch.displayName ?? null, patch.passwordHash ?? null, patch.disabled ?? null, this.now().toISOString()],
    );
    return rows.length > 0;
  }

  async createSession(tokenHash: string, session: LoginSession): Promise<void> {
    await this.db.query(
      `INSERT INTO login_sessions (token_hash, user_name, csrf_token, created_at, expires_at)
       VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz)`,
      [tokenHash, session.userName, session.csrfToken, this.now().toISOString(), session.expiresAt.toISOString()],
    );
  }

  /** The session, or undefined when unknown or expired (an expired one is deleted). */
  async getSession(tokenHash: string): Promise<LoginSession | undefined> {
    const rows = await this.db.query<{ user_name: string; csrf_token: string; expires_at: Date | string }>(
      'SELECT user_name, csrf_token, expires_at FROM login_sessions WHERE token_hash = $1',
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return undefined;
    const expiresAt = new Date(row.expires_at);
    if (expiresAt <= this.now()) {
      await this.deleteSession(tokenHash);
      return undefined;
    }
    return { userName: row.user_name, csrfToken: row.csrf_token, expiresAt };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.query('DELETE FROM login_sessions WHERE token_hash = $1', [tokenHash]);
  }

  /** Logs the user out everywhere (password changed, account disabled). */
  async deleteSessionsOf(name: string): Promise<void> {
    await this.db.query('DELETE FROM login_sessions WHERE user_name = $1', [name]);
  }
}

function accountFromRow(row: AccountRow): Account {
  return {
    name: row.name,
    role: row.role,
    ...(row.display_name ? { displayName: row.display_name } : {}),
    passwordHash: row.password_hash,
    disabled: row.disabled,
    ...(row.locked_until ? { lockedUntil: new Date(row.locked_until) } : {}),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

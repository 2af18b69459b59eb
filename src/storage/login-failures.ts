/**
 * @module storage/login-failures
 * The failed-login counters of `accounts/lockout`, kept in the database so that several instances
 * share them. A failure is counted with a single `INSERT … ON CONFLICT DO UPDATE` — never read,
 * incremented in JavaScript and written back — so concurrent wrong passwords are all counted.
 */
import { EVERY, type FailureCount, type LockoutPolicy } from '../accounts/lockout.js';
import type { Db } from './db.js';

interface FailureRow {
  account: string;
  address: string;
  failures: number;
  window_start: Date | string;
  locked_until: Date | string | null;
}

/** How many failures lock a counter: $6 per account and address, $7 per address, never per account. */
const lockAfter = (row: string) =>
  `CASE WHEN ${row}.address = '${EVERY}' THEN NULL WHEN ${row}.account = '${EVERY}' THEN $7::integer ELSE $6::integer END`;

/*
 * $1 account (or null: only the address counts), $2 address, $3 now, $4 start of the current
 * window, $5 end of a lock-out starting now, $6 per-address limit, $7 address-wide limit.
 * A counter whose window is over, or whose lock-out has ended, starts again at 1.
 */
const RESTART = `(f.window_start <= $4::timestamptz OR f.locked_until <= $3::timestamptz)`;
const COUNT_FAILURE = `
  INSERT INTO login_failures AS f (account, address, failures, window_start, locked_until)
  SELECT k.account, k.address, 1, $3::timestamptz, CASE WHEN ${lockAfter('k')} <= 1 THEN $5::timestamptz END
  FROM (VALUES ($1::text, $2::text), ($1::text, '${EVERY}'), ('${EVERY}', $2::text)) AS k (account, address)
  WHERE k.account IS NOT NULL
  ON CONFLICT (account, address) DO UPDATE SET
    failures = CASE WHEN ${RESTART} THEN 1 ELSE f.failures + 1 END,
    window_start = CASE WHEN ${RESTART} THEN $3::timestamptz ELSE f.window_start END,
    locked_until = CASE
      WHEN f.locked_until > $3::timestamptz THEN f.locked_until
      WHEN (CASE WHEN ${RESTART} THEN 1 ELSE f.failures + 1 END) >= ${lockAfter('f')} THEN $5::timestamptz
    END
  RETURNING account, address, failures, window_start, locked_until`;

export class LoginFailureRepository {
  constructor(private readonly db: Db) {}

  /** The counters that decide whether `account` (if it may exist) may be tried from `address`. */
  async counts(account: string | undefined, address: string): Promise<FailureCount[]> {
    const rows = await this.db.query<FailureRow>(
      `SELECT account, address, failures, window_start, locked_until FROM login_failures
       WHERE (account = $1 AND address IN ($2, '${EVERY}')) OR (account = '${EVERY}' AND address = $2)`,
      [account ?? null, address],
    );
    return rows.map(countFromRow);
  }

  /**
   * Counts one failed login in each counter it belongs to, atomically, and returns them as they
   * now are; also deletes the counters that are over, so that the table stays small.
   */
  async countFailure(account: string | undefined, address: string, now: Date, policy: LockoutPolicy): Promise<FailureCount[]> {
    const windowStart = new Date(now.getTime() - policy.windowMinutes * 60_000);
    const lockedUntil = new Date(now.getTime() + policy.lockMinutes * 60_000);
    await this.db.query(
      'DELETE FROM login_failures WHERE window_start <= $1::timestamptz AND (locked_until IS NULL OR locked_until <= $2::timestamptz)',
      [windowStart.toISOString(), now.toISOString()],
    );
    const rows = await this.db.query<FailureRow>(COUNT_FAILURE, [
      account ?? null,
      address,
      now.toISOString(),
      windowStart.toISOString(),
      lockedUntil.toISOString(),
      policy.perAddress,
      policy.addressWide,
    ]);
    return rows.map(countFromRow);
  }

  /** Forgets the failures of `account` from `address` (a successful login), or from everywhere. */
  async clear(account: string, address?: string): Promise<void> {
    if (address === undefined) await this.db.query('DELETE FROM login_failures WHERE account = $1', [account]);
    else await this.db.query('DELETE FROM login_failures WHERE account = $1 AND address = $2', [account, address]);
  }
}

function countFromRow(row: FailureRow): FailureCount {
  return {
    account: row.account,
    address: row.address,
    failures: Number(row.failures),
    windowStart: new Date(row.window_start),
    ...(row.locked_until ? { lockedUntil: new Date(row.locked_until) } : {}),
  };
}

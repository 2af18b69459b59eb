/**
 * @module accounts/lockout
 * When failed logins stop further attempts. Failures are counted in the database (one upsert,
 * `storage/login-failures`), in three counters that each last `windowMinutes`:
 *
 * - per account and client address: after `perAddress` failures that address is locked out of
 *   that account for `lockMinutes`. A stranger who guesses the admin's password locks out only
 *   themself: the admin, from another address, still gets in with the right password.
 * - per client address, whatever the names: after `addressWide` failures the address is locked out
 *   of every account (one address trying many names). Staff behind one office NAT share this one.
 * - per account, from every address: after `accountWide` failures (many addresses, a distributed
 *   attack) each address gets a single try before it is locked out of that account, instead of
 *   `perAddress`. That slows the attack without ever locking the account itself, which would let
 *   any stranger keep its real user out; the price is that the real user, while the attack lasts,
 *   is locked out of their own address for `lockMinutes` after a single typo.
 *
 * An attempt that is refused because of a lock-out is not counted (it would only extend the
 * attacker's own lock); the per-address request limit of the login route still applies to it.
 */

export interface LockoutPolicy {
  perAddress: number;
  addressWide: number;
  accountWide: number;
  windowMinutes: number;
  lockMinutes: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { perAddress: 5, addressWide: 20, accountWide: 50, windowMinutes: 15, lockMinutes: 15 };

/** The key of a counter over every account or every address. */
export const EVERY = '*';

/** One counter as stored. */
export interface FailureCount {
  account: string;
  address: string;
  failures: number;
  windowStart: Date;
  lockedUntil?: Date;
}

/** Why an attempt is refused before its password counts, said for the audit log (never to the client). */
export type Throttle = 'address locked out of this account' | 'address locked out of every account' | 'account under attack from many addresses';

/**
 * Whether the counters of `account` (undefined when the name cannot be an account) and `address`
 * refuse a login now.
 */
export function throttleOf(
  counts: readonly FailureCount[],
  account: string | undefined,
  address: string,
  now: Date,
  policy: LockoutPolicy = DEFAULT_LOCKOUT,
): Throttle | undefined {
  const windowStart = new Date(now.getTime() - policy.windowMinutes * 60_000);
  const find = (a: string | undefined, b: string) => counts.find((c) => c.account === a && c.address === b);
  const current = (c: FailureCount | undefined) => (c && c.windowStart > windowStart ? c.failures : 0);
  const locked = (c: FailureCount | undefined) => c?.lockedUntil !== undefined && c.lockedUntil > now;
  const pair = find(account, address);
  if (locked(pair)) return 'address locked out of this account';
  if (locked(find(EVERY, address))) return 'address locked out of every account';
  if (current(find(account, EVERY)) >= policy.accountWide && current(pair) >= 1) return 'account under attack from many addresses';
  return undefined;
}

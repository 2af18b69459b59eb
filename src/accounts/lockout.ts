/**
 * @module accounts/lockout
 * Lock-out after repeated failed logins: after `maxFailures` wrong passwords in a row an account
 * is locked for `lockMinutes`, so guessing a password online takes years.
 */

export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

export interface LoginState {
  failedLogins: number;
  lockedUntil?: Date;
}

export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== undefined && state.lockedUntil > now;
}

/** The state after one more wrong password. */
export function afterFailure(state: LoginState, now: Date, policy: LockoutPolicy = DEFAULT_LOCKOUT): LoginState {
  const failedLogins = state.failedLogins + 1;
  if (failedLogins < policy.maxFailures) return { failedLogins };
  return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
}

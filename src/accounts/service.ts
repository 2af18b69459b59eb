/**
 * @module accounts/service
 * What staff accounts can do, independent of HTTP or the command line: create and change
 * accounts (validated, password hashed, audited) and log in (with lock-out). The admin API and
 * `xiaoxin user` both call these, so the rules cannot differ between them.
 */
import type { Account, Store } from '../storage/index.js';
import { addressKey } from './client-address.js';
import { DEFAULT_LOCKOUT, EVERY, throttleOf, type FailureCount, type LockoutPolicy } from './lockout.js';
import { passwordProblem } from './password-strength.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { isRole, permissionsOf, type Permission, type Role } from './roles.js';

/** A problem with the input, said so that the person can fix it (400 over HTTP). */
export class AccountInputError extends Error {
  override readonly name = 'AccountInputError';
}

/** An account as it may be shown: never the password hash. */
export interface PublicAccount {
  name: string;
  role: Role;
  displayName?: string;
  disabled: boolean;
  lockedUntil?: string;
  createdAt: string;
  permissions: Permission[];
}

/** What an account name may be; enterprise usernames follow the same rule. */
export const NAME = /^[a-z0-9][a-z0-9_.-]{1,31}$/;

export function publicAccount(account: Account, now = new Date()): PublicAccount {
  return {
    name: account.name,
    role: account.role,
    ...(account.displayName ? { displayName: account.displayName } : {}),
    disabled: account.disabled,
    ...(account.lockedUntil && account.lockedUntil > now ? { lockedUntil: account.lockedUntil.toISOString() } : {}),
    createdAt: account.createdAt,
    permissions: permissionsOf(account.role),
  };
}

export async function createAccount(
  store: Store,
  input: { name: string; role: string; password: string; displayName?: string },
  actor: string,
): Promise<PublicAccount> {
  const name = input.name.trim().toLowerCase();
  if (!NAME.test(name)) {
    throw new AccountInputError('name: 2–32 lower-case letters, digits, or . _ - (starting with a letter or digit)');
  }
  if (!isRole(input.role)) throw new AccountInputError(`role: must be one of admin, editor, reviewer, window (got "${input.role}")`);
  const displayName = input.displayName?.trim() || undefined;
  const weak = await passwordProblem(input.password, name, displayName);
  if (weak) throw new AccountInputError(weak);
  const created = await store.accounts.create({ name, role: input.role, passwordHash: await hashPassword(input.password), displayName });
  if (!created) throw new AccountInputError(`name: an account "${name}" already exists`);
  await store.audit.record({ actor, action: 'account.create', target: name, after: { name, role: input.role, displayName } });
  return publicAccount((await store.accounts.get(name))!);
}

export async function updateAccount(
  store: Store,
  name: string,
  patch: { role?: string; displayName?: string; password?: string; disabled?: boolean },
  actor: string,
): Promise<PublicAccount | undefined> {
  const before = await store.accounts.get(name);
  if (!before) return undefined;
  if (patch.role !== undefined && !isRole(patch.role)) {
    throw new AccountInputError(`role: must be one of admin, editor, reviewer, window (got "${patch.role}")`);
  }
  if (actor === name && (patch.disabled === true || (patch.role !== undefined && patch.role !== before.role))) {
    throw new AccountInputError('an administrator cannot disable or demote their own account; ask another administrator');
  }
  if (patch.password !== undefined) {
    const weak = await passwordProblem(patch.password, name, patch.displayName?.trim() || before.displayName);
    if (weak) throw new AccountInputError(weak);
  }
  await store.accounts.update(name, {
    ...(patch.role !== undefined ? { role: patch.role as Role } : {}),
    ...(patch.displayName !== undefined ? { displayName: patch.displayName.trim() } : {}),
    ...(patch.password !== undefined ? { passwordHash: await hashPassword(patch.password) } : {}),
    ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
  });
  // A new password or a disabled account ends every session it had; a new password also ends
  // every lock-out from the account (the way an administrator unlocks one).
  if (patch.password !== undefined || patch.disabled === true) await store.accounts.deleteSessionsOf(name);
  if (patch.password !== undefined) await store.loginFailures.clear(name);
  const after = (await store.accounts.get(name))!;
  const shown = (a: Account) => ({ role: a.role, displayName: a.displayName, disabled: a.disabled });
  await store.audit.record({
    actor,
    action: 'account.update',
    target: name,
    before: shown(before),
    after: shown(after),
    ...(patch.password !== undefined ? { detail: 'password changed' } : {}),
  });
  return publicAccount(after);
}

/**
 * Ends every lock-out of an account at once (its user locked their own address out by mistyping);
 * undefined when there is no such account.
 */
export async function unlockAccount(store: Store, name: string, actor: string): Promise<PublicAccount | undefined> {
  const account = await store.accounts.get(name);
  if (!account) return undefined;
  await store.loginFailures.clear(name);
  await store.audit.record({ actor, action: 'account.unlock', target: name, ...(account.lockedUntil ? { detail: `was locked out until ${account.lockedUntil.toISOString()}` } : {}) });
  return publicAccount((await store.accounts.get(name))!);
}

export type LoginResult =
  | { ok: true; account: PublicAccount }
  /** `throttled`: refused by the lock-out whatever the password. Callers must answer both alike. */
  | { ok: false; reason: 'wrong' | 'throttled' };

/**
 * Checks a name and password from a client address (`request.ip`). An unknown name, a disabled
 * account, a wrong password and a locked-out attempt all cost one argon2 verification and give
 * the caller nothing to tell them apart by, except `reason` for tests; the audit log records the
 * real reason for staff. Failures count per account and address (see accounts/lockout), so a
 * stranger's guesses do not lock out the real user at another address.
 */
export async function logIn(
  store: Store,
  name: string,
  password: string,
  clientAddress: string,
  now = new Date(),
  policy: LockoutPolicy = DEFAULT_LOCKOUT,
): Promise<LoginResult> {
  const typed = name.trim().toLowerCase();
  // A name that cannot be an account is counted only against the address.
  const key = NAME.test(typed) ? typed : undefined;
  const address = addressKey(clientAddress);
  const throttle = throttleOf(await store.loginFailures.counts(key, address), key, address, now, policy);
  const account = key === undefined ? undefined : await store.accounts.get(key);
  const usable = account && !account.disabled ? account : undefined;
  // Verified in every case, so that timing does not tell which names exist or are locked out.
  const right = await verifyPassword(usable?.passwordHash ?? DUMMY_HASH, password);
  const actor = account?.name ?? name.slice(0, 64);
  if (throttle) {
    await store.audit.record({ actor, action: 'login.locked', detail: `${throttle} (${address})${right ? '; the password was right' : ''}` });
    return { ok: false, reason: 'throttled' };
  }
  if (!usable || !right) {
    const counts = await store.loginFailures.countFailure(key, address, now, policy);
    const why = !account ? 'no such account' : account.disabled ? 'account disabled' : 'wrong password';
    await store.audit.record({ actor, action: 'login.failed', detail: `${why} (${address})${lockedNow(counts, now, policy)}` });
    return { ok: false, reason: 'wrong' };
  }
  await store.loginFailures.clear(usable.name, address);
  await store.audit.record({ actor: usable.name, action: 'login', detail: address });
  return { ok: true, account: publicAccount(usable, now) };
}

/** What this failure locked, for the audit log: the counters whose lock-out starts now. */
export function lockedNow(counts: readonly FailureCount[], now: Date, policy: LockoutPolicy): string {
  const until = now.getTime() + policy.lockMinutes * 60_000;
  const locked = counts.filter((c) => c.lockedUntil?.getTime() === until);
  if (locked.length === 0) return '';
  const what = locked.map((c) => (c.account === EVERY ? 'address locked out of every account' : 'address locked out of this account'));
  return `; ${what.join(' and ')} until ${new Date(until).toISOString()}`;
}

// A real argon2id hash of a random string, so that an unknown name costs as much as a known one.
export const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$svOPMR0CvEqRF3xhe5LUAA$c0Y3syKH0pHcGlEA8UVoI/yz//KMp8S9/Po4u6DKiBE';

/**
 * @module accounts/service
 * What staff accounts can do, independent of HTTP or the command line: create and change
 * accounts (validated, password hashed, audited) and log in (with lock-out). The admin API and
 * `xiaoxin user` both call these, so the rules cannot differ between them.
 */
import type { Account, Store } from '../storage/index.js';
import { afterFailure, DEFAULT_LOCKOUT, isLocked, type LockoutPolicy } from './lockout.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
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

const NAME = /^[a-z0-9][a-z0-9_.-]{1,31}$/;

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
  const weak = passwordProblem(input.password, name);
  if (weak) throw new AccountInputError(weak);
  const displayName = input.displayName?.trim() || undefined;
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
    const weak = passwordProblem(patch.password, name);
    if (weak) throw new AccountInputError(weak);
  }
  await store.accounts.update(name, {
    ...(patch.role !== undefined ? { role: patch.role as Role } : {}),
    ...(patch.displayName !== undefined ? { displayName: patch.displayName.trim() } : {}),
    ...(patch.password !== undefined ? { passwordHash: await hashPassword(patch.password) } : {}),
    ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
  });
  // A new password or a disabled account ends every session it had.
  if (patch.password !== undefined || patch.disabled === true) await store.accounts.deleteSessionsOf(name);
  if (patch.password !== undefined) await store.accounts.setLoginState(name, { failedLogins: 0 });
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

export type LoginResult =
  | { ok: true; account: PublicAccount }
  | { ok: false; reason: 'wrong' }
  | { ok: false; reason: 'locked'; lockedUntil: string };

/**
 * Checks a name and password. A wrong name and a wrong password look the same to the caller; a
 * locked account stays locked even for the right password; every failure is audited.
 */
export async function logIn(
  store: Store,
  name: string,
  password: string,
  now = new Date(),
  policy: LockoutPolicy = DEFAULT_LOCKOUT,
): Promise<LoginResult> {
  const account = await store.accounts.get(name.trim().toLowerCase());
  if (!account || account.disabled) {
    // Hash anyway, so that timing does not tell which names exist.
    await verifyPassword(DUMMY_HASH, password);
    await store.audit.record({ actor: name.slice(0, 64), action: 'login.failed', detail: account ? 'account disabled' : 'no such account' });
    return { ok: false, reason: 'wrong' };
  }
  if (isLocked(account, now)) {
    await store.audit.record({ actor: account.name, action: 'login.locked' });
    return { ok: false, reason: 'locked', lockedUntil: account.lockedUntil!.toISOString() };
  }
  if (!(await verifyPassword(account.passwordHash, password))) {
    const state = afterFailure(account, now, policy);
    await store.accounts.setLoginState(account.name, state);
    await store.audit.record({
      actor: account.name,
      action: 'login.failed',
      detail: state.lockedUntil ? `wrong password; locked until ${state.lockedUntil.toISOString()}` : 'wrong password',
    });
    if (state.lockedUntil) return { ok: false, reason: 'locked', lockedUntil: state.lockedUntil.toISOString() };
    return { ok: false, reason: 'wrong' };
  }
  await store.accounts.setLoginState(account.name, { failedLogins: 0 });
  await store.audit.record({ actor: account.name, action: 'login' });
  return { ok: true, account: publicAccount(account, now) };
}

// A real argon2id hash of a random string, so that an unknown name costs as much as a known one.
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$svOPMR0CvEqRF3xhe5LUAA$c0Y3syKH0pHcGlEA8UVoI/yz//KMp8S9/Po4u6DKiBE';

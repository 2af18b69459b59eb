/**
 * @module enterprise/accounts/login
 * An enterprise user's local login: credit code, username and password, under the same lock-out
 * as staff (accounts/lockout: failures counted in the database per account and client address,
 * per address, per account). Every refusal costs one argon2 verification and looks the same to
 * the client; that an enterprise waits for approval or is disabled is said only after the right
 * password, so it tells a guesser nothing.
 */
import { addressKey } from '../../accounts/client-address.js';
import { DEFAULT_LOCKOUT, throttleOf, type LockoutPolicy } from '../../accounts/lockout.js';
import { verifyPassword } from '../../accounts/passwords.js';
import { DUMMY_HASH, lockedNow, NAME } from '../../accounts/service.js';
import type { Enterprise, EnterpriseUser, Store } from '../../storage/index.js';
import { creditCodeProblem } from '../credit-code.js';
import { actorOf } from './service.js';

export type EnterpriseLoginResult =
  | { ok: true; enterprise: Enterprise; user: EnterpriseUser }
  /** `throttled`: refused by the lock-out whatever the password. Callers answer both alike. */
  | { ok: false; reason: 'wrong' | 'throttled' }
  /** The right password, but the enterprise is not active. */
  | { ok: false; reason: 'pending' | 'disabled'; enterprise: Enterprise };

/** The lock-out's counter name: cannot be a staff name (those have no `:`), so the two never share a count. */
export const lockoutKey = (creditCode: string, username: string) => `enterprise:${creditCode}/${username}`;

export async function logInEnterprise(
  store: Store,
  input: { creditCode: string; username: string; password: string },
  clientAddress: string,
  now = new Date(),
  policy: LockoutPolicy = DEFAULT_LOCKOUT,
): Promise<EnterpriseLoginResult> {
  const creditCode = input.creditCode.trim().toUpperCase();
  const username = input.username.trim().toLowerCase();
  // A code or name that cannot exist is counted only against the address.
  const key = !creditCodeProblem(creditCode) && NAME.test(username) ? lockoutKey(creditCode, username) : undefined;
  const address = addressKey(clientAddress);
  const throttle = throttleOf(await store.loginFailures.counts(key, address), key, address, now, policy);
  const enterprise = key ? await store.enterprises.getByCreditCode(creditCode) : undefined;
  const user = enterprise ? await store.enterprises.findLocalUser(enterprise.id, username) : undefined;
  const usable = user && !user.disabled && user.passwordHash ? user : undefined;
  // Verified in every case, so that timing does not tell which codes and names exist.
  const right = await verifyPassword(usable?.passwordHash ?? DUMMY_HASH, input.password);
  const actor = key ?? `enterprise:${creditCode.slice(0, 18)}/${username.slice(0, 32)}`;
  if (throttle) {
    await store.audit.record({ actor, action: 'enterprise.login.locked', detail: `${throttle} (${address})${right ? '; the password was right' : ''}` });
    return { ok: false, reason: 'throttled' };
  }
  if (!enterprise || !usable || !right) {
    const counts = await store.loginFailures.countFailure(key, address, now, policy);
    const why = !enterprise ? 'no such enterprise' : !user ? 'no such user' : user.disabled ? 'user disabled' : 'wrong password';
    await store.audit.record({ actor, action: 'enterprise.login.failed', detail: `${why} (${address})${lockedNow(counts, now, policy)}` });
    return { ok: false, reason: 'wrong' };
  }
  await store.loginFailures.clear(key!, address);
  if (enterprise.status !== 'active') {
    await store.audit.record({ actor: actorOf(enterprise, usable), action: 'enterprise.login.failed', target: enterprise.id, detail: `enterprise ${enterprise.status} (${address})` });
    return { ok: false, reason: enterprise.status, enterprise };
  }
  await store.audit.record({ actor: actorOf(enterprise, usable), action: 'enterprise.login', target: enterprise.id, detail: address });
  return { ok: true, enterprise, user: usable };
}

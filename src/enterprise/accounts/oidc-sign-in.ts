/**
 * @module enterprise/accounts/oidc-sign-in
 * Who an identity the identity service vouched for is here: the enterprise of its credit-code
 * claim — created pending when unknown, so that staff approve every enterprise once — and a user
 * of that enterprise tied to the identity's subject. A subject stays with the enterprise it
 * first came with: a claim naming another one later is refused, not followed.
 */
import type { Enterprise, EnterpriseUser, Store } from '../../storage/index.js';
import { creditCodeProblem } from '../credit-code.js';
import type { OidcIdentity } from './oidc.js';
import { actorOf, createOidcEnterprise, createOidcUser } from './service.js';

export type OidcSignIn =
  | { ok: true; enterprise: Enterprise; user: EnterpriseUser }
  | { ok: false; reason: 'pending' | 'disabled'; enterprise: Enterprise }
  | { ok: false; reason: 'no-credit-code' | 'other-enterprise' | 'user-disabled' };

export async function signInWithOidc(store: Store, identity: OidcIdentity): Promise<OidcSignIn> {
  return store.transaction(async (tx) => {
    const creditCode = identity.creditCode?.toUpperCase();
    if (!creditCode || creditCodeProblem(creditCode)) {
      await tx.audit.record({ actor: `oidc:${identity.subject}`, action: 'enterprise.login.failed', detail: `no valid credit code in the claims (${identity.creditCode ?? 'none'})` });
      return { ok: false, reason: 'no-credit-code' };
    }
    let enterprise = await tx.enterprises.getByCreditCode(creditCode);
    if (!enterprise) {
      enterprise = await createOidcEnterprise(tx, creditCode, identity.enterpriseName ?? creditCode);
      await tx.audit.record({ actor: `oidc:${identity.subject}`, action: 'enterprise.register', target: enterprise.id, after: { creditCode, name: enterprise.name }, detail: 'first login through OIDC' });
    }
    let user = await tx.enterprises.findOidcUser(identity.subject);
    if (user && user.enterpriseId !== enterprise.id) {
      await tx.audit.record({ actor: `oidc:${identity.subject}`, action: 'enterprise.login.failed', target: enterprise.id, detail: `the subject belongs to another enterprise (${user.enterpriseId})` });
      return { ok: false, reason: 'other-enterprise' };
    }
    user ??= await createOidcUser(tx, enterprise, identity.subject, identity.displayName);
    if (user.disabled) return { ok: false, reason: 'user-disabled' };
    if (enterprise.status !== 'active') return { ok: false, reason: enterprise.status, enterprise };
    await tx.audit.record({ actor: actorOf(enterprise, user), action: 'enterprise.login', target: enterprise.id, detail: 'oidc' });
    return { ok: true, enterprise, user };
  });
}

/**
 * @module enterprise/profiles/service
 * Reading and writing an enterprise's profile in the store. Whoever writes (the enterprise in the
 * portal, staff importing a sheet), a new or changed value is self-declared: only staff's
 * explicit verification makes a fact verified, naming who and when, and a value that then
 * changes loses it. A value sent again unchanged keeps its verification. Every change is a
 * version of its fact and an audit entry, written in one transaction.
 */
import type { Enterprise, FactVersion, StoredFact, Store } from '../../storage/index.js';
import { factLabel } from '../profile-fields.js';
import type { EnterpriseProfile } from '../profile.js';
import { checkProfile, type FieldError } from './field-errors.js';
import { factsOfProfile, profileInputOfFacts, sameValue, withSource, type ProfileFact } from './facts.js';

/** The profile was refused; `errors` name each field (400 over HTTP, nothing stored). */
export class ProfileInputError extends Error {
  override readonly name = 'ProfileInputError';
  constructor(readonly errors: FieldError[]) {
    super(`企业画像有${errors.length}处需要更正：${errors.map((e) => `${e.label}（${e.field}）${e.message}`).join('；')}`);
  }
}

/** A fact as the portal and the back office show it. */
export interface FactView extends StoredFact {
  label: string;
}

export interface ProfileView {
  /** As profile.ts reads it: every fact with its source (what the rules take). */
  profile: EnterpriseProfile;
  /** The same facts one by one, with who verified them and when. */
  facts: FactView[];
}

const toProfileFact = (f: StoredFact): ProfileFact => ({ key: f.key, value: f.value, source: f.source, ...(f.note !== undefined ? { note: f.note } : {}) });

export async function readProfile(store: Store, enterprise: Enterprise): Promise<ProfileView> {
  const stored = await store.enterpriseFacts.list(enterprise.id);
  const checked = checkProfile(profileInputOfFacts(stored.map(toProfileFact), enterprise));
  // Facts were validated on the way in; a schema change that refuses an old one must not hide the rest.
  const profile = checked.ok ? checked.profile : ({ name: enterprise.name } as EnterpriseProfile);
  return { profile, facts: stored.map((f) => ({ ...f, label: factLabel(f.key) })) };
}

export interface SaveResult {
  changed: string[];
  removed: string[];
}

/**
 * Saves a profile sent whole (`replace`: facts it leaves out are removed — the portal's form) or
 * in part (`merge`: only what it names changes — a row of an import). The credit code and the
 * name belong to the account: a credit code other than the enterprise's is refused, the name ignored.
 */
export async function saveProfile(
  store: Store,
  enterprise: Enterprise,
  input: unknown,
  actor: string,
  mode: 'replace' | 'merge',
  detail?: string,
): Promise<SaveResult> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ProfileInputError([{ field: '(画像)', label: '企业画像', message: '应为一个 JSON 对象，如 {"employees": 86}' }]);
  }
  const { name: _name, creditCode, ...facts } = input as Record<string, unknown>;
  checkCreditCode(creditCode, enterprise);
  return store.transaction(async (tx) => {
    await tx.enterpriseFacts.lock(enterprise.id);
    const current = new Map((await tx.enterpriseFacts.list(enterprise.id)).map((f) => [f.key, f]));
    const whole = mode === 'merge' ? mergeInto(profileInputOfFacts([...current.values()].map(toProfileFact)), facts) : facts;
    const checked = checkProfile(whole);
    if (!checked.ok) throw new ProfileInputError(checked.errors);
    const next = factsOfProfile(checked.profile).map((f) => withSource(f, 'self-declared'));
    const result: SaveResult = { changed: [], removed: [] };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const fact of next) {
      const old = current.get(fact.key);
      if (old && sameValue(fact.key, old.value, fact.value)) {
        // A note not sent keeps the one there (staff's note of what they checked).
        if (fact.note === undefined || fact.note === old.note) continue;
        // Only the note changed: the value keeps its verification.
        await tx.enterpriseFacts.set(enterprise.id, { ...toProfileFact(old), ...pick(old), note: fact.note }, actor);
      } else {
        await tx.enterpriseFacts.set(enterprise.id, fact, actor);
      }
      result.changed.push(fact.key);
      if (old) before[fact.key] = old.value;
      after[fact.key] = fact.value;
    }
    if (mode === 'replace') {
      const kept = new Set(next.map((f) => f.key));
      for (const [key, old] of current) {
        if (kept.has(key)) continue;
        await tx.enterpriseFacts.remove(enterprise.id, key, actor);
        result.removed.push(key);
        before[key] = old.value;
      }
    }
    if (result.changed.length + result.removed.length > 0) {
      await tx.audit.record({ actor, action: 'enterprise.profile.update', target: enterprise.id, before, after, ...(detail ? { detail } : {}) });
    }
    return result;
  });
}

const pick = (f: StoredFact) => ({ ...(f.verifiedBy ? { verifiedBy: f.verifiedBy } : {}), ...(f.verifiedAt ? { verifiedAt: f.verifiedAt } : {}) });

function checkCreditCode(sent: unknown, enterprise: Enterprise): void {
  if (sent === undefined || sent === null) return;
  const value = typeof sent === 'object' && 'value' in sent ? (sent as { value: unknown }).value : sent;
  if (typeof value === 'string' && value.trim().toUpperCase() === enterprise.creditCode) return;
  throw new ProfileInputError([
    { field: 'creditCode', label: '统一社会信用代码', message: `统一社会信用代码随企业账户登记（${enterprise.creditCode}），不能在画像中修改` },
  ]);
}

/** A part of a profile laid over the whole: a group (`revenue`, `ip`) merges by year or type. */
function mergeInto(whole: Record<string, unknown>, part: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...whole };
  for (const [key, value] of Object.entries(part)) {
    const old = merged[key];
    const isGroup = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && !('value' in v);
    merged[key] = isGroup(old) && isGroup(value) ? { ...(old as object), ...(value as object) } : value;
  }
  return merged;
}

/**
 * Staff mark facts as verified (they checked a tax return, the social-insurance list): the fact
 * keeps its value and records who and when. Unknown keys are refused, nothing is stored.
 */
export async function verifyFacts(store: Store, enterprise: Enterprise, keys: string[], staff: string, now: Date, note?: string): Promise<FactView[]> {
  return store.transaction(async (tx) => {
    await tx.enterpriseFacts.lock(enterprise.id);
    const current = new Map((await tx.enterpriseFacts.list(enterprise.id)).map((f) => [f.key, f]));
    const missing = keys.map((key, i) => ({ key, i })).filter(({ key }) => !current.has(key));
    if (missing.length > 0) {
      throw new ProfileInputError(
        missing.map(({ key, i }) => ({ field: `facts.${i}`, label: factLabel(key), message: `企业画像中没有“${key}”这项信息，无法核实` })),
      );
    }
    const verifiedAt = now.toISOString();
    for (const key of new Set(keys)) {
      const fact = withSource(toProfileFact(current.get(key)!), 'verified');
      await tx.enterpriseFacts.set(enterprise.id, { ...fact, ...(note ? { note } : {}), verifiedBy: staff, verifiedAt }, staff, 'verified');
    }
    await tx.audit.record({ actor: staff, action: 'enterprise.profile.verify', target: enterprise.id, after: { facts: [...new Set(keys)] }, ...(note ? { detail: note } : {}) });
    return (await tx.enterpriseFacts.list(enterprise.id)).filter((f) => keys.includes(f.key)).map((f) => ({ ...f, label: factLabel(f.key) }));
  });
}

export interface FactVersionView extends FactVersion {
  label: string;
}

export async function profileHistory(store: Store, enterprise: Enterprise, options: { key?: string; limit: number }): Promise<FactVersionView[]> {
  const versions = await store.enterpriseFacts.history(enterprise.id, options);
  return versions.map((v) => ({ ...v, label: factLabel(v.key) }));
}

/**
 * @module enterprise/notices/profiles
 * Every active enterprise's profile, read in two queries (not one per enterprise): what the sweep
 * and the outreach view evaluate.
 */
import type { Enterprise, Store } from '../../storage/index.js';
import type { EnterpriseProfile } from '../profile.js';
import { profileInputOfFacts, type ProfileFact } from '../profiles/facts.js';
import { checkProfile } from '../profiles/field-errors.js';

export interface ProfiledEnterprise {
  enterprise: Enterprise;
  profile: EnterpriseProfile;
}

export async function activeProfiles(store: Store, enterpriseIds?: readonly string[]): Promise<ProfiledEnterprise[]> {
  const wanted = enterpriseIds && new Set(enterpriseIds);
  const enterprises = (await store.enterprises.all()).filter((e) => e.status === 'active' && (!wanted || wanted.has(e.id)));
  const facts = new Map<string, ProfileFact[]>();
  for (const row of await store.notices.activeFacts(enterpriseIds)) {
    const list = facts.get(row.enterpriseId) ?? [];
    list.push({ key: row.key, value: row.value, source: row.source, ...(row.note !== undefined ? { note: row.note } : {}) });
    facts.set(row.enterpriseId, list);
  }
  return enterprises.map((enterprise) => {
    const checked = checkProfile(profileInputOfFacts(facts.get(enterprise.id) ?? [], enterprise));
    // As readProfile: a fact an older schema let in must not hide the enterprise.
    return { enterprise, profile: checked.ok ? checked.profile : ({ name: enterprise.name } as EnterpriseProfile) };
  });
}

/**
 * @module enterprise/profiles/facts
 * A profile as a list of facts and back. A fact is what has one source and one history: a plain
 * fact (`employees`), one year of a yearly fact (`revenue.2023`), one type of IP
 * (`ip.inventionPatents`), or a whole list (`qualifications`, `honours`, `incidents` — each item
 * carries its own source inside). The name and credit code belong to the enterprise's account,
 * not to the facts.
 */
import { PROFILE_FIELDS, type FactKey } from '../profile-fields.js';
import type { EnterpriseProfile, FactSource } from '../profile.js';

export interface ProfileFact {
  key: string;
  value: unknown;
  source: FactSource;
  note?: string;
}

export const LIST_FACTS = ['qualifications', 'honours', 'incidents'] as const;
type ListFact = (typeof LIST_FACTS)[number];
const isListFact = (key: string): key is ListFact => (LIST_FACTS as readonly string[]).includes(key);

/** Facts kept on the enterprise's account instead. */
const ACCOUNT_FACTS = new Set(['name', 'creditCode']);

interface FactCell {
  value: unknown;
  source: FactSource;
  note?: string;
}

const withNote = (key: string, fact: FactCell): ProfileFact => ({
  key,
  value: fact.value,
  source: fact.source,
  ...(fact.note !== undefined ? { note: fact.note } : {}),
});

/** The facts of a validated profile, in a stable order. */
export function factsOfProfile(profile: EnterpriseProfile): ProfileFact[] {
  const facts: ProfileFact[] = [];
  for (const [key, entry] of Object.entries(profile)) {
    if (entry === undefined || ACCOUNT_FACTS.has(key)) continue;
    if (isListFact(key)) {
      facts.push({ key, value: entry, source: listSource(entry as { source: FactSource }[]) });
    } else if (key === 'ip' || PROFILE_FIELDS[key as FactKey]?.yearly) {
      for (const [part, fact] of Object.entries(entry as Record<string, FactCell | undefined>)) {
        if (fact) facts.push(withNote(`${key}.${part}`, fact));
      }
    } else {
      facts.push(withNote(key, entry as FactCell));
    }
  }
  return facts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A list counts as verified when staff verified every item of it (an empty list: when verified as such). */
function listSource(items: { source: FactSource }[]): FactSource {
  return items.length > 0 && items.every((i) => i.source === 'verified') ? 'verified' : 'self-declared';
}

/** The profile (unvalidated input for `profileSchema`) that stored facts make, with the account's name and code. */
export function profileInputOfFacts(facts: readonly ProfileFact[], account: { name?: string; creditCode?: string } = {}): Record<string, unknown> {
  const profile: Record<string, unknown> = {};
  if (account.name) profile.name = account.name;
  if (account.creditCode) profile.creditCode = { value: account.creditCode, source: 'self-declared' };
  for (const fact of facts) {
    if (isListFact(fact.key)) {
      profile[fact.key] = fact.value;
      continue;
    }
    const full = { value: fact.value, source: fact.source, ...(fact.note !== undefined ? { note: fact.note } : {}) };
    const dot = fact.key.indexOf('.');
    if (dot < 0) {
      profile[fact.key] = full;
    } else {
      const group = fact.key.slice(0, dot);
      const part = fact.key.slice(dot + 1);
      const into = (profile[group] ??= {}) as Record<string, unknown>;
      into[part] = full;
    }
  }
  return profile;
}

/** The same fact with every source set to `source` (lists: each item's too). */
export function withSource(fact: ProfileFact, source: FactSource): ProfileFact {
  const value = isListFact(fact.key) && Array.isArray(fact.value) ? fact.value.map((item: object) => ({ ...item, source })) : fact.value;
  return { ...fact, value, source };
}

/** Whether two values of a fact say the same, whoever declared or verified them (lists ignore their items' sources). */
export function sameValue(key: string, a: unknown, b: unknown): boolean {
  const strip = (v: unknown) => (isListFact(key) && Array.isArray(v) ? v.map(({ source: _s, ...rest }: { source?: unknown }) => rest) : v);
  return canonical(strip(a)) === canonical(strip(b));
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v,
  );
}

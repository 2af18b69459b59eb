/**
 * Eligibility matching at scale: 10,000 realistic, varied enterprise profiles (seeded, the same on
 * every run) matched against every rule in resources/rules/, on one core. The bar (issue #12):
 * ≤ 5 s, so that publishing a policy can tell a whole province's enterprises at once.
 *
 * `npx tsx scripts/bench/eligibility.ts [count]` prints the figures; scripts/bench/main.ts may
 * import `benchEligibility`.
 */
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../src/eval/seeded-random.js';
import { loadRules } from '../../src/enterprise/rules/load.js';
import { createMatcher } from '../../src/enterprise/match.js';
import { validateProfile, type EnterpriseProfile } from '../../src/enterprise/profile.js';

/** Industries a high-tech zone's enterprises mostly fall in (GB/T 4754-2017). */
const INDUSTRIES = ['I6511', 'I6513', 'I6520', 'I6531', 'I6432', 'C3453', 'C3981', 'C4021', 'C2761', 'C3562', 'M7320', 'M7512', 'L7242', 'F5176', 'K7010'];

export interface EligibilityFigures {
  profiles: number;
  rules: number;
  evaluations: number;
  /** building the profiles (validated as an import would) — not part of the bar */
  buildMs: number;
  matchMs: number;
  verdicts: Record<string, number>;
}

/** Builds `count` profiles: small firms mostly, some mid-sized, a few large; some facts left unknown, as real profiles are. */
export function buildProfiles(count: number, seed = 12): EnterpriseProfile[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (lo: number, hi: number): number => lo + random() * (hi - lo);
  const maybe = <T>(p: number, value: T): T | undefined => (random() < p ? value : undefined);
  const profiles: EnterpriseProfile[] = [];
  for (let i = 0; i < count; i++) {
    // Sizes follow a long tail: most zone enterprises are small.
    const employees = Math.max(3, Math.round(Math.exp(between(1.5, 7.2))));
    const revenuePerHead = between(20, 120); // 万元 a head
    const registeredYear = 2000 + Math.floor(between(0, 24));
    const base = employees * revenuePerHead;
    const growth = between(0.85, 1.35);
    const revenue = { 2021: base / growth / growth, 2022: base / growth, 2023: base };
    const rdShare = between(0, 0.12);
    const rd = Object.fromEntries(Object.entries(revenue).map(([y, r]) => [y, Math.round(r * rdShare * between(0.8, 1.2) * 100) / 100]));
    const round = (o: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(o).map(([y, v]) => [y, Math.round(v * 100) / 100]));
    const input: Record<string, unknown> = {
      name: `示例企业${i + 1}`,
      registrationDate: `${registeredYear}-${String(1 + Math.floor(between(0, 12))).padStart(2, '0')}-${String(1 + Math.floor(between(0, 28))).padStart(2, '0')}`,
      registeredInZone: random() < 0.8,
      industryCode: pick(INDUSTRIES),
      employees,
      stStaff: Math.round(employees * between(0.02, 0.6)),
      revenue: round(revenue),
      totalAssets: round({ 2023: base * between(0.5, 1.8) }),
      costsAndExpenses: round({ 2023: base * between(0.7, 1.0) }),
      rdExpenses: rd,
      rdExpensesDomestic: Object.fromEntries(Object.entries(rd).map(([y, v]) => [y, Math.round(v * between(0.5, 1) * 100) / 100])),
      highTechRevenue: round({ 2023: base * between(0.2, 0.95) }),
      equityFinancing: { 2022: random() < 0.1 ? Math.round(between(200, 8000)) : 0, 2023: random() < 0.1 ? Math.round(between(200, 8000)) : 0 },
      rdSuperDeduction: { 2023: random() < 0.7 },
      nicheMarketSince: `${Math.min(2023, registeredYear + Math.floor(between(0, 4)))}-01-01`,
      coreTechInSupportedField: random() < 0.75,
      productsNotRestricted: random() < 0.97,
      ip: { inventionPatents: Math.floor(between(0, 1.6) ** 3), utilityModels: Math.floor(between(0, 10)), softwareCopyrights: Math.floor(between(0, 20)) },
      qualifications: random() < 0.3 ? [{ kind: 'high-tech', issuedOn: `${2021 + Math.floor(between(0, 3))}-11-20` }] : [],
      honours: random() < 0.05 ? [{ kind: 'standard-industry', date: '2021-06-01' }] : [],
      incidents: random() < 0.03 ? [{ kind: 'major-safety', date: '2023-09-01' }] : [],
    };
    // Real profiles are incomplete: leave some facts unknown.
    for (const key of ['innovationScore', 'srdiScore'] as const) {
      const score = maybe(0.6, Math.round(between(40, 95)));
      if (score !== undefined) input[key] = score;
    }
    for (const key of ['costsAndExpenses', 'highTechRevenue', 'incidents', 'nicheMarketSince'] as const) if (random() < 0.15) delete input[key];
    const checked = validateProfile(input);
    if (!checked.ok) throw new Error(`bench profile ${i}: ${checked.errors.join('; ')}`);
    profiles.push(checked.profile);
  }
  return profiles;
}

export function benchEligibility(count = 10_000, asOf = '2024-06-01'): EligibilityFigures {
  const rules = loadRules();
  const t0 = performance.now();
  const profiles = buildProfiles(count);
  const t1 = performance.now();
  const matcher = createMatcher(rules);
  const verdicts: Record<string, number> = {};
  let evaluations = 0;
  for (const profile of profiles) {
    for (const result of matcher.match(profile, asOf, { includeNotInForce: true })) {
      verdicts[result.verdict] = (verdicts[result.verdict] ?? 0) + 1;
      evaluations++;
    }
  }
  const t2 = performance.now();
  return { profiles: count, rules: rules.length, evaluations, buildMs: Math.round(t1 - t0), matchMs: Math.round(t2 - t1), verdicts };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = benchEligibility(Number(process.argv[2] ?? 10_000));
  console.log(JSON.stringify(figures, null, 2));
}

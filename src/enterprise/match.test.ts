import { describe, expect, it } from 'vitest';
import { matchProfile, matchProfiles, outreach } from './match.js';
import { validateProfile, type EnterpriseProfile } from './profile.js';
import { loadRules } from './rules/load.js';

const rules = loadRules();
const profile = (input: Record<string, unknown>): EnterpriseProfile => {
  const result = validateProfile(input);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.profile;
};

/** A zone software company that got its first 高企 certificate in late 2023. */
const company = profile({
  registrationDate: '2019-03-15', registeredInZone: true, industryCode: 'I6513', employees: 86, stStaff: 24,
  revenue: { 2021: 2650, 2022: 3380, 2023: 4120 }, totalAssets: { 2023: 3900 }, costsAndExpenses: { 2023: 3500 },
  rdExpenses: { 2021: 210, 2022: 265, 2023: 318 }, rdExpensesDomestic: { 2021: 210, 2022: 265, 2023: 318 },
  highTechRevenue: { 2023: 3300 }, rdSuperDeduction: { 2023: true }, coreTechInSupportedField: true, productsNotRestricted: true,
  innovationScore: 78, ip: { inventionPatents: 2, softwareCopyrights: 14 },
  qualifications: [{ kind: 'high-tech', issuedOn: '2023-11-20' }], honours: [], incidents: [],
});

describe('matching', () => {
  it('ranks eligible first, largest benefit first, then missing facts, then not eligible', () => {
    const results = matchProfile(rules, company, '2024-06-01');
    expect(results.map((r) => [r.ruleId, r.verdict])).toEqual([
      ['xinghe-high-tech-award', 'eligible'],
      ['xinghe-rd-growth-subsidy', 'eligible'],
      ['high-tech-enterprise', 'eligible'],
      ['tech-sme-evaluation', 'eligible'],
      ['sme-size', 'eligible'],
      ['srdi-sme', 'missing-facts'],
      ['xinghe-tech-sme-award', 'not-eligible'],
    ]);
    expect(results[0]).toMatchObject({ benefit: { amount: 30 }, guide: 'guide-tech-innovation-funding', applicationPeriod: expect.stringMatching(/免申即享/) });
    // Rules not yet in force (the 2025 专精特新 award) are left out unless asked for.
    expect(matchProfile(rules, company, '2024-06-01', { includeNotInForce: true })).toHaveLength(8);
  });

  it('matches many profiles and lists a policy’s outreach', () => {
    const outsider = profile({ registeredInZone: false });
    expect(matchProfiles(rules, [company, outsider], '2024-06-01').map((m) => m.results.length)).toEqual([7, 7]);
    const list = outreach(rules, 'xinghe-rd-growth-subsidy', [company, outsider, profile({ registeredInZone: true })], '2024-06-01');
    expect(list.eligible.map((e) => e.index)).toEqual([0]);
    expect(list['not-eligible'].map((e) => e.index)).toEqual([1]);
    expect(list['missing-facts'].map((e) => e.index)).toEqual([2]);
  });
});

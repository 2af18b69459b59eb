import { describe, expect, it } from 'vitest';
import { validateProfile, type EnterpriseProfile } from '../profile.js';
import { evaluateRule, rulebookOf } from './evaluate.js';
import { loadRules, parseRule } from './load.js';
import { conditionsById } from './test-cases.js';

const rules = loadRules();
const rulebook = rulebookOf(rules);
const rule = (id: string) => rulebook.get(id)!;

function profile(input: Record<string, unknown>): EnterpriseProfile {
  const result = validateProfile(input);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.profile;
}

/** A small software company asking 能不能申报高企 in June 2024. */
const software = {
  registrationDate: '2020-08-18',
  registeredInZone: true,
  industryCode: 'I6513',
  employees: 60,
  stStaff: 5,
  revenue: { 2021: 900, 2022: 1500, 2023: 2100 },
  rdExpenses: { 2021: 40, 2022: 60, 2023: 80 },
  rdExpensesDomestic: { 2021: 40, 2022: 60, 2023: 80 },
  highTechRevenue: { 2023: 1600 },
  coreTechInSupportedField: true,
  ip: { softwareCopyrights: 9 },
  incidents: [],
};

describe('evaluating a rule', () => {
  it('lists every condition, with the value, the requirement and the shortfall in Chinese', () => {
    const result = evaluateRule(rule('high-tech-enterprise'), profile(software), '2024-06-01', rulebook);
    const byId = conditionsById(result.conditions);
    // 5/60 = 8.33 % of staff in R&D: not met, and how far short is said in percentage points.
    expect(byId.get('st-staff-share')).toMatchObject({ status: 'not-met', value: '8.33%', requirement: '不低于10%', shortfall: '还差1.67 个百分点' });
    // 180/4500 = 4 % against the ≤5000万元 band's 5 %: the band is named.
    expect(byId.get('rd-expense-ratio')).toMatchObject({ status: 'not-met', value: '4%', shortfall: '还差1 个百分点' });
    expect(byId.get('rd-expense-ratio')!.requirement).toBe('不低于5%（按2023年销售（营业）收入2100万元适用）');
    // Nothing is short-circuited: the innovation score is still reported, as missing.
    expect(byId.get('innovation-score')).toMatchObject({ status: 'unknown', missing: ['innovationScore'] });
    expect(result.verdict).toBe('not-eligible');
    expect(result.reasons).toEqual([
      '不符合：科技人员占当年职工总数的比例为8.33%，要求不低于10%，还差1.67 个百分点。',
      '不符合：近三个会计年度研究开发费用总额占同期销售收入总额的比例为4%，要求不低于5%（按2023年销售（营业）收入2100万元适用），还差1 个百分点。',
      '待补充：缺少高企创新能力评价得分，无法判断“企业创新能力评价得分”（要求高于70分）。',
    ]);
  });

  it('decides a banded threshold without the band when every band gives the same answer', () => {
    const parsed = parseRule(
      'id: banded\nname: 分档示例\nlevel: zone\nlegalBasis: [{ title: 示例 }]\nvalidFrom: 2020-01-01\nwhen:\n  id: share\n  value: { ratio: { of: { fact: stStaff }, to: { fact: employees } } }\n  atLeast: { by: { fact: totalAssets, year: -1 }, bands: [{ upTo: 1000, value: 0.2 }, { value: 0.1 }] }\n',
      'banded.yaml',
    );
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const share = (stStaff: number) => evaluateRule(parsed.rule, profile({ employees: 100, stStaff }), '2024-06-01').conditions;
    // 25 % passes the hardest band and 5 % fails the easiest: the assets (unknown) do not matter.
    expect(share(25)).toMatchObject({ status: 'met' });
    expect(share(5)).toMatchObject({ status: 'not-met', shortfall: '还差5 个百分点' });
    // 15 % passes one band and not the other: the assets decide, and are asked for.
    expect(share(15)).toMatchObject({ status: 'unknown', missing: ['totalAssets.2023'], requirement: '不低于10%至20%（视2023年资产总额而定）' });
    const open = evaluateRule(rule('high-tech-enterprise'), profile({ ...software, revenue: { 2020: 6000, 2021: 6000 } }), '2023-06-01', rulebook);
    expect([...conditionsById(open.conditions).get('rd-expense-ratio')!.missing].sort()).toEqual(['rdExpenses.2020', 'revenue.2022']);
  });

  it('says which facts are missing when nothing is wrong yet', () => {
    const result = evaluateRule(rule('tech-sme-evaluation'), profile({ employees: 30, stStaff: 9 }), '2024-05-20', rulebook);
    expect(result.verdict).toBe('missing-facts');
    expect(result.missingFactLabels).toEqual(expect.arrayContaining(['2023年销售（营业）收入', '2023年资产总额', '产品和服务不属于禁止、限制和淘汰类', '近年是否发生事故、违法失信情况']));
  });

  it('computes the benefit only for an eligible enterprise', () => {
    const base = { registeredInZone: true, rdExpenses: { 2022: 500, 2023: 800 }, rdSuperDeduction: { 2023: true }, incidents: [] };
    const eligible = evaluateRule(rule('xinghe-rd-growth-subsidy'), profile(base), '2024-06-20', rulebook);
    expect(eligible.benefit).toMatchObject({ amount: 30, amountText: '30万元', basis: '300万元×10%' });
    const outside = evaluateRule(rule('xinghe-rd-growth-subsidy'), profile({ ...base, registeredInZone: false }), '2024-06-20', rulebook);
    expect(outside.benefit?.amount).toBeUndefined();
    expect(outside.benefit?.text).toMatch(/10%/);
  });

  it('refuses a rule not in force on the date, saying when it applies', () => {
    const result = evaluateRule(rule('xinghe-srdi-award'), profile({}), '2024-06-01', rulebook);
    expect(result).toMatchObject({ inForce: false, verdict: 'not-eligible' });
    expect(result.reasons[0]).toBe('该政策自2025-02-01起施行，2024-06-01不在有效期内。');
  });
});

describe('loading rule files', () => {
  const good = 'id: demo\nname: 示例\nlevel: zone\nlegalBasis: [{ title: 示例办法 }]\nvalidFrom: 2024-01-01\n';
  it('names the file, the line and the field of a mistake', () => {
    const source = `${good}when:\n  all:\n    - id: staff\n      value: { fact: employees }\n      atLest: 10\n`;
    const parsed = parseRule(source, 'rules/demo.yaml');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^rules\/demo\.yaml:8: when\.all\.0: .*atLest/)]));
  });
  it('names an unknown fact where it is used', () => {
    const parsed = parseRule(`${good}when: { value: { fact: turnover }, atLeast: 1 }\n`, 'rules/demo.yaml');
    expect(parsed.ok ? [] : parsed.problems).toEqual([expect.stringMatching(/^rules\/demo\.yaml:6: when\.value\.fact: /)]);
  });
  it('reports YAML syntax errors with their line', () => {
    const parsed = parseRule(`${good}when: [unclosed\n`, 'rules/demo.yaml');
    expect(parsed.ok ? [] : parsed.problems).toEqual([expect.stringMatching(/^rules\/demo\.yaml:\d+: 不是有效的 YAML/)]);
  });
  it('loads every shipped rule', () => {
    expect(rules.map((r) => r.id).sort()).toEqual(['high-tech-enterprise', 'sme-size', 'srdi-sme', 'tech-sme-evaluation', 'xinghe-high-tech-award', 'xinghe-rd-growth-subsidy', 'xinghe-srdi-award', 'xinghe-tech-sme-award']);
  });
});

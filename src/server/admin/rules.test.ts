/**
 * Rules in the back office over real HTTP on PGlite: a bad draft is refused with each problem's
 * line and field in Chinese and nothing stored; a good one is saved, its own test cases run, tried
 * on an enterprise and on typed facts, submitted, published by a reviewer (not its author), and the
 * enterprise's portal matches change at once; the diff, rollback and the audit log; who may do what.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeJob } from '../../enterprise/notices/job.js';
import { RuleBook } from '../../enterprise/rule-book/index.js';
import { RULES_DIR } from '../../enterprise/rules/load.js';
import type { SqlStore } from '../../storage/index.js';
import { CODE_A, registeredEnterprise, startEnterpriseServer, TODAY, type EnterpriseClient, type EnterpriseSetup } from '../enterprise/test-support.js';
import { AdminClient, loggedIn, STAFF } from './test-support.js';

const YEAR = Number(TODAY.slice(0, 4));
const HIGH_TECH = readFileSync(join(RULES_DIR, 'high-tech-enterprise.yaml'), 'utf8');
const HIGH_TECH_TESTS = readFileSync(join(RULES_DIR, 'tests', 'high-tech-enterprise.yaml'), 'utf8');
/** The line of the S&T staff share's threshold in the shipped file. */
const THRESHOLD_LINE = HIGH_TECH.split('\n').findIndex((l) => l.includes('atLeast: 0.10')) + 1;
const raised = (share: string) => HIGH_TECH.replace('atLeast: 0.10', `atLeast: ${share}`);

/** 35 % of its staff work in S&T; everything else for 高企 is met except the unknown innovation score. */
const PROFILE = {
  registrationDate: '2017-04-12',
  registeredInZone: true,
  industryCode: 'I6513',
  employees: 120,
  stStaff: 42,
  coreTechInSupportedField: true,
  productsNotRestricted: true,
  revenue: { [YEAR - 3]: 6200, [YEAR - 2]: 7400, [YEAR - 1]: 8800 },
  rdExpenses: { [YEAR - 3]: 520, [YEAR - 2]: 610, [YEAR - 1]: 700 },
  rdExpensesDomestic: { [YEAR - 3]: 520, [YEAR - 2]: 610, [YEAR - 1]: 700 },
  highTechRevenue: { [YEAR - 1]: 7100 },
  ip: { inventionPatents: 6, softwareCopyrights: 20 },
  qualifications: [],
  incidents: [],
};

let setup: EnterpriseSetup;
let editor: AdminClient;
let reviewer: AdminClient;
let boss: AdminClient;
let windowStaff: AdminClient;
let company: { id: string; client: EnterpriseClient };

beforeAll(async () => {
  setup = await startEnterpriseServer();
  editor = await loggedIn(setup.base, STAFF.editor);
  reviewer = await loggedIn(setup.base, STAFF.reviewer);
  boss = await loggedIn(setup.base, STAFF.admin);
  windowStaff = await loggedIn(setup.base, STAFF.window);
  company = await registeredEnterprise(setup.base, boss, CODE_A, '甲辰智算科技有限公司', 'a.user');
  const saved = await company.client.put('/api/enterprise/profile', { profile: PROFILE });
  if (saved.status !== 200) throw new Error(JSON.stringify(saved.body));
}, 120_000);
afterAll(async () => setup?.close());

const highTechMatch = async () => ((await company.client.get('/api/enterprise/matches')).body.matches as Array<{ ruleId: string; verdict: string; conditions: Array<{ id?: string; status: string; requirement?: string }> }>).find((m) => m.ruleId === 'high-tech-enterprise')!;
const rows = async () => {
  const db = (setup.store as SqlStore).db;
  return JSON.stringify([await db.query('SELECT rule_id, version, status FROM rule_versions ORDER BY rule_id, version'), await db.query('SELECT count(*)::integer AS n FROM audit_log')]);
};

describe('the rules list', () => {
  it('lists the shipped rules as published, with their legal reference and dates', async () => {
    const reply = await windowStaff.get('/api/admin/rules');
    expect(reply.status).toBe(200);
    expect(reply.body.rules).toHaveLength(8);
    const highTech = reply.body.rules.find((r: { id: string }) => r.id === 'high-tech-enterprise');
    expect(highTech).toMatchObject({ name: expect.stringContaining('高新技术企业'), level: 'national', validFrom: '2016-01-01', published: { version: 1, author: 'shipped', shipped: true } });
    expect(highTech.legalBasis).toContain('国科发火〔2016〕32号');
    const detail = await windowStaff.get('/api/admin/rules/high-tech-enterprise');
    expect(detail.body.current).toMatchObject({ version: 1, status: 'published', source: HIGH_TECH, tests: HIGH_TECH_TESTS });
    expect((await windowStaff.get('/api/admin/rules/no-such-rule')).status).toBe(404);
  });
});

describe('saving a draft', () => {
  it('refuses a bad draft with every problem by line and field, in Chinese, and stores nothing', async () => {
    const before = await rows();
    const bad = await editor.put('/api/admin/rules/high-tech-enterprise/draft', { source: HIGH_TECH.replace('atLeast: 0.10', 'atLeast: 百分之十') });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([expect.objectContaining({ part: 'rule', line: THRESHOLD_LINE, field: expect.stringMatching(/^when\.all\.\d+\.atLeast$/) })]);
    expect(bad.body.problems[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(bad.body.error).toContain(`第 ${THRESHOLD_LINE} 行`);

    const unknownFact = await editor.put('/api/admin/rules/high-tech-enterprise/draft', { source: HIGH_TECH.replace('{ fact: stStaff }', '{ fact: scientists }') });
    expect(unknownFact.body.problems[0]).toMatchObject({ line: THRESHOLD_LINE - 1, field: expect.stringContaining('value.ratio.of.fact') });

    const syntax = await editor.put('/api/admin/rules/high-tech-enterprise/draft', { source: `${HIGH_TECH}\nwhen: [unclosed\n` });
    expect(syntax.body.problems[0]).toMatchObject({ part: 'rule', line: expect.any(Number), message: expect.stringContaining('YAML') });

    const alias = await editor.put('/api/admin/rules/high-tech-enterprise/draft', { source: HIGH_TECH.replace('validFrom: 2016-01-01', 'validFrom: &d 2016-01-01\nvalidTo: *d') });
    expect(alias.body.problems[0].message).toContain('别名');

    const otherId = await editor.put('/api/admin/rules/high-tech-enterprise/draft', { source: HIGH_TECH.replace('id: high-tech-enterprise', 'id: high-tech-2') });
    expect(otherId.body.problems[0]).toMatchObject({ field: 'id', line: HIGH_TECH.split('\n').findIndex((l) => l.startsWith('id:')) + 1 });

    const badTests = await editor.put('/api/admin/rules/high-tech-enterprise/draft', { source: HIGH_TECH, tests: HIGH_TECH_TESTS.replace('rule: high-tech-enterprise', 'rule: sme-size') });
    expect(badTests.body.problems[0]).toMatchObject({ part: 'tests', field: 'rule' });

    const tooLong = await editor.put('/api/admin/rules/high-tech-enterprise/draft', { source: `${HIGH_TECH}\n# ${'很长'.repeat(12_000)}\n` });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.problems[0].message).toContain('64 KiB');
    expect(await rows()).toBe(before);
  });

  it('saves a good draft and runs its own test cases, which say what the change breaks', async () => {
    const saved = await editor.put('/api/admin/rules/high-tech-enterprise/draft', { source: raised('0.40'), tests: HIGH_TECH_TESTS, note: '科技人员占比提高到40%' });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toMatchObject({ ruleId: 'high-tech-enterprise', version: 2, status: 'draft', author: STAFF.editor, note: '科技人员占比提高到40%' });
    // The shipped cases expect 10 %: those at the threshold now fail, and say why.
    expect(saved.body.cases.ran).toBeGreaterThan(5);
    expect(saved.body.cases.failed).toBeGreaterThan(0);
    const failing = saved.body.cases.cases.find((c: { passed: boolean }) => !c.passed);
    expect(failing.problems.join()).toMatch(/st-staff-share|verdict/);
    // Published matches are untouched by a draft.
    expect((await highTechMatch()).verdict).toBe('missing-facts');
  });
});

describe('trying a rule before it is published', () => {
  it('evaluates the draft on the enterprise, every condition with its value, requirement and shortfall', async () => {
    const tried = await editor.post('/api/admin/rules/high-tech-enterprise/try', { source: raised('0.40'), enterpriseId: company.id, asOf: TODAY });
    expect(tried.status).toBe(200);
    expect(tried.body).toMatchObject({ asOf: TODAY, tried: { id: 'high-tech-enterprise', draft: true }, profile: { from: 'enterprise', enterpriseName: '甲辰智算科技有限公司' }, result: { verdict: 'not-eligible' } });
    const share = tried.body.result.conditions.children.find((c: { id?: string }) => c.id === 'st-staff-share');
    expect(share).toMatchObject({ status: 'not-met', value: '35%', requirement: '不低于40%', shortfall: '还差5 个百分点' });
    // The same, as the portal shows a match: one row a condition, each missing fact named.
    expect(tried.body.match).toMatchObject({ ruleId: 'high-tech-enterprise', verdict: 'not-eligible' });
    const rows = tried.body.match.conditions as Array<{ id?: string }>;
    expect(rows.find((c) => c.id === 'st-staff-share')).toMatchObject({ statusText: '不符合', depth: 0 });
    expect(rows.find((c) => c.id === 'innovation-score')).toMatchObject({ statusText: '待补充', missing: [{ key: 'innovationScore', label: '高企创新能力评价得分' }] });
    const badDay = await editor.post('/api/admin/rules/high-tech-enterprise/try', { enterpriseId: company.id, asOf: '2026-02-30' });
    expect(badDay).toMatchObject({ status: 400, body: { error: 'asOf：2026-02-30 不是真实存在的日期' } });
    // A stored version, and the published one, by default.
    const stored = await windowStaff.post('/api/admin/rules/high-tech-enterprise/try', { version: 2, enterpriseId: company.id });
    expect(stored.body).toMatchObject({ asOf: TODAY, tried: { version: 2, draft: false }, result: { verdict: 'not-eligible' } });
    expect(stored.body.cases.failed).toBeGreaterThan(0);
    const published = await windowStaff.post('/api/admin/rules/high-tech-enterprise/try', { enterpriseId: company.id });
    expect(published.body).toMatchObject({ tried: { version: 1 }, result: { verdict: 'missing-facts', missingFacts: ['innovationScore'] } });
  });

  it('evaluates typed-in facts (YAML or an object) and says what is missing', async () => {
    const typed = await editor.post('/api/admin/rules/tech-sme-evaluation/try', { facts: 'employees: 600\nrevenue: { 2025: 3000 }\n', asOf: '2026-03-01' });
    expect(typed.status).toBe(200);
    expect(typed.body.profile).toEqual({ from: 'facts' });
    expect(typed.body.result.verdict).toBe('not-eligible');
    expect(typed.body.result.reasons.join()).toMatch(/职工总数/);
    const object = await editor.post('/api/admin/rules/tech-sme-evaluation/try', { facts: { employees: 60 }, asOf: '2026-03-01' });
    expect(object.body.result).toMatchObject({ verdict: 'missing-facts' });
    expect(object.body.result.missingFacts.length).toBeGreaterThan(0);
    const badFacts = await editor.post('/api/admin/rules/tech-sme-evaluation/try', { facts: { employees: '很多' } });
    expect(badFacts.status).toBe(400);
    expect(badFacts.body.error).toMatch(/^facts：employees/);
    const neither = await editor.post('/api/admin/rules/tech-sme-evaluation/try', {});
    expect(neither.status).toBe(400);
    expect((await editor.post('/api/admin/rules/tech-sme-evaluation/try', { enterpriseId: 'ent_none' })).status).toBe(404);
    const badDraft = await editor.post('/api/admin/rules/tech-sme-evaluation/try', { source: 'id: tech-sme-evaluation\nname: x\n', facts: {} });
    expect(badDraft.status).toBe(400);
    expect(badDraft.body.problems.length).toBeGreaterThan(0);
  });
});

describe('review and publishing', () => {
  it('submits, refuses the author publishing it, publishes by a reviewer, and the matches change at once', async () => {
    expect((await editor.post('/api/admin/rules/high-tech-enterprise/versions/2/publish', {})).status).toBe(403);
    expect((await reviewer.post('/api/admin/rules/high-tech-enterprise/versions/2/publish', {})).status).toBe(409);
    const submitted = await editor.post('/api/admin/rules/high-tech-enterprise/versions/2/submit', {});
    expect(submitted.body).toMatchObject({ version: 2, status: 'in_review', submittedAt: expect.any(String) });
    expect((await highTechMatch()).verdict).toBe('missing-facts');

    const listed = (await reviewer.get('/api/admin/rules')).body.rules.find((r: { id: string }) => r.id === 'high-tech-enterprise');
    expect(listed.open).toMatchObject({ version: 2, status: 'in_review', author: STAFF.editor });

    const published = await reviewer.post('/api/admin/rules/high-tech-enterprise/versions/2/publish', { note: '按新文件执行' });
    expect(published.body).toMatchObject({ version: 2, status: 'published', reviewedBy: STAFF.reviewer, reviewNote: '按新文件执行' });
    const match = await highTechMatch();
    expect(match.verdict).toBe('not-eligible');
    // The chat's eligibility dialogue answers the logged-in enterprise by the published rule too.
    const chat = await company.client.post('/api/chat', { message: '我们公司能申报高企吗？' });
    expect(chat.body.answer.eligibility).toMatchObject({ stage: 'verdict', fromProfile: true, ruleId: 'high-tech-enterprise', verdict: 'not-eligible' });
    expect(JSON.stringify(chat.body.answer)).toContain('40%');
    expect(match.conditions.find((c) => c.id === 'st-staff-share')).toMatchObject({ status: 'not-met', requirement: '不低于40%' });
    const versions = (await reviewer.get('/api/admin/rules/high-tech-enterprise')).body.versions.map((v: { version: number; status: string }) => [v.version, v.status]);
    expect(versions).toEqual([
      [2, 'published'],
      [1, 'retired'],
    ]);
  });

  it('shows the change as a line diff', async () => {
    const diff = await windowStaff.get('/api/admin/rules/high-tech-enterprise/versions/2/diff');
    expect(diff.body).toMatchObject({ id: 'high-tech-enterprise', version: 2, against: 1 });
    expect(diff.body.rule.filter((l: { kind: string }) => l.kind !== 'same')).toEqual([
      { kind: 'removed', text: '      atLeast: 0.10', old: THRESHOLD_LINE },
      { kind: 'added', text: '      atLeast: 0.40', new: THRESHOLD_LINE },
    ]);
    expect(diff.body.tests.every((l: { kind: string }) => l.kind === 'same')).toBe(true);
  });

  it('rejects with a reason, and rolls back to an earlier version as a new one', async () => {
    await editor.put('/api/admin/rules/high-tech-enterprise/draft', { source: raised('0.50') });
    await editor.post('/api/admin/rules/high-tech-enterprise/versions/3/submit', {});
    expect((await reviewer.post('/api/admin/rules/high-tech-enterprise/versions/3/reject', { reason: '' })).status).toBe(400);
    expect((await reviewer.post('/api/admin/rules/high-tech-enterprise/versions/3/reject', { reason: '没有依据' })).body).toMatchObject({ status: 'rejected', reviewNote: '没有依据' });
    expect((await reviewer.post('/api/admin/rules/high-tech-enterprise/versions/2/rollback', {})).status).toBe(409);

    const rolled = await reviewer.post('/api/admin/rules/high-tech-enterprise/versions/1/rollback', {});
    expect(rolled.body).toMatchObject({ version: 4, status: 'published', author: 'shipped', reviewedBy: STAFF.reviewer, note: '回滚到第 1 版' });
    expect((await highTechMatch()).verdict).toBe('missing-facts');
    const audit = (await boss.get('/api/admin/audit?action=rule.')).body.entries.map((e: { action: string; actor: string }) => `${e.action} ${e.actor}`);
    expect(audit).toEqual(
      expect.arrayContaining([
        `rule.save-draft ${STAFF.editor}`,
        `rule.submit ${STAFF.editor}`,
        `rule.publish ${STAFF.reviewer}`,
        `rule.reject ${STAFF.reviewer}`,
        `rule.rollback ${STAFF.reviewer}`,
      ]),
    );
  });

  it('creates a new rule from its YAML', async () => {
    const source = readFileSync(join(RULES_DIR, 'xinghe-tech-sme-award.yaml'), 'utf8').replace('id: xinghe-tech-sme-award', 'id: xinghe-demo-award').replace(/^name: .*$/m, 'name: 星河演示奖励');
    const saved = await editor.put('/api/admin/rules/xinghe-demo-award/draft', { source });
    expect(saved.body.version).toMatchObject({ ruleId: 'xinghe-demo-award', version: 1, status: 'draft' });
    const listed = (await editor.get('/api/admin/rules')).body.rules.find((r: { id: string }) => r.id === 'xinghe-demo-award');
    expect(listed).toMatchObject({ name: '星河演示奖励', open: { version: 1, status: 'draft' } });
    expect(listed.published).toBeUndefined();
  });
});

describe('notices of a published version', () => {
  it('notifies the enterprises a newly published version fits, through the rule book', async () => {
    const job = new NoticeJob(setup.store, { rules: new RuleBook(setup.store), today: () => TODAY, send: { webhookAllowHosts: [] }, checkMs: 0 });
    await job.run();
    const highTechNotices = async () => ((await company.client.get('/api/enterprise/notices')).body.notices as Array<{ ruleId: string }>).filter((n) => n.ruleId === 'high-tech-enterprise');
    const before = (await highTechNotices()).length;
    expect(before).toBe(1); // might fit: only the innovation score is missing
    expect((await job.run()).sweep).toBeUndefined();

    const saved = await editor.put('/api/admin/rules/high-tech-enterprise/draft', { source: raised('0.30') });
    await editor.post(`/api/admin/rules/high-tech-enterprise/versions/${saved.body.version.version}/submit`, {});
    await reviewer.post(`/api/admin/rules/high-tech-enterprise/versions/${saved.body.version.version}/publish`, {});
    const pass = await job.run();
    expect(pass.sweep?.created).toBeGreaterThanOrEqual(1);
    expect(await highTechNotices()).toHaveLength(before + 1);
  });
});

describe('who may do what', () => {
  it('lets editors write, reviewers publish, and everyone with enterprises:read read and try', async () => {
    const nobody = new AdminClient(setup.base);
    expect((await nobody.get('/api/admin/rules')).status).toBe(401);
    expect((await reviewer.put('/api/admin/rules/sme-size/draft', { source: 'id: sme-size' })).status).toBe(403);
    expect((await windowStaff.put('/api/admin/rules/sme-size/draft', { source: 'id: sme-size' })).status).toBe(403);
    expect((await windowStaff.post('/api/admin/rules/high-tech-enterprise/versions/1/rollback', {})).status).toBe(403);
    expect((await editor.post('/api/admin/rules/high-tech-enterprise/versions/1/rollback', {})).status).toBe(403);
    expect((await windowStaff.post('/api/admin/rules/sme-size/try', { facts: { employees: 10 } })).status).toBe(200);
  });
});

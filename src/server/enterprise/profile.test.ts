/**
 * @module server/enterprise/profile.test
 * Enterprise profiles over real HTTP on PGlite: saved with per-field Chinese errors (nothing
 * stored from a refused profile), verified by staff and shown so in the history, losing the
 * verification when the value changes; and one enterprise never reads another's profile — by id,
 * by credit code, or through any route the server has.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, STAFF, type AdminClient } from '../admin/test-support.js';
import { CODE_A, CODE_B, registeredEnterprise, startEnterpriseServer, type EnterpriseClient, type EnterpriseSetup } from './test-support.js';

let setup: EnterpriseSetup;
let boss: AdminClient;
let a: { id: string; client: EnterpriseClient };
let b: { id: string; client: EnterpriseClient };

/** Numbers only enterprise A's profile holds, to look for in B's replies. */
const A_PROFILE = {
  employees: 4217,
  stStaff: 613,
  registrationDate: '2016-03-18',
  registeredInZone: true,
  industryCode: 'I6513',
  revenue: { 2023: 98765, 2024: 123457 },
  ip: { inventionPatents: 37 },
  qualifications: [{ kind: 'high-tech', number: 'GR202332009999', issuedOn: '2023-11-06' }],
};

beforeAll(async () => {
  setup = await startEnterpriseServer();
  boss = await loggedIn(setup.base, STAFF.admin);
  a = await registeredEnterprise(setup.base, boss, CODE_A, '甲方舟数据科技有限公司', 'a.user');
  b = await registeredEnterprise(setup.base, boss, CODE_B, '乙青松材料有限公司', 'b.user');
  const saved = await a.client.put('/api/enterprise/profile', { profile: A_PROFILE });
  if (saved.status !== 200) throw new Error(JSON.stringify(saved.body));
});
afterAll(async () => setup?.close());

describe('the enterprise edits its profile', () => {
  it('refuses a profile with every bad field named in Chinese, and stores nothing of it', async () => {
    const reply = await b.client.put('/api/enterprise/profile', {
      profile: { employees: -3, stStaff: 2.5, registrationDate: '2023-02-30', revenue: { 2024: '很多' }, registeredInZone: '也许', nickname: 'x' },
    });
    expect(reply.status).toBe(400);
    const errors = Object.fromEntries(reply.body.errors.map((e: { field: string; label: string; message: string }) => [e.field, `${e.label}：${e.message}`]));
    expect(errors).toMatchObject({
      employees: '职工总数：不能为负数',
      stStaff: '科技人员数：应为整数',
      registrationDate: '成立日期：不是真实存在的日期',
      'revenue.2024': '2024年销售（营业）收入：应为数字',
      registeredInZone: '是否在本区注册：应为“是”或“否”（true 或 false）',
      nickname: 'nickname：画像中没有“nickname”这一项',
    });
    expect(reply.body.error).toMatch(/^企业画像有6处需要更正/);
    expect((await b.client.get('/api/enterprise/profile')).body.facts).toEqual([]);
  });

  it('saves a profile whole, every fact self-declared, and keeps its history', async () => {
    const first = await b.client.put('/api/enterprise/profile', { profile: { employees: 50, revenue: { 2024: 1200 }, ip: { utilityModels: 4 } } });
    expect(first.status).toBe(200);
    expect(first.body.changed).toEqual(['employees', 'ip.utilityModels', 'revenue.2024']);
    expect(first.body.profile).toMatchObject({ name: '乙青松材料有限公司', creditCode: { value: CODE_B }, employees: { value: 50, source: 'self-declared' } });
    // Sent whole: what is left out is removed, and says so in the history.
    const second = await b.client.put('/api/enterprise/profile', { profile: { employees: 52, revenue: { 2024: 1200 } } });
    expect(second.body).toMatchObject({ changed: ['employees'], removed: ['ip.utilityModels'] });
    const history = await b.client.get('/api/enterprise/profile/history');
    expect(history.body.versions.map((v: { key: string; change: string; value?: unknown }) => [v.key, v.change, v.value])).toEqual(
      expect.arrayContaining([
        ['employees', 'set', 50],
        ['employees', 'set', 52],
        ['ip.utilityModels', 'removed', undefined],
      ]),
    );
    const employees = await b.client.get('/api/enterprise/profile/history?fact=employees');
    expect(employees.body.versions.map((v: { version: number; value: unknown }) => [v.version, v.value])).toEqual([[2, 52], [1, 50]]);
  });

  it('refuses another credit code in the profile', async () => {
    const reply = await b.client.put('/api/enterprise/profile', { profile: { creditCode: CODE_A, employees: 9 } });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0]).toMatchObject({ field: 'creditCode', label: '统一社会信用代码' });
  });
});

describe('staff verify facts', () => {
  it('records who verified which fact and when, in the profile and its history, until the value changes', async () => {
    const window = await loggedIn(setup.base, STAFF.window);
    expect((await window.post(`/api/admin/enterprises/${a.id}/profile/verify`, { facts: ['employees'] })).status).toBe(403);
    const editor = await loggedIn(setup.base, STAFF.editor);
    const verified = await editor.post(`/api/admin/enterprises/${a.id}/profile/verify`, { facts: ['employees', 'revenue.2024', 'qualifications'], note: '社保缴费名单' });
    expect(verified.status).toBe(200);
    expect(verified.body.verified).toHaveLength(3);
    for (const fact of verified.body.verified) expect(fact).toMatchObject({ source: 'verified', verifiedBy: STAFF.editor, note: '社保缴费名单' });

    const unknown = await editor.post(`/api/admin/enterprises/${a.id}/profile/verify`, { facts: ['totalAssets.2024'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'facts.0', label: '2024年资产总额' });

    const seen = await a.client.get('/api/enterprise/profile');
    expect(seen.body.profile.employees).toMatchObject({ value: 4217, source: 'verified' });
    expect(seen.body.profile.qualifications[0]).toMatchObject({ kind: 'high-tech', source: 'verified' });
    expect(seen.body.profile.stStaff).toMatchObject({ source: 'self-declared' });
    const history = await a.client.get('/api/enterprise/profile/history?fact=employees');
    expect(history.body.versions[0]).toMatchObject({ change: 'verified', value: 4217, verifiedBy: STAFF.editor, changedBy: STAFF.editor });
    expect(history.body.versions[0].verifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // The same values sent again keep their verification; a changed one loses it.
    const again = await a.client.put('/api/enterprise/profile', { profile: { ...A_PROFILE, revenue: { 2023: 98765, 2024: 130000 } } });
    expect(again.body.changed).toEqual(['revenue.2024']);
    expect(again.body.profile.employees.source).toBe('verified');
    expect(again.body.profile.qualifications[0].source).toBe('verified');
    expect(again.body.profile.revenue['2024']).toMatchObject({ value: 130000, source: 'self-declared' });

    const audit = await boss.get(`/api/admin/audit?target=${a.id}&action=enterprise.profile.`);
    expect(audit.body.entries.map((e: { action: string; actor: string }) => `${e.action} ${e.actor}`)).toEqual([
      `enterprise.profile.update enterprise:${CODE_A}/a.user`,
      `enterprise.profile.verify ${STAFF.editor}`,
      `enterprise.profile.update enterprise:${CODE_A}/a.user`,
    ]);
  });
});

describe('one enterprise never reads another', () => {
  const marks = ['4217', '98765', '613', 'GR202332009999', '甲方舟', CODE_A];
  const leaks = (body: unknown) => marks.filter((m) => JSON.stringify(body ?? '').includes(m));

  it('by id or credit code in the query, in the body, or in a back-office path', async () => {
    for (const path of [
      '/api/enterprise/profile',
      `/api/enterprise/profile?id=${a.id}`,
      `/api/enterprise/profile?creditCode=${CODE_A}`,
      `/api/enterprise/profile?enterpriseId=${a.id}`,
      `/api/enterprise/profile/history?id=${a.id}`,
      `/api/enterprise/profile/history?fact=employees&creditCode=${CODE_A}`,
      `/api/enterprise/me?id=${a.id}`,
      `/api/admin/enterprises/${a.id}/profile`,
      `/api/admin/enterprises/${a.id}/profile/history`,
      `/api/admin/enterprises/${a.id}`,
      '/api/admin/enterprises/export',
      `/api/admin/enterprises?q=${CODE_A}`,
    ]) {
      const reply = await b.client.get(path);
      expect(leaks(reply.body), path).toEqual([]);
    }
    const put = await b.client.put('/api/enterprise/profile', { profile: { employees: 52, revenue: { 2024: 1200 } }, id: a.id, creditCode: CODE_A });
    expect(put.status).toBe(200);
    expect(put.body.profile.creditCode.value).toBe(CODE_B);
    expect((await a.client.get('/api/enterprise/profile')).body.profile.employees.value).toBe(4217);
  });

  it('through every route of the server, with every parameter naming enterprise A', async () => {
    const ids: Record<string, string> = { id: a.id, creditCode: CODE_A, itemId: a.id, name: a.id, version: '1' };
    const tried: string[] = [];
    for (const route of setup.routes) {
      if (route.method === 'HEAD' || route.url.includes('*') || route.url.startsWith('/api/docs')) continue;
      // Logging out would end the session the rest of the loop uses.
      if (route.url.endsWith('/logout')) continue;
      // Counts and timings only; a duration such as 0.000613… would "contain" a mark by chance.
      if (route.url === '/metrics') continue;
      const path = route.url.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(ids[name] ?? a.id));
      const query = `?id=${a.id}&creditCode=${CODE_A}&enterpriseId=${a.id}&fact=employees`;
      const body = ['GET', 'DELETE'].includes(route.method) ? undefined : { id: a.id, creditCode: CODE_A, enterpriseId: a.id, facts: ['employees'], profile: {} };
      const reply = await b.client.request(route.method, path + query, body);
      tried.push(`${route.method} ${route.url}`);
      expect(leaks(reply.body), `${route.method} ${route.url}`).toEqual([]);
    }
    expect(tried).toEqual(expect.arrayContaining(['GET /api/enterprise/profile', 'PUT /api/enterprise/profile', 'GET /api/admin/enterprises/:id/profile']));
    // And A's profile is as it was.
    const own = await a.client.get('/api/enterprise/profile');
    expect(own.body.profile.employees).toMatchObject({ value: 4217, source: 'verified' });
  });
});

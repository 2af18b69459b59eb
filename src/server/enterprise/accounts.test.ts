/**
 * @module server/enterprise/accounts.test
 * Enterprise accounts over real HTTP on PGlite: an enterprise registers, waits for approval,
 * logs in; staff create, approve and disable enterprises and add users; refused input is said in
 * Chinese naming the field; failed logins lock an address out like staff's; and enterprise and
 * staff sessions never stand in for each other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, STAFF, type AdminClient } from '../admin/test-support.js';
import { CODE_A, CODE_B, CODE_C, creditCode, ENTERPRISE_PASSWORD, EnterpriseClient, registeredEnterprise, startEnterpriseServer, type EnterpriseSetup } from './test-support.js';

let setup: EnterpriseSetup;
let boss: AdminClient;

beforeAll(async () => {
  setup = await startEnterpriseServer();
  boss = await loggedIn(setup.base, STAFF.admin);
});
afterAll(async () => setup?.close());

const registration = (code: string, extra: Record<string, unknown> = {}) => ({
  creditCode: code,
  name: '星河智造科技有限公司',
  contactName: '李四',
  contactPhone: '13800001111',
  username: 'li.si',
  password: ENTERPRISE_PASSWORD,
  ...extra,
});

describe('registration, approval and login', () => {
  it('keeps a registered enterprise pending until staff approve it, then lets its user in', async () => {
    const client = new EnterpriseClient(setup.base);
    const registered = await client.post('/api/enterprise/register', registration(CODE_A.toLowerCase()));
    expect(registered.status).toBe(201);
    expect(registered.body.enterprise).toMatchObject({ creditCode: CODE_A, status: 'pending', statusLabel: '待审核', createdBy: 'self' });
    expect(registered.body.user).toMatchObject({ username: 'li.si', login: 'password' });
    expect(JSON.stringify(registered.body)).not.toContain('argon2');

    const early = await client.loginEnterprise(CODE_A, 'li.si');
    expect(early.status).toBe(403);
    expect(early.body.error).toContain('等待工作人员审核');

    const pending = await boss.get('/api/admin/enterprises?status=pending');
    expect(pending.body.enterprises.map((e: { creditCode: string }) => e.creditCode)).toContain(CODE_A);
    const id = registered.body.enterprise.id;
    const approved = await boss.post(`/api/admin/enterprises/${id}/approve`);
    expect(approved.body).toMatchObject({ status: 'active', reviewedBy: STAFF.admin });

    const login = await client.loginEnterprise(CODE_A, 'LI.SI');
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/^xiaoxin_enterprise=.*HttpOnly.*SameSite=Strict/i);
    const me = await client.get('/api/enterprise/me');
    expect(me.body.enterprise).toMatchObject({ id, creditCode: CODE_A, status: 'active' });

    const audit = await boss.get(`/api/admin/audit?target=${id}`);
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['enterprise.register', 'enterprise.approve', 'enterprise.login']),
    );
  });

  it('refuses bad input in Chinese, naming the field', async () => {
    const client = new EnterpriseClient(setup.base);
    const badCode = await client.post('/api/enterprise/register', registration(CODE_B.slice(0, 17) + (CODE_B.endsWith('0') ? '1' : '0')));
    expect(badCode.status).toBe(400);
    expect(badCode.body.error).toMatch(/^creditCode：统一社会信用代码校验位不符/);
    const missing = await client.post('/api/enterprise/register', { ...registration(CODE_B), contactName: undefined });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('contactName（联系人）：必须填写');
    const weak = await client.post('/api/enterprise/register', registration(CODE_B, { password: 'password123' }));
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatch(/^password：密码太容易被猜到/);
    const taken = await client.post('/api/enterprise/register', registration(CODE_A, { username: 'wang.wu' }));
    expect(taken.status).toBe(409);
    expect(taken.body.error).toContain('已注册');
  });

  it('lets staff create an active enterprise and its users, and disable it', async () => {
    const created = await boss.post('/api/admin/enterprises', { creditCode: CODE_C, name: '青禾生物医药有限公司' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'active', createdBy: STAFF.admin });
    const user = await boss.post(`/api/admin/enterprises/${created.body.id}/users`, { username: 'zhao.liu', password: ENTERPRISE_PASSWORD, displayName: '赵六' });
    expect(user.status).toBe(201);
    const client = new EnterpriseClient(setup.base);
    expect((await client.loginEnterprise(CODE_C, 'zhao.liu')).status).toBe(200);

    const window = await loggedIn(setup.base, STAFF.window);
    expect((await window.post(`/api/admin/enterprises/${created.body.id}/disable`)).status).toBe(403);
    expect((await window.get(`/api/admin/enterprises/${created.body.id}`)).status).toBe(200);

    expect((await boss.post(`/api/admin/enterprises/${created.body.id}/disable`)).body.status).toBe('disabled');
    // Logged out at once, and refused on the next try (after the right password only).
    expect((await client.get('/api/enterprise/me')).status).toBe(401);
    const again = await client.loginEnterprise(CODE_C, 'zhao.liu');
    expect(again.status).toBe(403);
    expect(again.body.error).toContain('已停用');
    expect((await boss.post(`/api/admin/enterprises/${created.body.id}/enable`)).body.status).toBe('active');
    expect((await client.loginEnterprise(CODE_C, 'zhao.liu')).status).toBe(200);
  });

  it('needs the CSRF token for writes, and keeps staff and enterprise sessions apart', async () => {
    const code = creditCode('91320500MA1N0000D');
    const { id, client } = await registeredEnterprise(setup.base, boss, code, '云杉软件有限公司');
    const withoutToken = await client.request('PUT', '/api/enterprise/profile', { profile: {} }, { csrf: false });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body.error).toMatch(/^x-csrf-token：/);
    // The enterprise's cookie opens nothing in the back office …
    expect((await client.get(`/api/admin/enterprises/${id}`)).status).toBe(401);
    expect((await client.get('/api/admin/me')).status).toBe(401);
    // … and the staff cookie nothing in the portal.
    expect((await boss.get('/api/enterprise/me')).status).toBe(401);
    expect((await boss.get('/api/enterprise/profile')).status).toBe(401);
    expect((await client.post('/api/enterprise/logout')).status).toBe(200);
    expect((await client.get('/api/enterprise/me')).status).toBe(401);
  });
});

describe('lock-out', () => {
  it('locks an address out of a user after 5 failures, the right password included, with one answer for every refusal', async () => {
    const code = creditCode('91320500MA1N0000E');
    await registeredEnterprise(setup.base, boss, code, '远山精密机械有限公司', 'qian.qi');
    const client = new EnterpriseClient(setup.base);
    const refusals = [];
    for (let i = 0; i < 5; i++) refusals.push(await client.loginEnterprise(code, 'qian.qi', `wrong-password-${i}`));
    const locked = await client.loginEnterprise(code, 'qian.qi');
    const unknown = await client.loginEnterprise(creditCode('91320500MA1N0000F'), 'nobody');
    for (const reply of [...refusals, locked, unknown]) {
      expect(reply.status).toBe(401);
      expect(reply.body.error).toBe(refusals[0]!.body.error);
    }
    expect(refusals[0]!.body.error).toContain('尝试次数过多');
    const audit = await boss.get('/api/admin/audit?action=enterprise.login.');
    const actions = audit.body.entries.map((e: { action: string; detail?: string }) => `${e.action} ${e.detail ?? ''}`);
    expect(actions.some((a: string) => a.startsWith('enterprise.login.locked') && a.includes('the password was right'))).toBe(true);
    expect(actions.some((a: string) => a.includes('address locked out of this account until'))).toBe(true);
  });
});

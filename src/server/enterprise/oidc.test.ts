/**
 * @module server/enterprise/oidc.test
 * Enterprise login through OpenID Connect against a real provider (`oidc-provider`) started here
 * over HTTP: the authorization-code flow with PKCE through a browser stand-in; an enterprise the
 * claims name for the first time lands pending until staff approve it; a known one is joined;
 * a callback that does not belong to a login started in this browser, or comes twice, or whose
 * claims carry no credit code, logs nobody in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browse, CookieJar, freePort, logInAtProvider, startTestProvider, type TestProvider } from '../../test/oidc-provider.js';
import { loggedIn, STAFF, type AdminClient } from '../admin/test-support.js';
import { CODE_A, CODE_B, registeredEnterprise, startEnterpriseServer, type EnterpriseSetup } from './test-support.js';

let provider: TestProvider;
let setup: EnterpriseSetup;
let boss: AdminClient;
let redirectUri: string;

beforeAll(async () => {
  const port = await freePort();
  redirectUri = `http://127.0.0.1:${port}/api/enterprise/oidc/callback`;
  // The province names its claims its own way: the credit code comes as `uscc` under the scope `enterprise`.
  provider = await startTestProvider(redirectUri, { enterprise: ['uscc', 'enterprise_name'], profile: ['name'] });
  provider.accounts.set('wang.wu', { uscc: CODE_A, enterprise_name: '甲方舟数据科技有限公司', name: '王五' });
  provider.accounts.set('chen.ba', { uscc: CODE_B, enterprise_name: '乙青松材料有限公司', name: '陈八' });
  provider.accounts.set('nobody', { name: '无名' });
  setup = await startEnterpriseServer({
    port,
    oidc: {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      redirectUri,
      creditCodeClaim: 'uscc',
      nameClaim: 'enterprise_name',
      scope: 'openid enterprise profile',
    },
  });
  boss = await loggedIn(setup.base, STAFF.admin);
});
afterAll(async () => {
  await setup?.close();
  await provider?.close();
});

/** Logs `account` in at the provider and brings the browser back; returns the portal address it lands on. */
async function oidcLogin(jar: CookieJar, account: string): Promise<string> {
  const callback = await logInAtProvider(jar, `${setup.base}/api/enterprise/oidc/start`, account, redirectUri);
  const back = await browse(jar, callback);
  expect(back.status).toBe(303);
  return back.headers.get('location')!;
}

describe('login through the identity service', () => {
  it('uses the authorization-code flow with PKCE, state and nonce', async () => {
    const jar = new CookieJar();
    const start = await browse(jar, `${setup.base}/api/enterprise/oidc/start`);
    expect(start.status).toBe(303);
    const to = new URL(start.headers.get('location')!);
    expect(to.origin).toBe(provider.issuer);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({ response_type: 'code', client_id: provider.clientId, redirect_uri: redirectUri, code_challenge_method: 'S256', scope: 'openid enterprise profile' });
    for (const p of ['code_challenge', 'state', 'nonce']) expect(to.searchParams.get(p)).toMatch(/^[\w-]{20,}$/);
  });

  it('lands an enterprise first seen through OIDC pending, and lets its user in once staff approve it', async () => {
    const jar = new CookieJar();
    expect(await oidcLogin(jar, 'wang.wu')).toBe('/enterprise?login=pending');
    expect(jar.get(setup.base, 'xiaoxin_enterprise')).toBeUndefined();
    const found = await boss.get(`/api/admin/enterprises?q=${CODE_A}`);
    expect(found.body.enterprises).toHaveLength(1);
    const enterprise = found.body.enterprises[0];
    expect(enterprise).toMatchObject({ creditCode: CODE_A, name: '甲方舟数据科技有限公司', status: 'pending', createdBy: 'oidc' });
    const users = (await boss.get(`/api/admin/enterprises/${enterprise.id}`)).body.users;
    expect(users).toMatchObject([{ login: 'oidc', displayName: '王五' }]);

    await boss.post(`/api/admin/enterprises/${enterprise.id}/approve`);
    expect(await oidcLogin(jar, 'wang.wu')).toBe('/enterprise');
    const me = await fetch(`${setup.base}/api/enterprise/me`, { headers: { cookie: jar.header(setup.base) } });
    const body = (await me.json()) as { enterprise: { id: string }; user: { login: string }; csrfToken: string };
    expect(body.enterprise.id).toBe(enterprise.id);
    expect(body.user.login).toBe('oidc');
    // The session works like a local one: it may save the profile with its CSRF token.
    const put = await fetch(`${setup.base}/api/enterprise/profile`, {
      method: 'PUT',
      headers: { cookie: jar.header(setup.base), 'content-type': 'application/json', 'x-csrf-token': body.csrfToken },
      body: JSON.stringify({ profile: { employees: 12 } }),
    });
    expect(put.status).toBe(200);
    // One user for the subject, however often it logs in.
    expect((await boss.get(`/api/admin/enterprises/${enterprise.id}`)).body.users).toHaveLength(1);
  });

  it('joins an enterprise registered already', async () => {
    const { id } = await registeredEnterprise(setup.base, boss, CODE_B, '乙青松材料有限公司', 'local.user');
    const jar = new CookieJar();
    expect(await oidcLogin(jar, 'chen.ba')).toBe('/enterprise');
    const users = (await boss.get(`/api/admin/enterprises/${id}`)).body.users;
    expect(users.map((u: { login: string }) => u.login)).toEqual(['password', 'oidc']);
  });

  it('logs nobody in from claims without a credit code, a callback from another browser, or a callback used twice', async () => {
    expect(await oidcLogin(new CookieJar(), 'nobody')).toBe('/enterprise?login=failed');

    const jar = new CookieJar();
    const callback = await logInAtProvider(jar, `${setup.base}/api/enterprise/oidc/start`, 'chen.ba', redirectUri);
    // Another browser (no state cookie) brings the same code: refused, and the code is not spent.
    const stranger = await browse(new CookieJar(), callback);
    expect(stranger.headers.get('location')).toBe('/enterprise?login=failed');
    const first = await browse(jar, callback);
    expect(first.headers.get('location')).toBe('/enterprise');
    const session = jar.get(setup.base, 'xiaoxin_enterprise');
    expect(session).toBeTruthy();
    // The state cookie is cleared; replaying the callback with it set again is refused too.
    const replay = await fetch(callback, { headers: { cookie: `xiaoxin_oidc_state=${new URL(callback).searchParams.get('state')}` }, redirect: 'manual' });
    expect(replay.headers.get('location')).toBe('/enterprise?login=failed');

    const audit = await boss.get('/api/admin/audit?action=enterprise.login.failed');
    const details = audit.body.entries.map((e: { detail?: string }) => e.detail ?? '');
    expect(details.some((d: string) => d.startsWith('no valid credit code'))).toBe(true);
    expect(details.some((d: string) => d.startsWith('callback without a matching login'))).toBe(true);
  });
});

describe('without OIDC settings', () => {
  it('says that the login through the identity service is not configured', async () => {
    const plain = await startEnterpriseServer();
    try {
      const reply = await fetch(`${plain.base}/api/enterprise/oidc/start`, { redirect: 'manual' });
      expect(reply.status).toBe(404);
      expect(((await reply.json()) as { error: string }).error).toContain('XIAOXIN_OIDC_');
    } finally {
      await plain.close();
    }
  });
});

/**
 * Logging in and out of the back office over real HTTP: the cookie's flags, the token kept only
 * as a hash, one answer for every refused login, the lock-out per account and client address, the
 * login rate limit, logout, CSRF on writes, and the back office staying outside the public API's
 * rate limit.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlStore } from '../../storage/index.js';
import { LOGIN_REFUSED } from './session.js';
import { AdminClient, loggedIn, PASSWORD, STAFF, startAdminServer, type AdminSetup } from './test-support.js';

let setup: AdminSetup;
beforeAll(async () => {
  setup = await startAdminServer({ rateLimit: 3 });
}, 120_000);
afterAll(async () => setup?.close());

const cookieOf = (reply: { headers: Headers }) => reply.headers.get('set-cookie') ?? '';

describe('POST /api/admin/login', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie for 8 hours and returns the user and CSRF token', async () => {
    const client = new AdminClient(setup.base);
    const reply = await client.login(STAFF.editor);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      user: { name: 'li.editor', role: 'editor', permissions: ['knowledge:read', 'knowledge:edit', 'insights:read', 'questions:log', 'enterprises:read', 'enterprises:manage', 'directory:manage', 'rules:edit'] },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
    });
    const cookie = cookieOf(reply);
    expect(cookie).toMatch(/^xiaoxin_admin=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain('Max-Age=28800');
    // Plain HTTP, and not configured otherwise.
    expect(cookie).not.toContain('Secure');
    // Only the token's hash is stored.
    const token = client.cookie!.split('=')[1]!;
    const rows = await (setup.store as SqlStore).db.query<{ token_hash: string }>('SELECT token_hash FROM login_sessions WHERE user_name = $1', ['li.editor']);
    expect(rows.map((r) => r.token_hash)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
    const me = await client.get('/api/admin/me');
    expect(me.body.user.name).toBe('li.editor');
    expect(me.headers.get('cache-control')).toBe('no-store');
  });

  it('answers an unknown name, a disabled account, a wrong password and a locked-out attempt alike', async () => {
    const admin = await loggedIn(setup.base, STAFF.admin);
    await admin.post('/api/admin/accounts', { name: 'gone.staff', role: 'window', password: 'xinghe-zone-2027' });
    await admin.patch('/api/admin/accounts/gone.staff', { disabled: true });
    for (let i = 0; i < 5; i++) await new AdminClient(setup.base).login(STAFF.window, 'wrong-password-1');
    const replies = [
      await new AdminClient(setup.base).login('nobody-here', PASSWORD),
      await new AdminClient(setup.base).login('gone.staff', 'xinghe-zone-2027'),
      await new AdminClient(setup.base).login(STAFF.reviewer, 'not-the-password'),
      // Locked out: refused even with the right password, and not told so.
      await new AdminClient(setup.base).login(STAFF.window, PASSWORD),
    ];
    for (const reply of replies) {
      expect({ status: reply.status, body: reply.body }).toEqual({ status: 401, body: { error: LOGIN_REFUSED } });
      expect(cookieOf(reply)).toBe('');
    }
    // Staff see the real reasons.
    const audit = async (actor: string) => (await setup.store.audit.query({ actor }))[0]!;
    expect(await audit('nobody-here')).toMatchObject({ action: 'login.failed', detail: expect.stringMatching(/^no such account/) });
    expect(await audit('gone.staff')).toMatchObject({ action: 'login.failed', detail: expect.stringMatching(/^account disabled/) });
    expect(await audit(STAFF.window)).toMatchObject({ action: 'login.locked', detail: expect.stringMatching(/^address locked out of this account/) });
  });

  it('locks out the stranger who sent 10 wrong passwords at once, not the real user at another address', async () => {
    const proxied = await startAdminServer({ trustProxy: 1 });
    try {
      const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
      const login = (address: string, password: string) =>
        new AdminClient(proxied.base).request('POST', '/api/admin/login', { name: STAFF.admin, password }, from(address));
      const attack = await Promise.all(Array.from({ length: 10 }, () => login('203.0.113.7', 'wrong-password-1')));
      expect(attack.map((r) => r.status)).toEqual(Array(10).fill(401));
      expect(await proxied.store.audit.query({ action: 'login.failed', actor: STAFF.admin })).toHaveLength(10);
      expect((await login('203.0.113.7', PASSWORD)).body).toEqual({ error: LOGIN_REFUSED });
      const real = await login('198.51.100.20', PASSWORD);
      expect(real.status).toBe(200);
      expect(real.body.user.name).toBe(STAFF.admin);
    } finally {
      await proxied.close();
    }
  });

  it('names the missing field', async () => {
    const reply = await new AdminClient(setup.base).request('POST', '/api/admin/login', { name: 'boss' });
    expect(reply).toMatchObject({ status: 400, body: { error: 'password: is required' } });
  });
});

describe('POST /api/admin/logout', () => {
  it('ends the session: the same cookie no longer works, and the cookie is cleared', async () => {
    const client = await loggedIn(setup.base, STAFF.reviewer);
    const cookie = client.cookie;
    expect((await client.get('/api/admin/me')).status).toBe(200);
    const out = await client.post('/api/admin/logout');
    expect(out).toMatchObject({ status: 200, body: { ok: true } });
    expect(cookieOf(out)).toMatch(/^xiaoxin_admin=;.*Expires=Thu, 01 Jan 1970/);
    client.cookie = cookie;
    expect((await client.get('/api/admin/me')).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a write without the token or with a wrong one (403), and nothing changes', async () => {
    const client = await loggedIn(setup.base, STAFF.editor);
    const draft = { item: { kind: 'faq', id: 'faq-hours', title: '政务服务中心几点上班？', answer: '八点半。' } };
    const versionsBefore = (await setup.store.versions.history('faq-hours')).length;
    const missing = await client.request('PUT', '/api/admin/items/faq-hours/draft', draft, { csrf: false });
    const wrong = await client.request('PUT', '/api/admin/items/faq-hours/draft', draft, { csrf: 'x'.repeat(43) });
    for (const reply of [missing, wrong]) expect(reply).toMatchObject({ status: 403, body: { error: expect.stringMatching(/^x-csrf-token: missing or wrong/) } });
    expect((await setup.store.versions.history('faq-hours')).length).toBe(versionsBefore);
    // Another session's token is a wrong token too.
    const other = await loggedIn(setup.base, STAFF.admin);
    expect((await client.request('PUT', '/api/admin/items/faq-hours/draft', draft, { csrf: other.csrfToken! })).status).toBe(403);
    // Reads need no token; the right token lets the write through.
    expect((await client.get('/api/admin/items/faq-hours')).status).toBe(200);
    expect((await client.put('/api/admin/items/faq-hours/draft', draft)).status).toBe(200);
  });

  it('is checked for logout too', async () => {
    const client = await loggedIn(setup.base, STAFF.editor);
    expect((await client.request('POST', '/api/admin/logout', {}, { csrf: false })).status).toBe(403);
    expect((await client.get('/api/admin/me')).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('keeps the back office out of the public API limit', async () => {
    const client = await loggedIn(setup.base, STAFF.admin);
    for (let i = 0; i < 6; i++) {
      const reply = await client.get('/api/admin/items');
      expect(reply.status).toBe(200);
      expect(reply.headers.get('x-ratelimit-limit')).toBeNull();
    }
    const publicStatuses: number[] = [];
    for (let i = 0; i < 4; i++) publicStatuses.push((await fetch(`${setup.base}/api/config`)).status);
    expect(publicStatuses).toEqual([200, 200, 200, 429]);
  });

  it('limits login attempts per client address', async () => {
    const limited = await startAdminServer({ adminLoginRateLimit: 3 });
    try {
      const inside = await loggedIn(limited.base, STAFF.admin);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await new AdminClient(limited.base).login(STAFF.editor, 'wrong-password-2')).status);
      expect(statuses).toEqual([401, 401, 429]);
      const refused = await new AdminClient(limited.base).login(STAFF.editor);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.body.error).toMatch(/too many requests/);
      // Only login is limited: the same address keeps using the session it has.
      for (let i = 0; i < 5; i++) expect((await inside.get('/api/admin/items')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('Secure cookies', () => {
  it('marks the cookie Secure when configured, or when a trusted proxy says the request was HTTPS', async () => {
    const configured = await startAdminServer({ secureCookies: true });
    const proxied = await startAdminServer({ trustProxy: 1 });
    try {
      expect(cookieOf(await new AdminClient(configured.base).login(STAFF.admin))).toContain('Secure');
      const viaProxy = await new AdminClient(proxied.base).request('POST', '/api/admin/login', { name: STAFF.admin, password: PASSWORD }, { headers: { 'x-forwarded-proto': 'https' } });
      expect(cookieOf(viaProxy)).toContain('Secure');
    } finally {
      await configured.close();
      await proxied.close();
    }
  });
});

describe('sessions', () => {
  it('follow the account: a changed role counts at once, a disabled account is logged out', async () => {
    const admin = await loggedIn(setup.base, STAFF.admin);
    const created = await admin.post('/api/admin/accounts', { name: 'temp.staff', role: 'window', password: 'xinghe-zone-2027' });
    expect(created.status).toBe(201);
    const temp = new AdminClient(setup.base);
    await temp.login('temp.staff', 'xinghe-zone-2027');
    expect((await temp.get('/api/admin/insights')).status).toBe(403);
    await admin.patch('/api/admin/accounts/temp.staff', { role: 'reviewer' });
    expect((await temp.get('/api/admin/insights')).status).toBe(200);
    await admin.patch('/api/admin/accounts/temp.staff', { disabled: true });
    expect((await temp.get('/api/admin/me')).status).toBe(401);
    expect((await temp.login('temp.staff', 'xinghe-zone-2027')).status).toBe(401);
  });
});

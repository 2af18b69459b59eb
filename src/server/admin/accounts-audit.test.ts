/**
 * Accounts and the audit log through the back office over real HTTP: creating and changing
 * accounts with the field named on bad input (weak passwords too), ending lock-outs, an
 * administrator unable to demote or disable themself, and the audit log filtered by actor,
 * action, target and day, paged backwards. Also hit testing: the ranked candidates with the
 * words they matched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../upkeep/calendar.js';
import { AdminClient, loggedIn, STAFF, startAdminServer, type AdminSetup } from './test-support.js';

let setup: AdminSetup;
let admin: AdminClient;

beforeAll(async () => {
  setup = await startAdminServer();
  admin = await loggedIn(setup.base, STAFF.admin);
}, 120_000);
afterAll(async () => setup?.close());

describe('accounts', () => {
  it('lists the accounts without their password hashes', async () => {
    const { body } = await admin.get('/api/admin/accounts');
    expect(body.map((a: { name: string }) => a.name)).toEqual(['boss', 'li.editor', 'wang.reviewer', 'zhao.window']);
    expect(body[0]).toEqual({ name: 'boss', role: 'admin', disabled: false, createdAt: expect.any(String), permissions: expect.arrayContaining(['accounts:manage']) });
    expect(JSON.stringify(body)).not.toMatch(/argon2|passwordHash/);
  });

  it('creates an account, naming the field of bad input, and refuses a taken name', async () => {
    const created = await admin.post('/api/admin/accounts', { name: 'Chen.Jing', role: 'editor', password: 'xinghe-zone-2027', displayName: '陈静' });
    expect(created).toMatchObject({ status: 201, body: { name: 'chen.jing', role: 'editor', displayName: '陈静', disabled: false } });
    expect(await new AdminClient(setup.base).login('chen.jing', 'xinghe-zone-2027')).toMatchObject({ status: 200 });
    expect((await admin.post('/api/admin/accounts', { name: 'chen.jing', role: 'window', password: 'xinghe-zone-2027' })).status).toBe(409);
    expect((await admin.post('/api/admin/accounts', { name: 'sun', role: 'editor', password: 'short' })).body).toEqual({ error: 'password: must be at least 10 characters' });
    for (const weak of ['password123', 'admin12345', 'sunlisunlisunli']) {
      const refused = await admin.post('/api/admin/accounts', { name: 'sun.li', role: 'editor', password: weak });
      expect(refused).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^password: too easy to guess \(.+\)/) } });
    }
    expect((await admin.patch('/api/admin/accounts/chen.jing', { password: 'chenjing2024' })).body.error).toMatch(/^password: too easy to guess/);
    expect((await admin.post('/api/admin/accounts', { name: 'sun', role: 'root', password: 'xinghe-zone-2027' })).body).toEqual({ error: 'role: must be one of admin, editor, reviewer, window' });
    expect((await admin.post('/api/admin/accounts', { name: 'x', role: 'editor', password: 'xinghe-zone-2027' })).body.error).toMatch(/^name:/);
  });

  it('changes role, name and password; a new password ends the sessions', async () => {
    const chen = new AdminClient(setup.base);
    await chen.login('chen.jing', 'xinghe-zone-2027');
    const patched = await admin.patch('/api/admin/accounts/chen.jing', { role: 'reviewer', displayName: '陈静（审核）' });
    expect(patched.body).toMatchObject({ name: 'chen.jing', role: 'reviewer', displayName: '陈静（审核）' });
    expect((await chen.get('/api/admin/me')).body.user.role).toBe('reviewer');
    expect((await admin.patch('/api/admin/accounts/chen.jing', { password: 'new-password-2028' })).status).toBe(200);
    expect((await chen.get('/api/admin/me')).status).toBe(401);
    expect((await new AdminClient(setup.base).login('chen.jing', 'new-password-2028')).status).toBe(200);
    expect((await admin.patch('/api/admin/accounts/nobody', { disabled: true })).status).toBe(404);
  });

  it('ends the lock-outs of an account, audited', async () => {
    for (let i = 0; i < 5; i++) await new AdminClient(setup.base).login(STAFF.reviewer, 'wrong-password-3');
    expect((await new AdminClient(setup.base).login(STAFF.reviewer)).status).toBe(401);
    const listed = (await admin.get('/api/admin/accounts')).body.find((a: { name: string }) => a.name === STAFF.reviewer);
    expect(listed.lockedUntil).toEqual(expect.any(String));
    const unlocked = await admin.post(`/api/admin/accounts/${STAFF.reviewer}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.lockedUntil).toBeUndefined();
    expect((await new AdminClient(setup.base).login(STAFF.reviewer)).status).toBe(200);
    expect((await setup.store.audit.query({ action: 'account.unlock' }))[0]).toMatchObject({ actor: 'boss', target: STAFF.reviewer, detail: expect.stringMatching(/^was locked out until/) });
    expect((await admin.post('/api/admin/accounts/nobody/unlock')).status).toBe(404);
  });

  it('does not let an administrator demote or disable themself', async () => {
    for (const patch of [{ role: 'editor' }, { disabled: true }]) {
      const reply = await admin.patch('/api/admin/accounts/boss', patch);
      expect(reply).toMatchObject({ status: 400, body: { error: expect.stringMatching(/cannot disable or demote their own account/) } });
    }
    expect((await setup.store.accounts.get('boss'))).toMatchObject({ role: 'admin', disabled: false });
    // Another administrator may.
    await admin.post('/api/admin/accounts', { name: 'deputy', role: 'admin', password: 'xinghe-zone-2027' });
    expect((await admin.patch('/api/admin/accounts/deputy', { role: 'editor' })).body.role).toBe('editor');
  });
});

describe('the audit log', () => {
  it('filters by actor, action (exact or prefix), target and day', async () => {
    const byActor = (await admin.get('/api/admin/audit?actor=boss')).body.entries;
    expect(byActor.length).toBeGreaterThan(0);
    expect(new Set(byActor.map((e: { actor: string }) => e.actor))).toEqual(new Set(['boss']));

    const updates = (await admin.get('/api/admin/audit?action=account.update&target=chen.jing')).body.entries;
    expect(updates.map((e: { detail?: string; after: { role: string } }) => [e.after.role, e.detail ?? ''])).toEqual([
      ['reviewer', 'password changed'],
      ['reviewer', ''],
    ]);
    expect(updates[1].before).toMatchObject({ role: 'editor' });
    const accountActions = (await admin.get('/api/admin/audit?action=account.')).body.entries.map((e: { action: string }) => e.action);
    expect(new Set(accountActions)).toEqual(new Set(['account.create', 'account.update', 'account.unlock']));

    const today = dayIn('Asia/Shanghai');
    const all = (await admin.get('/api/admin/audit')).body.entries;
    expect((await admin.get(`/api/admin/audit?from=${today}&to=${today}`)).body.entries).toEqual(all);
    expect((await admin.get(`/api/admin/audit?from=${addDays(today, 1)}`)).body.entries).toEqual([]);
    expect((await admin.get(`/api/admin/audit?to=${addDays(today, -1)}`)).body.entries).toEqual([]);
    expect((await admin.get('/api/admin/audit?from=2026-13-01')).status).toBe(400);
  });

  it('pages backwards with nextBeforeId', async () => {
    const all = (await admin.get('/api/admin/audit')).body.entries.map((e: { id: number }) => e.id);
    const first = (await admin.get('/api/admin/audit?limit=3')).body;
    expect(first.entries.map((e: { id: number }) => e.id)).toEqual(all.slice(0, 3));
    const second = (await admin.get(`/api/admin/audit?limit=3&beforeId=${first.nextBeforeId}`)).body;
    expect(second.entries.map((e: { id: number }) => e.id)).toEqual(all.slice(3, 6));
    expect((await admin.get('/api/admin/audit?limit=1000')).body.nextBeforeId).toBeUndefined();
  });
});

describe('hit testing', () => {
  it('returns the ranked candidates with the words they matched and the answer', async () => {
    const clerk = await loggedIn(setup.base, STAFF.window);
    const { body } = await clerk.get(`/api/admin/hit-test?q=${encodeURIComponent('企业设立登记要带什么材料')}`);
    expect(body.question).toBe('企业设立登记要带什么材料');
    expect(body.words.map((w: { term: string }) => w.term)).toEqual(expect.arrayContaining(['企业', '设立', '登记']));
    const [top] = body.candidates;
    expect(top).toMatchObject({ rank: 1, id: 'guide-license', kind: 'guide', current: true });
    expect(top.matchedWords).toEqual(expect.arrayContaining(['设立', '登记']));
    expect(top.score).toBeGreaterThan(0);
    expect(body.answer).toMatchObject({ type: 'guide-field', field: 'materials', citations: [expect.objectContaining({ id: 'guide-license' })] });
    // Trying questions out does not count in the insights.
    expect((await setup.store.listQuestions({ limit: 10, offset: 0 })).total).toBe(0);
    expect((await clerk.get('/api/admin/hit-test')).body).toEqual({ error: 'q: is required' });
  });
});

/**
 * @module server/directory/directory.test
 * The directory over real HTTP: staff write with `directory:manage` (window staff may only read),
 * every write audited; an enterprise submits a market post and can never approve it — staff do;
 * the public sees published, unexpired entries, searched and filtered; errors in Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_ENTRIES } from '../../directory/fixtures.js';
import { AdminClient, STAFF } from '../admin/test-support.js';
import { CODE_A, CODE_B, registeredEnterprise, startEnterpriseServer, TODAY, type EnterpriseSetup } from '../enterprise/test-support.js';

let setup: EnterpriseSetup;
let editor: AdminClient;
let window: AdminClient;
let reviewer: AdminClient;

beforeAll(async () => {
  setup = await startEnterpriseServer();
  editor = new AdminClient(setup.base);
  window = new AdminClient(setup.base);
  reviewer = new AdminClient(setup.base);
  await editor.login(STAFF.editor);
  await window.login(STAFF.window);
  await reviewer.login(STAFF.reviewer);
  for (const entry of SAMPLE_ENTRIES) {
    const reply = await editor.post('/api/admin/directory', entry);
    if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
  }
}, 120_000);
afterAll(async () => setup?.close());

const get = async (path: string) => {
  const reply = await fetch(setup.base + path);
  return { status: reply.status, body: (await reply.json()) as any };
};

describe('staff', () => {
  it('needs directory:manage to write; window staff read only; every write is audited', async () => {
    const space = { kind: 'space', name: '测试厂房', type: '厂房', building: 'T1', areaM2: 100, vacant: true };
    expect((await window.post('/api/admin/directory', space)).status).toBe(403);
    expect((await window.get('/api/admin/directory?kind=space')).body.entries.length).toBe(4);
    const created = await editor.post('/api/admin/directory', space);
    expect(created.status).toBe(201);
    expect(created.body.entry.id).toMatch(/^space-[0-9a-f]{12}$/);
    const id = created.body.entry.id;
    expect((await editor.request('PUT', `/api/admin/directory/${id}`, { ...space, areaM2: 120 })).body.version).toBe(2);
    expect((await editor.post(`/api/admin/directory/${id}/archive`)).body.status).toBe('archived');
    const read = await window.get(`/api/admin/directory/${id}`);
    expect(read.body.versions.map((v: any) => [v.change, v.changedBy])).toEqual([
      ['archived', STAFF.editor],
      ['edited', STAFF.editor],
      ['created', STAFF.editor],
    ]);
    const audit = await setup.store.audit.query({ target: id });
    expect(audit.map((a) => a.action).sort()).toEqual(['directory.archive', 'directory.create', 'directory.edit']);
  });

  it('answers a bad entry with every field named in Chinese', async () => {
    const reply = await editor.post('/api/admin/directory', { kind: 'space', name: '', type: '厂房', building: 'T1', areaM2: -5, rentYuanM2Month: '二十', vacant: true });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([
      { field: 'name', label: '名称', message: '不能为空' },
      { field: 'areaM2', label: '面积（m²）', message: '应大于0' },
      { field: 'rentYuanM2Month', label: '租金（元/m²/月）', message: '应为数字' },
    ]);
    expect((await editor.post('/api/admin/directory', SAMPLE_ENTRIES[0])).status).toBe(409);
    expect((await editor.get('/api/admin/directory?kind=nope')).body.error).toMatch(/^kind（类别）：应为以下之一/);
  });
});

describe('market posts', () => {
  it('are submitted by an enterprise, pending, and approved by staff only — never by the enterprise', async () => {
    const admin = new AdminClient(setup.base);
    await admin.login(STAFF.admin);
    const { client } = await registeredEnterprise(setup.base, admin, CODE_A, '星河甲科技有限公司');
    const post = await client.post('/api/enterprise/directory/posts', { name: '供应精密钣金加工', type: '供应', direction: 'supply', expiresOn: '2027-01-31' });
    expect(post.status).toBe(201);
    expect(post.body).toMatchObject({ status: 'pending', entry: { kind: 'market', enterpriseName: '星河甲科技有限公司' } });
    const id = post.body.entry.id as string;
    // Not public yet.
    expect((await get(`/api/directory/${id}`)).status).toBe(404);
    // The enterprise's session opens nothing in the back office, and the portal has no approve route.
    expect((await client.post(`/api/admin/directory/${id}/approve`)).status).toBe(401);
    expect((await client.post(`/api/enterprise/directory/posts/${id}/approve`)).status).toBe(404);
    expect((await window.post(`/api/admin/directory/${id}/approve`)).status).toBe(403);
    const approved = await reviewer.post(`/api/admin/directory/${id}/approve`);
    expect(approved.body).toMatchObject({ status: 'published' });
    expect((await get(`/api/directory/${id}`)).body.name).toBe('供应精密钣金加工');
    expect((await client.get('/api/enterprise/directory/posts')).body.posts.map((p: any) => p.status)).toEqual(['published']);
  });

  it('refuses a post without a session, with a past date, and shows another enterprise none of them', async () => {
    expect((await new AdminClient(setup.base).post('/api/enterprise/directory/posts', {})).status).toBe(401);
    const admin = new AdminClient(setup.base);
    await admin.login(STAFF.admin);
    const { client } = await registeredEnterprise(setup.base, admin, CODE_B, '星河乙科技有限公司', 'li.si');
    const past = await client.post('/api/enterprise/directory/posts', { name: '求购', type: '需求', direction: 'demand', expiresOn: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([{ field: 'expiresOn', label: '有效期至', message: `不能早于今天（${TODAY}）` }]);
    expect((await client.get('/api/enterprise/directory/posts')).body.posts).toEqual([]);
  });
});

describe('public search', () => {
  it('filters space by area, rent and load, vacant only', async () => {
    const found = await get('/api/directory?kind=space&areaMin=400&rentMax=25&loadMin=8&vacant=true');
    expect(found.body.entries.map((c: any) => c.id).sort()).toEqual(['space-a1', 'space-a3']);
    expect(found.body.entries[0].facts.find((f: any) => f.label === '面积').value).toMatch(/m²$/);
  });

  it('searches free text with the Chinese analyzer, and filters by type', async () => {
    const patents = await get(`/api/directory?q=${encodeURIComponent('专利申请')}`);
    expect(patents.body.entries[0].id).toBe('svc-ip-1');
    expect((await get(`/api/directory?kind=fund&type=${encodeURIComponent('担保')}`)).body.entries.map((c: any) => c.id)).toEqual(['fund-guarantee']);
  });

  it('says a bad filter in Chinese, naming it', async () => {
    const bad = await get('/api/directory?areaMin=-1');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('areaMin（最小面积（m²））：不能小于0');
  });
});

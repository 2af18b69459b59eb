/**
 * Versions through the back office over real HTTP: every save is a version, a readable diff,
 * submit, publish, reject and rollback in their order (409 otherwise) — and the publish
 * workflow as the public sees it: a draft or a version in review is never answered by
 * POST /api/chat; once published, the change is answered within seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, pollChat, STAFF, startAdminServer, type AdminClient, type AdminSetup } from './test-support.js';

const QUESTION = '政务服务中心停车收费吗';
const OLD_ANSWER = '政务服务中心地下停车场对办事群众免费开放。';
const NEW_ANSWER = '前两小时免费，超过两小时每小时收费5元。';
const parking = (answer: string) => ({ kind: 'faq', id: 'faq-parking', title: '政务服务中心停车收费吗？', answer, category: '综合服务' });

let setup: AdminSetup;
let editor: AdminClient;
let reviewer: AdminClient;

beforeAll(async () => {
  setup = await startAdminServer();
  editor = await loggedIn(setup.base, STAFF.editor);
  reviewer = await loggedIn(setup.base, STAFF.reviewer);
}, 120_000);
afterAll(async () => setup?.close());

const chatText = async () => (await pollChat(setup.base, QUESTION, () => true, 0)).text as string;
/** What the chat API answers after the refresher has had several turns. */
async function settledChatText(): Promise<string> {
  await new Promise((r) => setTimeout(r, 1000));
  return chatText();
}

describe('drafts, review and publishing', () => {
  it('keeps every save as a version and shows a readable diff, without changing the answers', async () => {
    expect(await chatText()).toContain(OLD_ANSWER);
    const first = await editor.put('/api/admin/items/faq-parking/draft', { item: parking('前一小时免费。'), note: '第一稿' });
    expect(first).toMatchObject({ status: 200, body: { itemId: 'faq-parking', version: 2, status: 'draft', author: 'li.editor', note: '第一稿' } });
    const second = await editor.put('/api/admin/items/faq-parking/draft', { item: parking(NEW_ANSWER), note: '第二稿' });
    expect(second.body).toMatchObject({ version: 3, status: 'draft' });

    const item = await editor.get('/api/admin/items/faq-parking');
    expect(item.body.published.answer).toBe(OLD_ANSWER);
    expect(item.body.current).toBe(true);
    expect(item.body.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [3, 'draft'],
      [2, 'superseded'],
      [1, 'published'],
    ]);
    expect((await editor.get('/api/admin/items/faq-parking/versions/3')).body).toMatchObject({ version: 3, item: { answer: NEW_ANSWER } });

    const diff = await editor.get('/api/admin/items/faq-parking/versions/3/diff?against=1');
    expect(diff.body).toMatchObject({ itemId: 'faq-parking', version: 3, against: 1 });
    expect(diff.body.changes).toHaveLength(1);
    const [change] = diff.body.changes;
    expect(change).toMatchObject({ field: 'answer', label: '答案', before: OLD_ANSWER, after: NEW_ANSWER });
    const removed = change.pieces.filter((p: { removed?: boolean }) => p.removed).map((p: { value: string }) => p.value).join('');
    const added = change.pieces.filter((p: { added?: boolean }) => p.added).map((p: { value: string }) => p.value).join('');
    expect(removed.length).toBeGreaterThan(0);
    expect(added).toContain('两小时');
    // Against the previous version by default.
    expect((await editor.get('/api/admin/items/faq-parking/versions/3/diff')).body.against).toBe(2);

    // Publishing a draft that was not submitted is a step its state does not allow.
    const early = await reviewer.post('/api/admin/items/faq-parking/versions/3/publish', {});
    expect(early).toMatchObject({ status: 409, body: { error: expect.stringMatching(/it is draft, not in_review/) } });
    expect(await settledChatText()).toContain(OLD_ANSWER);
  });

  it('answers a version in review only once it is published, within seconds', async () => {
    expect((await editor.post('/api/admin/items/faq-parking/versions/3/submit')).body).toMatchObject({ status: 'in_review' });
    expect((await editor.get('/api/admin/review-queue')).body.pending).toEqual([
      expect.objectContaining({ itemId: 'faq-parking', version: 3, status: 'in_review', title: '政务服务中心停车收费吗？', kind: 'faq' }),
    ]);
    expect(await settledChatText()).toContain(OLD_ANSWER);

    expect((await editor.post('/api/admin/items/faq-parking/versions/3/publish', {})).status).toBe(403);
    const published = await reviewer.post('/api/admin/items/faq-parking/versions/3/publish', { note: '同意' });
    expect(published.body).toMatchObject({ status: 'published', reviewedBy: 'wang.reviewer', reviewNote: '同意' });
    const started = Date.now();
    const answer = await pollChat(setup.base, QUESTION, (a) => a.text.includes(NEW_ANSWER));
    expect(answer.text).toContain(NEW_ANSWER);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await editor.get('/api/admin/review-queue')).body.pending).toEqual([]);
  });

  it('rolls back to an earlier version as a new published version', async () => {
    const rolled = await reviewer.post('/api/admin/items/faq-parking/versions/1/rollback');
    expect(rolled.body).toMatchObject({ itemId: 'faq-parking', version: 4, status: 'published', reviewedBy: 'wang.reviewer' });
    expect((await pollChat(setup.base, QUESTION, (a) => a.text.includes(OLD_ANSWER))).text).toContain(OLD_ANSWER);
    // What is published already cannot be rolled back to.
    expect((await reviewer.post('/api/admin/items/faq-parking/versions/4/rollback')).status).toBe(409);
    expect((await reviewer.post('/api/admin/items/faq-parking/versions/9/rollback')).status).toBe(404);
  });

  it('keeps a rejected version out, with the reason', async () => {
    await editor.put('/api/admin/items/faq-parking/draft', { item: parking('停车每小时10元。') });
    const v = (await editor.get('/api/admin/items/faq-parking')).body.versions[0].version;
    await editor.post(`/api/admin/items/faq-parking/versions/${v}/submit`);
    expect((await reviewer.post(`/api/admin/items/faq-parking/versions/${v}/reject`, {})).body).toEqual({ error: 'reason: is required' });
    const rejected = await reviewer.post(`/api/admin/items/faq-parking/versions/${v}/reject`, { reason: '收费标准未经物价部门核准' });
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewNote: '收费标准未经物价部门核准' });
    expect((await reviewer.post(`/api/admin/items/faq-parking/versions/${v}/publish`, {})).status).toBe(409);
    expect(await settledChatText()).toContain(OLD_ANSWER);
  });

  it('creates a new item as a draft that is answered only after review', async () => {
    const drone = { kind: 'faq', id: 'faq-drone', title: '在高新区飞无人机需要报备吗？', answer: '飞行无人机须提前1个工作日通过“星河政务”小程序报备飞行计划。', category: '综合服务' };
    const created = await editor.post('/api/admin/items', { item: drone, note: '新增' });
    expect(created).toMatchObject({ status: 201, body: { itemId: 'faq-drone', version: 1, status: 'draft' } });
    expect((await editor.post('/api/admin/items', { item: drone })).status).toBe(409);
    const listed = await editor.get('/api/admin/items?status=draft-only');
    expect(listed.body.items).toEqual([expect.objectContaining({ id: 'faq-drone', status: 'draft-only', current: false, openVersion: { version: 1, status: 'draft' } })]);
    const ask = '飞无人机要报备吗';
    expect((await pollChat(setup.base, ask, () => true, 0)).citations.map((c: { id: string }) => c.id)).not.toContain('faq-drone');
    await editor.post('/api/admin/items/faq-drone/versions/1/submit');
    await reviewer.post('/api/admin/items/faq-drone/versions/1/publish', {});
    expect((await pollChat(setup.base, ask, (a) => a.citations[0]?.id === 'faq-drone')).citations[0].id).toBe('faq-drone');
  });

  it('withdraws an item from the answers and lists it as withdrawn', async () => {
    expect((await reviewer.delete('/api/admin/items/faq-drone', { reason: '规定已取消' })).body).toEqual({ ok: true });
    expect((await reviewer.delete('/api/admin/items/faq-drone')).status).toBe(404);
    expect((await editor.get('/api/admin/items?status=withdrawn')).body.items.map((i: { id: string }) => i.id)).toEqual(['faq-drone']);
    const answer = await pollChat(setup.base, '飞无人机要报备吗', (a) => !a.citations.some((c: { id: string }) => c.id === 'faq-drone'));
    expect(answer.citations.map((c: { id: string }) => c.id)).not.toContain('faq-drone');
  });

  it('takes an item far larger than a public request may be (a long policy)', async () => {
    const text = '第一条 为支持企业发展，制定本办法。'.repeat(8000);
    const created = await editor.post('/api/admin/items', { item: { kind: 'policy', id: 'policy-long', title: '很长的政策', text } });
    expect(created.status).toBe(201);
    expect((await editor.get('/api/admin/items/policy-long/versions/1')).body.item.text).toHaveLength(text.length);
  });

  it('names the field of a bad item, and the id the path gives', async () => {
    const bad = await editor.put('/api/admin/items/faq-hours/draft', { item: { kind: 'faq', title: '', answer: '九点。' } });
    expect(bad).toMatchObject({ status: 400, body: { error: 'item.title: must not be empty' } });
    const other = await editor.put('/api/admin/items/faq-hours/draft', { item: { kind: 'faq', id: 'faq-parking', title: '几点？', answer: '九点。' } });
    expect(other.body.error).toMatch(/^item\.id: must be "faq-hours"/);
    expect((await editor.put('/api/admin/items/nothing-here/draft', { item: { kind: 'faq', title: '?', answer: '!' } })).status).toBe(404);
    expect((await editor.get('/api/admin/items/nothing-here')).status).toBe(404);
    expect((await editor.get('/api/admin/items/faq-hours/versions/7')).status).toBe(404);
  });

  it('refuses text the database cannot store with 400, naming the field and position', async () => {
    const nul = await editor.put('/api/admin/items/faq-hours/draft', { item: { kind: 'faq', title: '几点上班？', answer: '周一至周五\u0000九点。' } });
    expect(nul).toMatchObject({ status: 400, body: { error: 'item.answer: contains a NUL character (U+0000) at position 6' } });
    const nested = await editor.post('/api/admin/items', {
      item: { kind: 'guide', id: 'guide-nul', title: '办事指南', materials: [{ name: '身份证', notes: '复印件\ud800' }] },
    });
    expect(nested).toMatchObject({ status: 400, body: { error: 'item.materials[0].notes: contains a broken character (a lone UTF-16 surrogate, U+D800) at position 4' } });
    expect((await editor.get('/api/admin/items/guide-nul')).status).toBe(404);
  });
});

describe('four eyes', () => {
  it('refuses to let the author publish or roll back to their own version, with 403; another reviewer may', async () => {
    const boss = await loggedIn(setup.base, STAFF.admin);
    expect((await editor.get('/api/admin/publish-rule')).body).toEqual({ allowSelfPublish: false });
    const saved = await boss.put('/api/admin/items/faq-hours/draft', { item: { kind: 'faq', title: '政务服务中心几点上班？', answer: '周一至周五上午8:30至下午5:30。', category: '综合服务' } });
    const v = saved.body.version;
    await boss.post(`/api/admin/items/faq-hours/versions/${v}/submit`);
    const own = await boss.post(`/api/admin/items/faq-hours/versions/${v}/publish`, {});
    expect(own).toMatchObject({ status: 403, body: { error: `cannot publish version ${v} of "faq-hours": boss wrote it, and another reviewer must publish it (four eyes)` } });
    expect((await boss.post(`/api/admin/items/faq-hours/versions/${v}/rollback`)).status).toBe(403);
    expect((await reviewer.post(`/api/admin/items/faq-hours/versions/${v}/publish`, {})).body).toMatchObject({ status: 'published', reviewedBy: 'wang.reviewer' });
    // Rolling back to content someone else wrote (the import) is fine.
    expect((await boss.post('/api/admin/items/faq-hours/versions/1/rollback')).status).toBe(200);
  });
});

/**
 * Insights over real HTTP: questions asked through the chat API and logged at the counter are
 * classified and counted; failed questions are grouped by similarity; a group becomes an FAQ
 * draft, which once published answers the question through the chat API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayIn } from '../../upkeep/calendar.js';
import { postJson } from '../test-support.js';
import { loggedIn, pollChat, STAFF, startAdminServer, type AdminClient, type AdminSetup } from './test-support.js';

const ANSWERED = ['政务服务中心停车收费吗', '企业设立登记要带什么材料', '企业设立登记在哪里办'];
const DRONE = ['飞无人机需要报备吗', '在高新区飞无人机需要报备吗', '飞无人机要不要报备'];
const PET = ['养狗要办狗证吗'];

let setup: AdminSetup;
let editor: AdminClient;
let clerk: AdminClient;
let period: string;

beforeAll(async () => {
  setup = await startAdminServer();
  editor = await loggedIn(setup.base, STAFF.editor);
  clerk = await loggedIn(setup.base, STAFF.window);
  // The log is stamped with the real clock; ask for the day it is now in the zone.
  const today = dayIn('Asia/Shanghai');
  period = `from=${today}&to=${today}`;
  for (const message of [...ANSWERED, ...DRONE, DRONE[0]!, ...PET]) {
    const reply = await postJson(`${setup.base}/api/chat`, { message, channel: 'web' });
    expect(reply.status).toBe(200);
  }
}, 120_000);
afterAll(async () => setup?.close());

describe('questions logged at the counter', () => {
  it('are answered by the assistant and logged with channel window, the clerk and the theme', async () => {
    const reply = await clerk.post('/api/admin/questions', { question: '企业设立登记需要什么材料', category: '企业开办', note: '群众现场咨询，电话13912345678' });
    expect(reply.status).toBe(200);
    expect(reply.body.answer.citations[0].id).toBe('guide-license');
    const log = await editor.get(`/api/admin/questions?channel=window&${period}`);
    expect(log.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(log.body.questions[0]).toMatchObject({
      id: reply.body.id,
      channel: 'window',
      question: '企业设立登记需要什么材料',
      loggedBy: 'zhao.window',
      theme: '企业开办',
      questionKind: 'materials',
      note: '群众现场咨询，电话[手机号]',
      answerType: 'guide-field',
    });
    expect((await clerk.get('/api/admin/questions')).status).toBe(403);
  });
});

describe('GET /api/admin/insights', () => {
  it('counts every question with its channel, theme and kind', async () => {
    const { body } = await editor.get(`/api/admin/insights?${period}`);
    const asked = ANSWERED.length + DRONE.length + 1 + PET.length + 1;
    expect(body.totals.asked).toBe(asked);
    expect(body.daily).toHaveLength(1);
    expect(body.channels).toEqual([
      { value: 'web', count: asked - 1 },
      { value: 'window', count: 1 },
    ]);
    const themes = Object.fromEntries(body.themes.map((t: { value: string; count: number }) => [t.value, t.count]));
    expect(themes['企业开办']).toBe(3);
    expect(themes['综合服务']).toBe(1);
    const kinds = Object.fromEntries(body.kinds.map((k: { value: string; count: number }) => [k.value, k.count]));
    expect(kinds.materials).toBe(2);
    expect(kinds.where).toBe(1);
    expect(body.hotQuestions[0]).toMatchObject({ question: DRONE[0], count: 2 });
    expect(body.totals.answered).toBe(ANSWERED.length + 1);
  });

  it('says which date is wrong', async () => {
    expect((await editor.get('/api/admin/insights?from=2026-02-30')).body).toEqual({ error: 'from: must be a real date written YYYY-MM-DD' });
    expect((await editor.get('/api/admin/insights?from=2026-12-01&to=2026-11-01')).body).toEqual({ error: 'from: must not be after to' });
    expect((await editor.get('/api/admin/insights?to=23-11-2026')).body).toEqual({ error: 'to: must be a date written YYYY-MM-DD' });
  });
});

describe('clusters of failed questions', () => {
  it('groups similar questions together and different ones apart, largest first', async () => {
    const { body } = await editor.get(`/api/admin/insights/clusters?${period}`);
    const drone = body.clusters[0];
    expect(drone.total).toBe(4);
    expect(drone.representative).toBe(DRONE[0]);
    expect(drone.variants.map((v: { text: string }) => v.text).sort()).toEqual([...DRONE].sort());
    const pet = body.clusters.find((c: { representative: string }) => c.representative === PET[0]);
    expect(pet).toEqual({ representative: PET[0], total: 1, variants: [{ text: PET[0], count: 1 }] });
  });

  it('turns a cluster into an FAQ that, once published, answers the question', async () => {
    const made = await editor.post('/api/admin/insights/clusters/faq', {
      question: DRONE[0],
      similarQuestions: DRONE.slice(1),
      answer: '在高新区内飞行无人机，须提前1个工作日通过“星河政务”小程序报备飞行计划。',
      category: '综合服务',
    });
    expect(made).toMatchObject({ status: 201, body: { id: expect.stringMatching(/^faq-[0-9a-f]{12}$/), version: 1, status: 'in_review' } });
    const id = made.body.id as string;
    expect((await editor.get(`/api/admin/items/${id}/versions/1`)).body.item).toMatchObject({ kind: 'faq', title: DRONE[0], similarQuestions: DRONE.slice(1) });
    // In review: not answered yet.
    expect((await pollChat(setup.base, DRONE[2]!, () => true, 0)).citations.map((c: { id: string }) => c.id)).not.toContain(id);
    const reviewer = await loggedIn(setup.base, STAFF.reviewer);
    expect((await reviewer.post(`/api/admin/items/${id}/versions/1/publish`, {})).status).toBe(200);
    const answer = await pollChat(setup.base, DRONE[2]!, (a) => a.citations[0]?.id === id);
    expect(answer).toMatchObject({ type: 'faq', citations: [expect.objectContaining({ id })] });
    // The same question again gets an id of its own rather than editing that FAQ.
    const again = await editor.post('/api/admin/insights/clusters/faq', { question: DRONE[0], answer: '另一个答案。' });
    expect(again.body.id).toBe(`${id}-2`);
  });
});

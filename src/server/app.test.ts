/**
 * Tests of the HTTP server over real HTTP (`listen` on a free port, then `fetch`), with the real
 * assistant over a small in-memory store: answers, sessions, and every kind of bad request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../answering/index.js';
import { itemSchema } from '../knowledge/index.js';
import { openStore, type Store } from '../storage/index.js';
import { buildServer, MAX_MESSAGE_CHARS } from './app.js';
import { getJson, NO_WEB_APP, postJson, startServer, type Running } from './test-support.js';

let store: Store;
let server: Running;
let base: string;

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  await store.upsertItems([
    itemSchema.parse({
      kind: 'faq',
      id: 'faq-parking',
      title: '政务服务中心停车收费吗？',
      answer: '政务服务中心地下停车场对办事群众免费开放，限停两小时。',
    }),
    itemSchema.parse({ kind: 'guide', id: 'guide-seal', title: '公章刻制备案', place: '政务服务中心一楼A03窗口' }),
    itemSchema.parse({
      kind: 'policy',
      id: 'policy-old',
      title: '关于支持企业上云的若干措施',
      text: '对上云企业给予补贴。',
      expiryDate: '2020-12-31',
    }),
  ]);
  const assistant = await Assistant.create(store, { hotline: '12345' });
  server = await startServer(assistant, store);
  base = server.base;
}, 120_000);

afterAll(async () => {
  await server?.close();
  await store?.close();
});

type ChatReply = { sessionId: string; turnId: string; answer: { text: string; type: string; citations: Array<{ id: string }> } };
const chat = (body: string, contentType = 'application/json') =>
  fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': contentType }, body });
const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

describe('POST /api/chat', () => {
  it('answers with a new session id and a turn id, and keeps a session id it is given', async () => {
    const res = await chat(JSON.stringify({ message: '停车要收费吗' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as ChatReply;
    expect(body.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.turnId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.answer.citations[0]?.id).toBe('faq-parking');

    const next = await chat(JSON.stringify({ message: '公章刻制在哪里办', sessionId: body.sessionId }));
    const followUp = (await next.json()) as ChatReply;
    expect(followUp.sessionId).toBe(body.sessionId);
    expect(followUp.turnId).not.toBe(body.turnId);
    expect(followUp.answer.text).toContain('A03');
  });

  it('logs each turn with its channel and the answer it got', async () => {
    const { body } = await postJson<ChatReply>(`${base}/api/chat`, { message: '停车要收费吗？', channel: 'kiosk' });
    expect(await store.getQuestion(body.turnId)).toMatchObject({
      sessionId: body.sessionId,
      channel: 'kiosk',
      question: '停车要收费吗？',
      questionKey: '停车要收费吗',
      answerType: body.answer.type,
      citedIds: body.answer.citations.map((c) => c.id),
    });
    const api = await postJson<ChatReply>(`${base}/api/chat`, { message: '停车要收费吗' });
    expect((await store.getQuestion(api.body.turnId))?.channel).toBe('api');
  });

  it('takes personal data out of the logged question, but answers the question as asked', async () => {
    const { status, body } = await postJson<ChatReply>(`${base}/api/chat`, { message: '我电话13812345678，停车收费吗' });
    expect(status).toBe(200);
    expect((await store.getQuestion(body.turnId))?.question).toBe('我电话[手机号]，停车收费吗');
  });

  it('refuses a session id it never issued with 404', async () => {
    const res = await chat(JSON.stringify({ message: '停车收费吗', sessionId: 'never-issued-1' }));
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toMatch(/^unknown session "never-issued-1"/);
    expect(await store.getSession('never-issued-1')).toBeUndefined();
  });

  it.each([
    ['an empty message', JSON.stringify({ message: '   ' }), 'message: must not be empty'],
    ['a zero-length message', JSON.stringify({ message: '' }), 'message: must not be empty'],
    ['a missing message', JSON.stringify({ sessionId: 'abc' }), 'message: is required'],
    ['a message that is too long', JSON.stringify({ message: '问'.repeat(MAX_MESSAGE_CHARS + 1) }), 'message: must be at most 500 characters'],
    ['a message that is not text', JSON.stringify({ message: 42 }), 'message: must be a string'],
    ['a message that is a list', JSON.stringify({ message: ['停车'] }), 'message: must be a string'],
    ['a bad session id', JSON.stringify({ message: '你好', sessionId: 'a b/c' }), 'sessionId: must be 1–100 letters, digits, or . _ : -'],
    ['a session id that is not text', JSON.stringify({ message: '你好', sessionId: 7 }), 'sessionId: must be a string'],
    ['an unknown channel', JSON.stringify({ message: '你好', channel: 'fax' }), 'channel: must be one of web, kiosk, widget, api'],
    ['malformed JSON', '{"message": ', 'the body is not valid JSON'],
    ['an empty body', '', 'the body is empty'],
    ['a JSON list', '[]', 'send a JSON body such as'],
    ['JSON null', 'null', 'send a JSON body such as'],
  ])('refuses %s with 400 and a JSON error', async (_what, body, error) => {
    const res = await chat(body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await errorOf(res)).toContain(error);
  });

  it('accepts exactly 500 characters, counting characters rather than UTF-16 units', async () => {
    expect((await chat(JSON.stringify({ message: '停'.repeat(MAX_MESSAGE_CHARS) }))).status).toBe(200);
    expect((await chat(JSON.stringify({ message: '𠀋'.repeat(MAX_MESSAGE_CHARS) }))).status).toBe(200);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await chat('message=hi', 'text/plain');
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toContain('send a JSON body');
  });

  it('refuses a form body with 415', async () => {
    const res = await chat('message=hi', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(415);
    expect(await errorOf(res)).toBe('send the body as JSON (Content-Type: application/json)');
  });

  it('refuses a body over 16 KiB with 413', async () => {
    const res = await chat(JSON.stringify({ message: '停车', padding: 'x'.repeat(20_000) }));
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toBe('the body is too large');
  });
});

describe('other routes', () => {
  it('GET /api/items/:id returns the item and whether it is current, or 404 with a JSON error', async () => {
    const found = await getJson(`${base}/api/items/guide-seal`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id: 'guide-seal', kind: 'guide', place: '政务服务中心一楼A03窗口', current: true });
    expect((await getJson(`${base}/api/items/policy-old`)).body).toMatchObject({ id: 'policy-old', current: false });
    const missing = await getJson(`${base}/api/items/no-such-item`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: 'no item with id "no-such-item"' });
  });

  it('GET /healthz says the process is alive; GET /readyz reports the store', async () => {
    expect(await getJson(`${base}/healthz`)).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await getJson(`${base}/readyz`)).toMatchObject({ status: 200, body: { status: 'ready', items: 3 } });
  });

  it('GET / serves the chat page when the web app is not built, and says so once', async () => {
    const page = await fetch(base);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain("fetch('/api/chat'");
    expect(server.notes.filter((n) => n.includes('the web app is not built'))).toHaveLength(1);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const unknown = await getJson(`${base}/api/nothing`);
    expect(unknown).toMatchObject({ status: 404, body: { error: 'no route GET /api/nothing' } });
    const html = await getJson(`${base}/somewhere`, { headers: { accept: 'text/html' } });
    expect(html).toMatchObject({ status: 404, body: { error: 'no route GET /somewhere' } });
  });
});

describe('index refresh', () => {
  it('asks the engine to refresh every few milliseconds while the server runs, and stops on close', async () => {
    let refreshes = 0;
    const engine = {
      ask: async () => ({ text: '', type: 'none' as const, citations: [], confidence: 0, suggestions: [] }),
      refresh: async () => (refreshes++, false),
    };
    const other = buildServer(engine, store, { refreshMs: 10, webDir: NO_WEB_APP, logNote: () => undefined });
    await other.ready();
    await new Promise((r) => setTimeout(r, 100));
    await other.close();
    const seen = refreshes;
    expect(seen).toBeGreaterThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 50));
    expect(refreshes).toBe(seen);
  });
});

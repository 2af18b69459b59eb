/**
 * Tests of the HTTP server over real HTTP (`listen` on a free port, then `fetch`), with the real
 * assistant over a small in-memory store.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../answering/index.js';
import { itemSchema } from '../knowledge/index.js';
import { openStore, type Store } from '../storage/index.js';
import { buildServer, MAX_MESSAGE_CHARS } from './app.js';

let store: Store;
let app: FastifyInstance;
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
  ]);
  const assistant = await Assistant.create(store, { hotline: '12345' });
  app = buildServer(assistant, store, { refreshMs: 0 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  base = `http://127.0.0.1:${address.port}`;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
});

const chat = (body: string, contentType = 'application/json') =>
  fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('POST /api/chat', () => {
  it('answers with a new session id, and keeps a session id it is given', async () => {
    const res = await chat(JSON.stringify({ message: '停车要收费吗' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { sessionId: string; answer: { text: string; citations: Array<{ id: string }> } };
    expect(body.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.answer.citations[0]?.id).toBe('faq-parking');

    const next = await chat(JSON.stringify({ message: '公章刻制在哪里办', sessionId: body.sessionId }));
    const followUp = (await next.json()) as { sessionId: string; answer: { text: string } };
    expect(followUp.sessionId).toBe(body.sessionId);
    expect(followUp.answer.text).toContain('A03');
  });

  it.each([
    ['an empty message', JSON.stringify({ message: '   ' }), 'message: must not be empty'],
    ['a message that is too long', JSON.stringify({ message: '问'.repeat(MAX_MESSAGE_CHARS + 1) }), 'at most 500 characters'],
    ['a message that is not text', JSON.stringify({ message: 42 }), 'message: must be a string'],
    ['a bad session id', JSON.stringify({ message: '你好', sessionId: 'a b/c' }), 'sessionId:'],
    ['malformed JSON', '{"message": ', 'not valid JSON'],
    ['an empty body', '', 'the body is empty'],
  ])('refuses %s with 400 and a JSON error', async (_what, body, error) => {
    const res = await chat(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(error);
  });

  it('accepts exactly 500 characters', async () => {
    const res = await chat(JSON.stringify({ message: '停'.repeat(MAX_MESSAGE_CHARS) }));
    expect(res.status).toBe(200);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await chat('message=hi', 'text/plain');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('send a JSON body');
  });
});

describe('other routes', () => {
  it('GET /api/items/:id returns the item, or 404 with a JSON error', async () => {
    const found = await fetch(`${base}/api/items/guide-seal`);
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ id: 'guide-seal', kind: 'guide', place: '政务服务中心一楼A03窗口' });
    const missing = await fetch(`${base}/api/items/no-such-item`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no item with id "no-such-item"' });
  });

  it('GET /healthz reports the store', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', items: 2 });
  });

  it('GET / serves the chat page, and unknown routes get a JSON 404', async () => {
    const page = await fetch(base);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain("fetch('/api/chat'");
    const unknown = await fetch(`${base}/api/nothing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'no route GET /api/nothing' });
  });
});

describe('index refresh', () => {
  it('asks the engine to refresh every few milliseconds while the server runs, and stops on close', async () => {
    let refreshes = 0;
    const engine = {
      ask: async () => ({ text: '', type: 'none' as const, citations: [], confidence: 0, suggestions: [] }),
      refresh: async () => (refreshes++, false),
    };
    const other = buildServer(engine, store, { refreshMs: 10 });
    await other.ready();
    await new Promise((r) => setTimeout(r, 100));
    await other.close();
    const seen = refreshes;
    expect(seen).toBeGreaterThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 50));
    expect(refreshes).toBe(seen);
  });
});

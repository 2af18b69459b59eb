/**
 * The API's happy paths over real HTTP against the demo knowledge base: completion, the home
 * screen, configuration, feedback, and the generated API description.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemo, type DemoSetup } from '../answering/test-fixtures.js';
import { getJson, postJson, startServer, type Running } from './test-support.js';

let demo: DemoSetup;
let server: Running;
let base: string;

beforeAll(async () => {
  demo = await openDemo();
  server = await startServer(demo.assistant, demo.store, {
    zoneName: '星河高新区政务服务中心',
    hotline: '0000-12345',
    serviceWindow: '一楼综合咨询窗口',
    kioskIdleSeconds: 90,
    hotCacheMs: 0,
    today: () => '2026-11-22',
  });
  base = server.base;
}, 180_000);

afterAll(async () => {
  await server?.close();
  await demo?.store.close();
});

type Suggestions = { suggestions: Array<{ text: string; itemId: string; kind: string }> };
const suggest = (q: string, limit?: number) =>
  getJson<Suggestions>(`${base}/api/suggest?${new URLSearchParams({ q, ...(limit ? { limit: String(limit) } : {}) })}`);

describe('GET /api/suggest', () => {
  it('offers questions and titles that start with what was typed first, one per item', async () => {
    const { status, body } = await suggest('营业执照');
    expect(status).toBe(200);
    const texts = body.suggestions.map((s) => s.text);
    const prefixed = texts.filter((t) => t.startsWith('营业执照'));
    expect(prefixed).toEqual(expect.arrayContaining(['营业执照丢了怎么补办？', '营业执照遗失补领、换发']));
    expect(texts.slice(0, prefixed.length)).toEqual(prefixed);
    expect(texts.slice(prefixed.length).every((t) => t.includes('营业执照'))).toBe(true);
    expect(texts).toContain('办理营业执照要带什么材料？');
    expect(body.suggestions.length).toBe(8);
    const ids = body.suggestions.map((s) => s.itemId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(body.suggestions.find((s) => s.itemId === 'guide-business-license-replacement')?.kind).toBe('guide');
  });

  it('reads traditional characters, full-width spaces and punctuation as their plain forms', async () => {
    const plain = (await suggest('营业执照')).body.suggestions;
    expect((await suggest('營業執照')).body.suggestions).toEqual(plain);
    expect((await suggest('营业　执照？')).body.suggestions).toEqual(plain);
  });

  it('finds a similar question, and most of a question typed in other words', async () => {
    expect((await suggest('办执照带啥')).body.suggestions[0]).toEqual({
      text: '办执照带啥',
      itemId: 'faq-company-materials',
      kind: 'faq',
    });
    const loose = (await suggest('营业执照补办')).body.suggestions.map((s) => s.itemId);
    expect(loose).toContain('faq-license-lost');
  });

  it('honours limit, and offers nothing for text that matches nothing', async () => {
    expect((await suggest('营业执照', 3)).body.suggestions).toHaveLength(3);
    expect((await suggest('量子纠缠态')).body.suggestions).toEqual([]);
    expect((await suggest('？？')).body.suggestions).toEqual([]);
  });

  it('answers every keystroke of a question as it is typed', async () => {
    // How fast is measured by benchmarks, not here; this checks that every prefix is served.
    for (const q of ['营', '营业', '营业执', '营业执照', '营业执照怎', '营业执照怎么补']) expect((await suggest(q)).status).toBe(200);
  });

  it.each([
    ['empty', '', 'q: must not be empty'],
    ['blank', '   ', 'q: must not be empty'],
    ['over 100 characters', '问'.repeat(101), 'q: must be at most 100 characters'],
  ])('refuses a q that is %s with 400', async (_what, q, error) => {
    expect(await suggest(q)).toMatchObject({ status: 400, body: { error } });
  });

  it.each([
    ['limit=0', 'limit: must be a whole number from 1 to 20'],
    ['limit=21', 'limit: must be a whole number from 1 to 20'],
    ['limit=abc', 'limit: must be a whole number from 1 to 20'],
    ['limit=2.5', 'limit: must be a whole number from 1 to 20'],
    ['limit=1e999', 'limit: must be a whole number from 1 to 20'],
    ['limit=Infinity', 'limit: must be a whole number from 1 to 20'],
    ['limit=NaN', 'limit: must be a whole number from 1 to 20'],
  ])('refuses %s with 400', async (param, error) => {
    expect(await getJson(`${base}/api/suggest?q=%E8%90%A5&${param}`)).toMatchObject({ status: 400, body: { error } });
  });

  it('refuses a missing q with 400', async () => {
    expect(await getJson(`${base}/api/suggest`)).toMatchObject({ status: 400, body: { error: 'q: is required' } });
  });
});

describe('GET /api/hot', () => {
  type Hot = { questions: string[]; categories: Array<{ name: string; questions: string[] }> };

  it('offers the curated questions and the categories by size while there is no history', async () => {
    const { status, body } = await getJson<Hot>(`${base}/api/hot`);
    expect(status).toBe(200);
    expect(body.questions).toHaveLength(8);
    // One question from each of the largest categories in turn.
    const faqTitles = new Map(demo.raw.filter((r) => r.kind === 'faq').map((r) => [r.title, r.category]));
    expect(new Set(body.questions.map((q) => faqTitles.get(q))).size).toBe(8);
    expect(body.categories.map((c) => c.name).slice(0, 3)).toEqual(['科技创新', '企业开办', '人才服务']);
    for (const category of body.categories) expect(category.questions.length).toBeGreaterThan(0);
    expect(body.categories[0]!.questions).toHaveLength(4);
    // A category with no FAQ offers its guides' names.
    expect(body.categories.find((c) => c.name === '民生服务')?.questions).toHaveLength(1);
  });

  it('puts the standard question of the item that answered several conversations first, never the words typed', async () => {
    const asked = '公章刻制在哪里办';
    type Chat = { answer: { citations: Array<{ id: string; title: string }> } };
    const replies = [];
    for (let i = 0; i < 2; i++) replies.push(await postJson<Chat>(`${base}/api/chat`, { message: asked }));
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    const { body } = await getJson<Hot>(`${base}/api/hot`);
    expect(body.questions[0]).toBe(replies[0]!.body.answer.citations[0]!.title);
    expect(body.questions).not.toContain(asked);
    expect(body.questions).toHaveLength(8);
  });
});

describe('GET /api/config', () => {
  it('tells the web app about this installation', async () => {
    expect(await getJson(`${base}/api/config`)).toEqual(
      expect.objectContaining({
        status: 200,
        body: {
          zoneName: '星河高新区政务服务中心',
          hotline: '0000-12345',
          serviceWindow: '一楼综合咨询窗口',
          kioskIdleSeconds: 90,
          maxMessageChars: 500,
          kiosk: false,
          // No speech was given to this server (src/server/speech.test.ts has it on).
          speech: { output: { available: false, engine: 'none', reason: '服务器未开启语音播报' }, input: { available: false } },
        },
      }),
    );
  });

  it('tells the web app when every browser is a kiosk', async () => {
    const kiosk = await startServer(demo.assistant, demo.store, { kiosk: true });
    try {
      expect((await getJson(`${kiosk.base}/api/config`)).body).toMatchObject({ kiosk: true });
    } finally {
      await kiosk.close();
    }
  });
});

describe('POST /api/feedback', () => {
  it('stores whether an answer helped, replaces it when given again, and redacts the comment', async () => {
    const turn = await postJson<{ turnId: string }>(`${base}/api/chat`, { message: '政务服务中心在哪里', channel: 'web' });
    const { turnId } = turn.body;
    expect(await postJson(`${base}/api/feedback`, { turnId, helpful: false, comment: '请回电13912345678' })).toEqual(
      expect.objectContaining({ status: 200, body: { ok: true } }),
    );
    expect(await demo.store.getQuestion(turnId)).toMatchObject({ helpful: false, feedbackComment: '请回电[手机号]' });
    expect((await postJson(`${base}/api/feedback`, { turnId, helpful: true })).status).toBe(200);
    const again = await demo.store.getQuestion(turnId);
    expect(again).toMatchObject({ helpful: true });
    expect(again?.feedbackComment).toBeUndefined();
  });

  it.each([
    ['an unknown turn', { turnId: 'no-such-turn', helpful: true }, 404, 'unknown turn "no-such-turn"'],
    ['a missing turnId', { helpful: true }, 400, 'turnId: is required'],
    ['a missing helpful', { turnId: 'x' }, 400, 'helpful: is required'],
    ['a helpful that is text', { turnId: 'x', helpful: 'yes' }, 400, 'helpful: must be true or false'],
    ['a bad turnId', { turnId: 'a b', helpful: true }, 400, 'turnId: must be 1–100 letters, digits, or . _ : -'],
    ['a comment over 500 characters', { turnId: 'x', helpful: true, comment: '长'.repeat(501) }, 400, 'comment: must be at most 500 characters'],
    ['malformed JSON', '{"turnId": ', 400, 'the body is not valid JSON; send a JSON body such as {"turnId": "…", "helpful": true}'],
  ])('refuses %s', async (_what, body, status, error) => {
    const reply = await postJson<{ error: string }>(`${base}/api/feedback`, body);
    expect(reply.status).toBe(status);
    expect(reply.body.error).toContain(error);
  });
});

describe('GET /api/docs', () => {
  it('describes the API as OpenAPI 3, generated from the routes', async () => {
    const { status, body } = await getJson<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      `${base}/api/docs/json`,
    );
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    // The back office's routes are there too (tag admin; src/server/admin/roles.test.ts checks them
    // one by one), and the enterprise portal's (tag enterprise; src/server/enterprise/*.test.ts).
    const paths = Object.keys(body.paths);
    // The enterprise portal's API (docs/ENTERPRISE-API.md) has tests of its own.
    expect(paths.filter((p) => !p.startsWith('/api/admin/') && !p.startsWith('/api/enterprise/')).sort()).toEqual(
      [
        '/api/chat',
        '/api/config',
        '/api/directory',
        '/api/directory/vocabulary',
        '/api/directory/{id}',
        '/api/feedback',
        '/api/hot',
        '/api/items/{id}',
        '/api/speech',
        '/api/suggest',
        '/api/transcribe',
        '/healthz',
        '/metrics',
        '/readyz',
      ].sort(),
    );
    expect(paths).toContain('/api/admin/login');
    expect(paths).toEqual(expect.arrayContaining(['/api/enterprise/login', '/api/enterprise/matches', '/api/enterprise/forms/{file}']));
    expect(JSON.stringify(body.paths['/api/chat'])).toContain('maxLength');
    const page = await fetch(`${base}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
  });
});

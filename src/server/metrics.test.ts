/**
 * /metrics and /readyz over real HTTP: counters after some requests, and readiness while the
 * engine is still being built, when it failed, and when the store is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../storage/index.js';
import type { ChatEngine } from './app.js';
import { getJson, postJson, standInEngine, startServer } from './test-support.js';

let store: Store;

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
}, 120_000);

afterAll(async () => {
  await store?.close();
});

describe('GET /metrics', () => {
  it('counts requests by route and status, times them, and counts answers and errors', async () => {
    const engine = standInEngine();
    const server = await startServer(engine, store);
    try {
      await postJson(`${server.base}/api/chat`, { message: '停车收费吗' });
      await postJson(`${server.base}/api/chat`, { message: '' });
      await getJson(`${server.base}/api/items/some-id`);
      await getJson(`${server.base}/api/items/other-id`);
      await getJson(`${server.base}/no/such/path`);
      const res = await fetch(`${server.base}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      const text = await res.text();
      expect(text).toContain('xiaoxin_http_requests_total{method="POST",route="/api/chat",status="200"} 1');
      expect(text).toContain('xiaoxin_http_requests_total{method="POST",route="/api/chat",status="400"} 1');
      // The route pattern, not the path: ids never grow the label set.
      expect(text).toContain('xiaoxin_http_requests_total{method="GET",route="/api/items/:id",status="404"} 2');
      expect(text).toContain('xiaoxin_http_requests_total{method="GET",route="not-found",status="404"} 1');
      expect(text).toMatch(/xiaoxin_http_request_duration_seconds_bucket\{le="0.05",method="POST",route="\/api\/chat"\} \d/);
      expect(text).toContain('xiaoxin_http_request_duration_seconds_count{method="POST",route="/api/chat"} 2');
      expect(text).toContain('xiaoxin_answers_total{type="faq"} 1');
      expect(text).toContain('# TYPE xiaoxin_errors_total counter');
    } finally {
      await server.close();
    }
  });

  it('counts an unexpected failure as an internal error, and tells the client nothing of it', async () => {
    const server = await startServer(standInEngine({ fail: true }), store);
    try {
      const reply = await postJson(`${server.base}/api/chat`, { message: '停车收费吗' });
      expect(reply).toMatchObject({ status: 500, body: { error: 'internal error; the server log has the details' } });
      expect(server.errors.join('\n')).toContain('engine exploded');
      const text = await (await fetch(`${server.base}/metrics`)).text();
      expect(text).toContain('xiaoxin_errors_total{kind="internal"} 1');
    } finally {
      await server.close();
    }
  });

  it('includes process metrics when asked', async () => {
    const server = await startServer(standInEngine(), store, { processMetrics: true });
    try {
      expect(await (await fetch(`${server.base}/metrics`)).text()).toContain('xiaoxin_process_cpu_seconds_total');
    } finally {
      await server.close();
    }
  });
});

describe('GET /readyz', () => {
  it('says 503 while the engine is being built, and ready once it is', async () => {
    let resolve!: (engine: ChatEngine) => void;
    const building = new Promise<ChatEngine>((r) => (resolve = r));
    const server = await startServer(building, store);
    try {
      expect(await getJson(`${server.base}/healthz`)).toMatchObject({ status: 200, body: { status: 'ok' } });
      expect(await getJson(`${server.base}/readyz`)).toMatchObject({ status: 503, body: { status: 'starting' } });
      const early = await postJson(`${server.base}/api/chat`, { message: '停车收费吗' });
      expect(early).toMatchObject({ status: 503, body: { error: 'the assistant is starting; try again in a few seconds' } });
      expect(early.headers.get('retry-after')).toBe('5');
      resolve(standInEngine());
      await new Promise((r) => setTimeout(r, 10));
      expect(await getJson(`${server.base}/readyz`)).toMatchObject({ status: 200, body: { status: 'ready', items: 0, revision: 0 } });
      expect((await postJson(`${server.base}/api/chat`, { message: '停车收费吗' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('says 503 when the engine could not be built, and logs why', async () => {
    const server = await startServer(Promise.reject(new Error('no lexicon')), store);
    try {
      await new Promise((r) => setTimeout(r, 10));
      expect(await getJson(`${server.base}/readyz`)).toMatchObject({ status: 503, body: { status: 'failed' } });
      expect((await postJson(`${server.base}/api/chat`, { message: '停车' })).status).toBe(503);
      expect(server.errors.join('\n')).toContain('the assistant could not start: Error: no lexicon');
    } finally {
      await server.close();
    }
  });

  it('says 503 when the store does not answer', async () => {
    const own = await openStore({ dataDir: 'memory://' });
    const server = await startServer(standInEngine(), own);
    try {
      expect((await getJson(`${server.base}/readyz`)).status).toBe(200);
      await own.close();
      expect(await getJson(`${server.base}/readyz`)).toMatchObject({ status: 503, body: { status: 'unavailable' } });
      expect((await getJson(`${server.base}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

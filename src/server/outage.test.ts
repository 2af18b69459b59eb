/**
 * The database blinking is not an outage: a real PostgreSQL server (our own, so that it can be
 * stopped) goes away under a running server and comes back. Skipped where PostgreSQL is not
 * installed; CI installs it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../answering/index.js';
import { importPaths } from '../ingestion/index.js';
import { openStore, type Store } from '../storage/index.js';
import { DEMO_FILES, DEMO_TODAY } from '../answering/test-fixtures.js';
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '../test/throwaway-postgres.js';
import { StoreWatch } from './store-watch.js';
import { getJson, postJson, startServer, type Running } from './test-support.js';

interface ChatReply {
  sessionId: string;
  turnId: string;
  answer: { type: string; text: string };
}

const QUESTIONS = ['营业执照怎么办', '公司注销要多久', '社保怎么交', '停车收费吗', '人才公寓怎么申请'];

async function until(condition: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!postgresBinaries())('a database outage under a running server', () => {
  let postgres: ThrowawayPostgres;
  let store: Store;
  let server: Running;
  let watch: StoreWatch;
  const logged: string[] = [];

  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    store = await openStore({ databaseUrl: postgres.url });
    await store.upsertItems((await importPaths(DEMO_FILES)).items);
    watch = new StoreWatch(store, { log: (m) => logged.push(m), probeMs: 200 });
    const assistant = await Assistant.create(watch.forAnswering(), { today: DEMO_TODAY });
    server = await startServer(assistant, store, { storeWatch: watch, refreshMs: 200, rateLimit: 0 });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await store?.close();
    await postgres?.remove();
  });

  it('answers every question from memory while the database is down, keeps the question log, and recovers by itself', async () => {
    const first = await postJson<ChatReply>(`${server.base}/api/chat`, { message: '营业执照怎么办' });
    expect(first.status).toBe(200);

    await postgres.stop();
    const during: ChatReply[] = [];
    for (const message of QUESTIONS) {
      const fresh = await postJson<ChatReply>(`${server.base}/api/chat`, { message });
      expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
      during.push(fresh.body);
      // A conversation that began before the outage goes on (its context may be lost).
      const followUp = await postJson<ChatReply>(`${server.base}/api/chat`, { message, sessionId: first.body.sessionId });
      expect(followUp.status, JSON.stringify(followUp.body)).toBe(200);
      during.push(followUp.body);
    }
    expect(during.every((r) => r.answer.text.length > 0)).toBe(true);

    // Writes wait for the database: 503 with Retry-After, not a 500 and a stack trace.
    const feedback = await postJson(`${server.base}/api/feedback`, { turnId: during[0]!.turnId, helpful: true });
    expect(feedback.status).toBe(503);
    expect(Number(feedback.headers.get('retry-after'))).toBeGreaterThan(0);

    const ready = await getJson<{ status: string; error: string }>(`${server.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('degraded');
    expect(ready.body.error).toMatch(/unreachable/);
    const metrics = await fetch(`${server.base}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/xiaoxin_store_up 0/);
    expect(metrics).toMatch(new RegExp(`xiaoxin_question_log_buffered ${during.length}`));

    // Said once, not once a request.
    expect(logged.filter((m) => /unreachable/.test(m))).toHaveLength(1);
    expect(server.errors.filter((m) => /\n\s+at /.test(m))).toEqual([]);

    await postgres.start();
    await until(() => !watch.outage && watch.buffered === 0);
    expect(logged.some((m) => /answers again/.test(m))).toBe(true);
    const log = await store.listQuestions({ limit: 100, offset: 0 });
    expect(log.total).toBe(1 + during.length);
    expect(new Set(log.questions.map((q) => q.id))).toEqual(new Set([first.body.turnId, ...during.map((r) => r.turnId)]));
    expect(watch.dropped).toBe(0);

    const after = await postJson(`${server.base}/api/feedback`, { turnId: during[0]!.turnId, helpful: true });
    expect(after.status).toBe(200);
  }, 120_000);
});

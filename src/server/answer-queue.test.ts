import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AnswerQueue } from './answer-queue.js';
import { HttpError } from './errors.js';
import { postJson, startServer } from './test-support.js';
import { openStore } from '../storage/index.js';

const later = () => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return { gate, open };
};

describe('AnswerQueue', () => {
  it('runs a few at once, lets a bounded number wait in order, and turns the rest away at once with a 503', async () => {
    const queue = new AnswerQueue({ concurrency: 2, maxWaiting: 2, maxWaitMs: 60_000 });
    const { gate, open } = later();
    const order: number[] = [];
    const tasks = [0, 1, 2, 3].map((n) =>
      queue.run(async () => {
        await gate;
        order.push(n);
        return n;
      }),
    );
    const refused = queue.run(async () => 'never');
    await expect(refused).rejects.toMatchObject({ statusCode: 503, headers: { 'retry-after': '1' } });
    expect(queue.waiting).toBe(2);
    open();
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3]);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(queue.refused).toBe(1);
    expect(queue.waiting).toBe(0);
  });

  it('turns away a question that waited too long, and frees its place', async () => {
    const queue = new AnswerQueue({ concurrency: 1, maxWaiting: 5, maxWaitMs: 20 });
    const { gate, open } = later();
    const running = queue.run(() => gate);
    const waiting = queue.run(async () => 'late');
    await expect(waiting).rejects.toBeInstanceOf(HttpError);
    expect(queue.waiting).toBe(0);
    open();
    await running;
    expect(await queue.run(async () => 'next')).toBe('next');
  });

  it('on close, turns away those waiting at once and waits for those being answered', async () => {
    const queue = new AnswerQueue({ concurrency: 1, maxWaitMs: 60_000 });
    const { gate, open } = later();
    const done: string[] = [];
    const running = queue.run(() => gate.then(() => done.push('answered')));
    const waiting = queue.run(async () => done.push('answered after close'));
    await new Promise((resolve) => setImmediate(resolve));
    const closed = queue.close().then(() => done.push('closed'));
    await expect(waiting).rejects.toMatchObject({ statusCode: 503 });
    open();
    await Promise.all([running, closed]);
    expect(done).toEqual(['answered', 'closed']);
    await expect(queue.run(async () => 'late')).rejects.toMatchObject({ statusCode: 503 });
  });

  it('an error in one answer frees its turn for the next', async () => {
    const queue = new AnswerQueue({ concurrency: 1 });
    await expect(queue.run(() => Promise.reject(new Error('engine failed')))).rejects.toThrow('engine failed');
    expect(await queue.run(async () => 'ok')).toBe('ok');
  });
});

/**
 * Clients in a process of their own, as real ones are (a client in the server's process shares its
 * event loop, which is what is being tested): 30 questions, and a /healthz once the first is
 * answered (the others are then surely waiting), each on its own connection; prints the order the
 * replies came back in.
 */
const CLIENTS = `
import { request } from 'node:http';
const base = process.argv[1];
const done = [];
const call = (method, path, body) => new Promise((resolve, reject) => {
  const req = request(base + path, { method, agent: false, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
    res.resume();
    res.on('end', () => resolve(res.statusCode));
  });
  req.on('error', reject);
  req.end(body);
});
let first;
const answered = new Promise((r) => (first = r));
const chats = Array.from({ length: 30 }, (_, n) => call('POST', '/api/chat', JSON.stringify({ message: 'q' + n })).then((s) => { done.push('chat ' + s); first(); }));
await answered;
const health = call('GET', '/healthz').then((s) => done.push('health ' + s));
await Promise.all([...chats, health]);
console.log(JSON.stringify(done));
`;

function runClients(base: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', CLIENTS, base], (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as string[])));
  });
}

/** The answers-waiting gauge from a /metrics reply. */
const waitingNow = (metrics: { body: string }) => Number(/^xiaoxin_answers_waiting (\d+)/m.exec(metrics.body)?.[1] ?? 0);

describe('/api/chat under load', () => {
  it('answers /healthz between answers, however many questions wait', async () => {
    const store = await openStore({ dataDir: 'memory://' });
    // The first answer is held until every question has reached the server and waits (a loaded CI
    // machine may start the client process slowly); then 60 ms of synchronous CPU per answer, as a
    // large knowledge base costs.
    const { gate: allWaiting, open: answerNow } = later();
    let asked = 0;
    const engine = {
      async ask() {
        if (asked++ === 0) await allWaiting;
        const until = performance.now() + 60;
        while (performance.now() < until);
        return { text: '答复', type: 'faq' as const, citations: [], confidence: 0.9, suggestions: [] };
      },
      refresh: async () => false,
    };
    const server = await startServer(engine, store, { rateLimit: 0, answerQueue: { concurrency: 1, maxWaiting: 100, maxWaitMs: 60_000 } });
    try {
      const clients = runClients(server.base);
      while (waitingNow(await server.app.inject({ url: '/metrics' })) < 29) await new Promise((resolve) => setTimeout(resolve, 20));
      answerNow();
      const done = await clients;
      expect(done.filter((d) => d === 'chat 200')).toHaveLength(30);
      // The health check came back long before the queue of answers was through (it used to come last).
      expect(done.indexOf('health 200')).toBeGreaterThanOrEqual(0);
      expect(done.length - 1 - done.indexOf('health 200')).toBeGreaterThanOrEqual(5);
    } finally {
      await server.close();
      await store.close();
    }
  });

  it('says 503 with Retry-After at once when more questions wait than allowed', async () => {
    const store = await openStore({ dataDir: 'memory://' });
    const { gate, open } = later();
    const engine = {
      async ask() {
        await gate;
        return { text: '答复', type: 'faq' as const, citations: [], confidence: 0.9, suggestions: [] };
      },
      refresh: async () => false,
    };
    const server = await startServer(engine, store, { rateLimit: 0, answerQueue: { concurrency: 1, maxWaiting: 1 } });
    try {
      const first = postJson(`${server.base}/api/chat`, { message: '第一个' });
      const second = postJson(`${server.base}/api/chat`, { message: '第二个' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const third = await postJson(`${server.base}/api/chat`, { message: '第三个' });
      expect(third.status).toBe(503);
      expect(third.headers.get('retry-after')).toBe('1');
      expect(third.body.error).toMatch(/busy/);
      const metrics = await fetch(`${server.base}/metrics`).then((r) => r.text());
      expect(metrics).toMatch(/xiaoxin_answers_refused 1/);
      open();
      expect((await first).status).toBe(200);
      expect((await second).status).toBe(200);
    } finally {
      open();
      await server.close();
      await store.close();
    }
  });
});

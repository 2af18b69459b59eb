/**
 * The daily upkeep job on PGlite and (when XIAOXIN_TEST_DATABASE_URL is set) PostgreSQL: it
 * audits each expired policy once, alerts once a day through a real local webhook, does nothing
 * more the same day, and runs exactly once when several instances check at the same moment.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../storage/index.js';
import { faq, pgliteMemoryBackend, policy, postgresBackend, type TestTarget } from '../storage/test-support.js';
import { DAILY_UPKEEP_JOB, DailyUpkeepJob } from './daily-job.js';

const hooks: unknown[] = [];
let web: Server;
let webhookUrl = '';

beforeAll(async () => {
  web = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      hooks.push(JSON.parse(body));
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await new Promise((resolve) => web.close(resolve));
});

const ITEMS = [
  policy('p-expired', { expiryDate: '2026-11-22' }),
  policy('p-last-day', { expiryDate: '2026-11-23' }),
  policy('p-later', { expiryDate: '2027-06-30' }),
  faq('f-review', { reviewDate: '2026-12-01' }),
];

for (const backend of [pgliteMemoryBackend, postgresBackend]) {
  describe.skipIf(!backend.enabled)(`the daily upkeep job on ${backend.name}`, () => {
    let target: TestTarget;
    const stores: Store[] = [];

    afterEach(async () => {
      for (const store of stores.splice(0)) await store.close();
      await target?.cleanup();
      hooks.length = 0;
    });

    async function open(): Promise<Store> {
      const store = await openStore(target.options);
      stores.push(store);
      return store;
    }

    it('audits each expired policy once and alerts once a day', async () => {
      target = await backend.create();
      const store = await open();
      await store.upsertItems(ITEMS);
      let today = '2026-11-23';
      const job = new DailyUpkeepJob(store, { today: () => today, alerts: { webhookUrl } });

      const first = await job.runIfDue();
      expect(first).toMatchObject({ day: '2026-11-23', ran: true, alerts: [{ channel: 'webhook', ok: true }] });
      expect(first.due.map((d) => [d.id, d.reason])).toEqual([
        ['p-expired', 'expired'],
        ['p-last-day', 'expires-soon'],
        ['f-review', 'review-soon'],
      ]);
      expect(first.expiredToday.map((d) => d.id)).toEqual(['p-expired']);
      expect(hooks).toHaveLength(1);
      expect(hooks[0]).toMatchObject({ event: 'xiaoxin.review-due', date: '2026-11-23', items: first.due });

      const again = await job.runIfDue();
      expect(again).toMatchObject({ ran: false, expiredToday: [], alerts: [] });
      expect(again.due).toEqual(first.due);
      expect(hooks).toHaveLength(1);

      // The next day: the policy that was current through yesterday has expired; the first is not audited again.
      today = '2026-11-24';
      const next = await job.runIfDue();
      expect(next.expiredToday.map((d) => d.id)).toEqual(['p-last-day']);
      expect(hooks).toHaveLength(2);
      const audits = await store.audit.query({ action: 'item.expired' });
      expect(audits.map((a) => [a.actor, a.target, (a.after as { expiryDate: string }).expiryDate]).sort()).toEqual([
        ['system', 'p-expired', '2026-11-22'],
        ['system', 'p-last-day', '2026-11-23'],
      ]);
      expect(await store.jobs.lastDay(DAILY_UPKEEP_JOB)).toBe('2026-11-24');
    });

    it('runs once when several instances check at the same moment', async () => {
      target = await backend.create();
      const first = await open();
      await first.upsertItems(ITEMS);
      // PostgreSQL: separate connections, as separate processes would have. PGlite: one store (one process).
      const others = backend === postgresBackend ? await Promise.all([open(), open(), open()]) : [first, first, first];
      const jobs = [first, ...others].map((store) => new DailyUpkeepJob(store, { today: () => '2026-11-23', alerts: { webhookUrl } }));
      const results = await Promise.all(jobs.map((job) => job.runIfDue()));
      expect(results.filter((r) => r.ran)).toHaveLength(1);
      expect(hooks).toHaveLength(1);
      expect(await first.audit.query({ action: 'item.expired' })).toHaveLength(1);
    });

    it('gives the day back when the run fails, and a forced run counts the day as done', async () => {
      target = await backend.create();
      const store = await open();
      await store.upsertItems(ITEMS);
      let fail = true;
      const broken = new DailyUpkeepJob(
        new Proxy(store, { get: (s, key) => (key === 'listItems' && fail ? () => Promise.reject(new Error('disk on fire')) : Reflect.get(s, key)) }),
        { today: () => '2026-11-23' },
      );
      await expect(broken.runIfDue()).rejects.toThrow('disk on fire');
      fail = false;
      expect((await broken.runIfDue()).ran).toBe(true);

      const forced = new DailyUpkeepJob(store, { today: () => '2026-11-25', alerts: { webhookUrl } });
      expect((await forced.runNow()).ran).toBe(true);
      expect(await store.jobs.lastDay(DAILY_UPKEEP_JOB)).toBe('2026-11-25');
      expect((await forced.runIfDue()).ran).toBe(false);
      expect(hooks).toHaveLength(1);
    });
  });
}

describe('DailyUpkeepJob.schedule', () => {
  it('checks at once, and stop waits for a run in progress', async () => {
    const store = await openStore({ dataDir: 'memory://' });
    try {
      await store.upsertItems(ITEMS);
      const runs: string[] = [];
      const schedule = new DailyUpkeepJob(store, { today: () => '2026-11-23' }).schedule(3_600_000, (r) => runs.push(r.day));
      await schedule.stop();
      expect(runs).toEqual(['2026-11-23']);
    } finally {
      await store.close();
    }
  });
});

/**
 * Expiry on both sides of the date, over real HTTP: on a policy's expiry day it is still current
 * and cited; the day after, the chat API no longer cites it, the back office shows it as not
 * current and due, and the daily job records it once and alerts once (a local webhook), however
 * often it is run that day.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../../answering/index.js';
import { DailyUpkeepJob } from '../../upkeep/daily-job.js';
import { startServer, type Running } from '../test-support.js';
import { loggedIn, pollChat, STAFF, startAdminServer, TODAY, type AdminClient, type AdminSetup } from './test-support.js';

const DAY_AFTER = '2026-11-24';
const QUESTION = '博士租房补贴每月多少钱';
const POLICY = 'policy-talent-rent';

const hooks: Array<{ date: string; items: Array<{ id: string; reason: string }> }> = [];
let web: Server;
let onTheDay: AdminSetup;
let dayAfter: Running;
let admin: AdminClient;

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
  const webhookUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}/hook`;
  onTheDay = await startAdminServer({ alerts: { webhookUrl } });
  // The same store a day later: a second server whose clock (and assistant's) reads the next day.
  const store = onTheDay.store;
  dayAfter = await startServer(await Assistant.create(store, { today: DAY_AFTER }), store, {
    today: () => DAY_AFTER,
    rateLimit: 0,
    adminLoginRateLimit: 0,
    dailyJob: new DailyUpkeepJob(store, { today: () => DAY_AFTER, alerts: { webhookUrl } }),
  });
  admin = await loggedIn(dayAfter.base, STAFF.admin);
}, 120_000);

afterAll(async () => {
  await dayAfter?.close();
  await onTheDay?.close();
  await new Promise((resolve) => web?.close(resolve));
});

const cited = (answer: { citations: Array<{ id: string }> }) => answer.citations.map((c) => c.id);

describe('a policy on its expiry day', () => {
  it('is current and cited, with its last valid day', async () => {
    const answer = await pollChat(onTheDay.base, QUESTION, () => true, 0);
    expect(cited(answer)).toContain(POLICY);
    expect(answer.citations.find((c: { id: string }) => c.id === POLICY).validUntil).toBe(TODAY);
    const editor = await loggedIn(onTheDay.base, STAFF.editor);
    expect((await editor.get(`/api/admin/items/${POLICY}`)).body.current).toBe(true);
    const listed = (await editor.get('/api/admin/items?kind=policy')).body.items.find((i: { id: string }) => i.id === POLICY);
    expect(listed).toMatchObject({ current: true, dueDate: TODAY, dueReason: 'expires-soon' });
    expect((await fetch(`${onTheDay.base}/api/items/${POLICY}`).then((r) => r.json()))).toMatchObject({ current: true });
  });
});

describe('the day after', () => {
  it('is no longer cited, and the back office shows it as not current', async () => {
    const answer = await pollChat(dayAfter.base, QUESTION, () => true, 0);
    expect(cited(answer)).not.toContain(POLICY);
    expect((await admin.get(`/api/admin/items/${POLICY}`)).body).toMatchObject({ current: false, published: { id: POLICY } });
    const listed = (await admin.get('/api/admin/items?due=1')).body.items.find((i: { id: string }) => i.id === POLICY);
    expect(listed).toMatchObject({ current: false, dueReason: 'expired', dueDate: TODAY });
    expect((await admin.get(`/api/admin/hit-test?q=${encodeURIComponent(QUESTION)}`)).body.candidates.map((c: { id: string }) => c.id)).not.toContain(POLICY);
  });

  it('is in the review queue as expired, and counted stale', async () => {
    const queue = (await admin.get('/api/admin/review-queue')).body;
    expect(queue.today).toBe(DAY_AFTER);
    expect(queue.due[0]).toMatchObject({ id: POLICY, reason: 'expired', daysLeft: -1 });
    expect((await admin.get('/api/admin/staleness')).body).toMatchObject({ today: DAY_AFTER, stale: 1, byKind: { policy: { stale: 1 } } });
  });

  it('is audited once by the daily job, which alerts once and does nothing more that day', async () => {
    const job = new DailyUpkeepJob(onTheDay.store, { today: () => DAY_AFTER, alerts: { webhookUrl: `http://127.0.0.1:${(web.address() as AddressInfo).port}/hook` } });
    const first = await job.runIfDue();
    expect(first.ran).toBe(true);
    expect(first.expiredToday.map((d) => d.id)).toEqual([POLICY]);
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ date: DAY_AFTER, items: [expect.objectContaining({ id: POLICY, reason: 'expired' })] });
    expect((await job.runIfDue()).ran).toBe(false);
    expect(hooks).toHaveLength(1);

    const audit = (await admin.get(`/api/admin/audit?action=item.expired&target=${POLICY}`)).body.entries;
    expect(audit).toEqual([expect.objectContaining({ actor: 'system', action: 'item.expired', target: POLICY, after: { expiryDate: TODAY, title: '星河高新区人才租房补贴办法' } })]);

    // An administrator may run it again by hand: it alerts, but records nothing twice.
    const forced = await admin.post('/api/admin/upkeep/run');
    expect(forced.body).toMatchObject({ day: DAY_AFTER, ran: true, expiredToday: [], alerts: [{ channel: 'webhook', ok: true }] });
    expect(hooks).toHaveLength(2);
    expect((await admin.get('/api/admin/audit?action=item.expired')).body.entries).toHaveLength(1);
  });
});

/**
 * @module enterprise/notices/notices.test
 * 精准直达 on a real store (PGlite, and PostgreSQL when XIAOXIN_TEST_DATABASE_URL is set): one
 * notice per enterprise and rule version however often and on however many instances the job
 * runs; a new rule version notifies again; notices off means none; webhooks to a local HTTP
 * server (delivered, retried then failed, refused addresses) and e-mail to a local SMTP server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../storage/index.js';
import { guide, pgliteMemoryBackend, postgresBackend, TestClock, type TestTarget } from '../../storage/test-support.js';
import { createEnterprise } from '../accounts/service.js';
import { saveProfile } from '../profiles/service.js';
import { loadRules } from '../rules/load.js';
import type { Rule } from '../rules/schema.js';
import { NoticeJob } from './job.js';
import { webhookUrlProblem, refusedAddress } from './webhook-target.js';
import { creditCode } from '../../server/enterprise/test-support.js';

const AS_OF = '2024-06-20';
const SUBSIDY = loadRules().filter((r) => r.id === 'xinghe-rd-growth-subsidy');
const FITS = { registeredInZone: true, rdExpenses: { 2022: 265, 2023: 318 }, rdSuperDeduction: { 2023: true }, incidents: [] };
/** One fact short of a verdict: a "might fit". */
const MIGHT = { registeredInZone: true, rdExpenses: { 2022: 265, 2023: 318 }, incidents: [] };
const DOES_NOT = { ...FITS, registeredInZone: false };

const hooks: Array<{ path: string; body: Record<string, unknown> }> = [];
const web = createServer((request: IncomingMessage, response: ServerResponse) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    hooks.push({ path: request.url ?? '', body: JSON.parse(body) });
    response.statusCode = request.url === '/fail' ? 500 : 200;
    response.end('');
  });
});
const mail: string[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, _session, callback) {
    let data = '';
    stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    stream.on('end', () => {
      mail.push(data);
      callback();
    });
  },
});
let webBase = '';
let smtpUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  webBase = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => web.close(resolve));
  await new Promise((resolve) => smtp.close(() => resolve(undefined)));
});

function jobOver(store: Store, clock: TestClock, rules: readonly Rule[] = SUBSIDY, writeChunk?: number) {
  return new NoticeJob(store, {
    rules,
    ...(writeChunk ? { writeChunk } : {}),
    today: () => AS_OF,
    now: clock.now,
    send: { webhookAllowHosts: ['127.0.0.1'], smtpUrl, emailFrom: 'xiaoxin@zone.example', webhookTimeoutMs: 2000 },
    retryDelaysMs: [1000, 2000],
    checkMs: 0,
  });
}

async function enterpriseWith(store: Store, tail: string, name: string, profile: Record<string, unknown>) {
  const created = await createEnterprise(store, { creditCode: creditCode(`91320500MA1N00${tail}`), name }, 'boss');
  const enterprise = (await store.enterprises.get(created.id))!;
  await saveProfile(store, enterprise, profile, 'boss', 'replace');
  return enterprise;
}

for (const backend of [pgliteMemoryBackend, postgresBackend]) {
  describe.skipIf(!backend.enabled)(`notices to the enterprises a rule fits, on ${backend.name}`, () => {
    let target: TestTarget;
    let store: Store;
    let clock: TestClock;

    beforeEach(async () => {
      target = await backend.create();
      clock = new TestClock('2024-06-20T02:00:00.000Z');
      // The store stamps rows with the test's clock too, so "changed since the last sweep" is exact.
      store = await openStore(target.options, { now: clock.now });
      hooks.length = 0;
      mail.length = 0;
    });
    afterEach(async () => {
      await store.close();
      await target.cleanup();
    });

    it('notifies each newly fitting enterprise once per rule version, by every channel it set, and never one that turned notices off', async () => {
      const fits = await enterpriseWith(store, '0A1', '甲科技有限公司', FITS);
      const might = await enterpriseWith(store, '0B1', '乙科技有限公司', MIGHT);
      await enterpriseWith(store, '0C1', '丙科技有限公司', DOES_NOT);
      const off = await enterpriseWith(store, '0D1', '丁科技有限公司', FITS);
      await store.notices.saveSettings(fits.id, { noticesOff: false, webhookUrl: `${webBase}/hook`, email: 'jia@example.com' }, 'zhang');
      await store.notices.saveSettings(off.id, { noticesOff: true }, 'li');

      const job = jobOver(store, clock);
      const first = await job.run();
      expect(first.sweep).toMatchObject({ enterprises: 4, rules: 1, created: 2, off: 1 });
      expect(first.delivery).toEqual({ delivered: 2, retrying: 0, failed: 0 });

      const inbox = await store.notices.inbox(fits.id, { limit: 10, offset: 0 });
      expect(inbox.unread).toBe(1);
      expect(inbox.notices[0]).toMatchObject({ ruleId: 'xinghe-rd-growth-subsidy', verdict: 'eligible', title: '贵企业符合「星河高新区研发投入补助」的条件' });
      expect(inbox.notices[0]!.body).toContain('可享受');
      expect(inbox.notices[0]!.body).toContain('5.3');
      expect(inbox.notices[0]!.detail.reasons.length).toBeGreaterThan(0);
      const maybe = await store.notices.inbox(might.id, { limit: 10, offset: 0 });
      expect(maybe.notices.map((n) => [n.verdict, n.detail.missingFactLabels.length])).toEqual([['missing-facts', 1]]);
      expect((await store.notices.inbox(off.id, { limit: 10, offset: 0 })).total).toBe(0);

      expect(hooks).toHaveLength(1);
      expect(hooks[0]!.body).toMatchObject({ event: 'xiaoxin.enterprise-notice', verdict: 'eligible', enterprise: { name: '甲科技有限公司' }, rule: { id: 'xinghe-rd-growth-subsidy' } });
      expect(mail).toHaveLength(1);
      expect(mail[0]).toContain('jia@example.com');

      // Again, and again with something changed that does not change the verdict: nothing new.
      clock.advance(10 * 60_000);
      expect((await job.run()).sweep).toBeUndefined();
      await saveProfile(store, fits, { ...FITS, employees: 120 }, 'zhang', 'replace');
      // Only the enterprise whose profile changed is evaluated again.
      expect((await job.run()).sweep).toMatchObject({ enterprises: 1, created: 0 });
      // A fresh instance (rules loaded at start) sees the same versions: nothing new either.
      expect((await jobOver(store, clock).run()).sweep).toMatchObject({ created: 0 });
      expect(hooks).toHaveLength(1);

      // The missing fact arrives: now it fits — a new notice (a fit, not a "might").
      clock.advance(60_000);
      await saveProfile(store, might, FITS, 'wang', 'replace');
      expect((await job.run()).sweep).toMatchObject({ created: 1 });
      expect((await store.notices.inbox(might.id, { limit: 10, offset: 0 })).notices.map((n) => n.verdict)).toEqual(['eligible', 'missing-facts']);

      // Its guide is published: a new rule version, and the fitting enterprises hear again.
      await store.upsertItems([guide('guide-tech-innovation-funding', { title: '科技创新资金申报' })]);
      const republished = await job.run();
      expect(republished.sweep).toMatchObject({ created: 2 });
      expect((await store.notices.inbox(fits.id, { limit: 10, offset: 0 })).notices[0]!.body).toContain('办理指南：科技创新资金申报');

      // Marking read: the enterprise's own only.
      expect(await store.notices.markRead(might.id, [inbox.notices[0]!.id])).toBe(0);
      expect(await store.notices.markRead(fits.id, [inbox.notices[0]!.id])).toBe(1);
      expect((await store.notices.inbox(fits.id, { limit: 10, offset: 0 })).unread).toBe(1);
    });

    it('retries a failing webhook with backoff, then marks it failed with the error; refuses a metadata address without sending', async () => {
      const a = await enterpriseWith(store, '0A2', '甲科技有限公司', FITS);
      const b = await enterpriseWith(store, '0B2', '乙科技有限公司', FITS);
      await store.notices.saveSettings(a.id, { noticesOff: false, webhookUrl: `${webBase}/fail` }, 'zhang');
      await store.notices.saveSettings(b.id, { noticesOff: false, webhookUrl: 'https://169.254.169.254/latest/meta-data/' }, 'li');
      const job = jobOver(store, clock);

      expect((await job.run()).delivery).toEqual({ delivered: 0, retrying: 1, failed: 1 });
      // Not yet due: nothing is sent.
      expect((await job.run()).delivery).toEqual({ delivered: 0, retrying: 0, failed: 0 });
      clock.advance(1000);
      expect((await job.run()).delivery).toEqual({ delivered: 0, retrying: 1, failed: 0 });
      clock.advance(2000);
      expect((await job.run()).delivery).toEqual({ delivered: 0, retrying: 0, failed: 1 });
      clock.advance(60_000);
      expect((await job.run()).delivery).toEqual({ delivered: 0, retrying: 0, failed: 0 });
      expect(hooks.map((h) => h.path)).toEqual(['/fail', '/fail', '/fail']);

      const byEnterprise = await store.notices.forRule('xinghe-rd-growth-subsidy');
      const failing = byEnterprise.get(a.id)![0]!.deliveries.find((d) => d.channel === 'webhook')!;
      expect(failing).toMatchObject({ status: 'failed', attempts: 3, lastError: 'webhook 应答 HTTP 500' });
      const refused = byEnterprise.get(b.id)![0]!.deliveries.find((d) => d.channel === 'webhook')!;
      expect(refused).toMatchObject({ status: 'failed', attempts: 1 });
      expect(refused.lastError).toContain('169.254.169.254');
      expect(byEnterprise.get(b.id)![0]!.deliveries.find((d) => d.channel === 'inbox')).toMatchObject({ status: 'delivered' });
    });

    it('two instances sweeping and delivering at once make each notice and send each webhook once', async () => {
      const enterprises = [];
      for (let i = 0; i < 6; i++) enterprises.push(await enterpriseWith(store, `1${i}E`, `企业${i}有限公司`, FITS));
      for (const e of enterprises) await store.notices.saveSettings(e.id, { noticesOff: false, webhookUrl: `${webBase}/hook` }, 'boss');
      const other = await openStore(target.options);
      try {
        // Written two at a time: the instances' transactions overlap across chunk boundaries.
        const reports = await Promise.all([jobOver(store, clock, SUBSIDY, 2).run(), jobOver(other, clock, SUBSIDY, 2).run(), jobOver(store, clock).run()]);
        expect(reports.reduce((n, r) => n + (r.sweep?.created ?? 0), 0)).toBe(6);
        // Deliveries left by a sweep that finished after the others' delivery pass go out on the next pass.
        await jobOver(other, clock).run();
        expect(hooks).toHaveLength(6);
        expect(new Set(hooks.map((h) => h.body.id)).size).toBe(6);
      } finally {
        await other.close();
      }
    });
  });
}

describe('a webhook URL is hostile input', () => {
  it('takes https, and http only to an allow-listed host', () => {
    expect(webhookUrlProblem('https://hooks.example.com/x', [])).toBeUndefined();
    expect(webhookUrlProblem('http://hooks.example.com/x', [])).toContain('https://');
    expect(webhookUrlProblem('http://oa.zone.local/x', ['oa.zone.local'])).toBeUndefined();
    expect(webhookUrlProblem('ftp://hooks.example.com/', [])).toContain('https://');
    expect(webhookUrlProblem('https://user:pw@hooks.example.com/', [])).toContain('用户名或密码');
    expect(webhookUrlProblem('不是网址', [])).toContain('不是有效的网址');
    expect(webhookUrlProblem(`https://a.example.com/${'x'.repeat(600)}`, [])).toContain('500');
  });

  it('never reaches link-local or metadata addresses, and private ones only when allow-listed', () => {
    for (const url of ['https://169.254.169.254/', 'https://[fe80::1]/', 'https://100.100.100.200/', 'https://[::ffff:169.254.169.254]/', 'https://0.0.0.0/']) {
      expect(webhookUrlProblem(url, ['169.254.169.254', '100.100.100.200']), url).toBeDefined();
    }
    expect(webhookUrlProblem('https://10.1.2.3/', [])).toContain('内网');
    expect(webhookUrlProblem('https://127.0.0.1/', [])).toContain('内网');
    expect(webhookUrlProblem('https://localhost/', [])).toContain('本机');
    expect(webhookUrlProblem('https://10.1.2.3/', ['10.1.2.3'])).toBeUndefined();
    expect(refusedAddress('::ffff:10.0.0.1', false)).toContain('内网');
    expect(refusedAddress('203.0.113.7', false)).toBeUndefined();
  });
});

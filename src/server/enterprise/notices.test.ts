/**
 * @module server/enterprise/notices.test
 * Notices over real HTTP on PGlite: the inbox and its unread count, marking read, the settings
 * (a webhook URL to a metadata address or over plain HTTP refused, naming the field), notices off;
 * staff's outreach list with its three groups, reasons and deliveries, as JSON and CSV; and the
 * boundaries — an enterprise never sees or marks another's notices, and never reaches the staff view.
 * Staff send a failed webhook again (to a local HTTP server that fails, then answers) and download
 * the list as XLSX, opened and checked cell by cell.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeJob } from '../../enterprise/notices/job.js';
import { loadRules } from '../../enterprise/rules/load.js';
import { loggedIn, STAFF, type AdminClient } from '../admin/test-support.js';
import { CODE_A, CODE_B, CODE_C, creditCode, EnterpriseClient, registeredEnterprise, startEnterpriseServer, TODAY, type EnterpriseSetup } from './test-support.js';

const RULE = 'xinghe-rd-growth-subsidy';
// As of TODAY (2026): 上一年度 is 2025.
const FITS = { registeredInZone: true, rdExpenses: { 2024: 265, 2025: 318 }, rdSuperDeduction: { 2025: true }, incidents: [] };
const MIGHT = { registeredInZone: true, rdExpenses: { 2024: 265, 2025: 318 }, incidents: [] };
const DOES_NOT = { ...FITS, registeredInZone: false };

let setup: EnterpriseSetup;
let job: NoticeJob;
let boss: AdminClient;
let a: { id: string; client: EnterpriseClient };
let b: { id: string; client: EnterpriseClient };
let c: { id: string; client: EnterpriseClient };

/** The enterprise's own system: answers 500 to the first notice, then 200. */
const received: string[] = [];
const hookServer = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    received.push(body);
    response.statusCode = received.length === 1 ? 500 : 200;
    response.end('');
  });
});
let hookUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/xiaoxin`;
  // Plain HTTP to this machine only because the operator allow-listed it (XIAOXIN_NOTICE_WEBHOOK_HOSTS).
  setup = await startEnterpriseServer({ noticeWebhookHosts: ['127.0.0.1'] });
  job = new NoticeJob(setup.store, { rules: loadRules().filter((r) => r.id === RULE), today: () => TODAY, send: { webhookAllowHosts: [] }, checkMs: 0 });
  boss = await loggedIn(setup.base, STAFF.admin);
  a = await registeredEnterprise(setup.base, boss, CODE_A, '甲方舟数据科技有限公司', 'a.user');
  b = await registeredEnterprise(setup.base, boss, CODE_B, '乙青松材料有限公司', 'b.user');
  c = await registeredEnterprise(setup.base, boss, CODE_C, '丙远山软件有限公司', 'c.user');
  for (const [who, profile] of [[a, FITS], [b, DOES_NOT], [c, MIGHT]] as const) {
    const saved = await who.client.put('/api/enterprise/profile', { profile });
    if (saved.status !== 200) throw new Error(JSON.stringify(saved.body));
  }
  // Three registrations and logins (argon2 each way) on a machine shared with other test runs.
}, 300_000);
afterAll(async () => {
  await setup?.close();
  await new Promise((resolve) => hookServer.close(resolve));
});

describe('notice settings', () => {
  it('refuses a webhook to a metadata or private address, over plain HTTP, or a bad e-mail, naming the field', async () => {
    for (const webhookUrl of ['https://169.254.169.254/latest/meta-data/', 'https://[::ffff:169.254.169.254]/', 'https://10.0.0.8/hook', 'http://hooks.example.com/x', 'file:///etc/passwd']) {
      const refused = await a.client.put('/api/enterprise/notices/settings', { noticesOff: false, webhookUrl });
      expect(refused.status, webhookUrl).toBe(400);
      expect(refused.body.error).toMatch(/^webhookUrl（接收通知的网址）：/);
    }
    const badEmail = await a.client.put('/api/enterprise/notices/settings', { noticesOff: false, email: 'li at zone' });
    expect(badEmail.body.error).toMatch(/^email（接收通知的邮箱）/);
    const missing = await a.client.put('/api/enterprise/notices/settings', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error).toContain('noticesOff');
  });

  it('keeps a valid setting, audited, and tells whether e-mail can be sent', async () => {
    const saved = await a.client.put('/api/enterprise/notices/settings', { noticesOff: false, webhookUrl: 'https://hooks.example.com/xiaoxin', email: 'hr@example.com' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ noticesOff: false, webhookUrl: 'https://hooks.example.com/xiaoxin', email: 'hr@example.com', emailAvailable: false });
    // Back to the inbox only: the webhook here would be tried against the internet.
    await a.client.put('/api/enterprise/notices/settings', { noticesOff: false });
    expect((await a.client.get('/api/enterprise/notices/settings')).body).toMatchObject({ noticesOff: false, emailAvailable: false });
    expect((await a.client.get('/api/enterprise/notices/settings')).body.webhookUrl).toBeUndefined();
    const audit = await boss.get('/api/admin/audit?action=enterprise.notices.settings');
    expect(audit.body.entries.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the inbox and the outreach list', () => {
  it('shows each enterprise its own notices only, with the unread count, and marks read only its own', async () => {
    expect((await b.client.put('/api/enterprise/notices/settings', { noticesOff: true })).status).toBe(200);
    const pass = await job.run();
    expect(pass.sweep).toMatchObject({ enterprises: 3, created: 2, off: 1 });

    const inbox = await a.client.get('/api/enterprise/notices');
    expect(inbox.status).toBe(200);
    expect(inbox.body).toMatchObject({ total: 1, unread: 1 });
    expect(inbox.body.notices[0]).toMatchObject({ ruleId: RULE, verdict: 'eligible' });
    expect(inbox.body.notices[0].body).toContain('可享受');
    const maybe = await c.client.get('/api/enterprise/notices?unread=true');
    expect(maybe.body.notices.map((n: { verdict: string }) => n.verdict)).toEqual(['missing-facts']);
    expect(JSON.stringify(maybe.body)).not.toContain(inbox.body.notices[0].id);
    expect((await b.client.get('/api/enterprise/notices')).body).toMatchObject({ total: 0, unread: 0 });

    // Another enterprise's notice id changes nothing.
    expect((await c.client.post('/api/enterprise/notices/read', { ids: [inbox.body.notices[0].id] })).body).toMatchObject({ marked: 0, unread: 1 });
    expect((await a.client.post('/api/enterprise/notices/read', { ids: [inbox.body.notices[0].id] })).body).toEqual({ marked: 1, unread: 0 });
    expect((await c.client.post('/api/enterprise/notices/read', {})).body).toEqual({ marked: 1, unread: 0 });
    expect((await a.client.get('/api/enterprise/notices')).body.notices[0].readAt).toBeDefined();
  });

  it('gives staff the three groups with reasons, missing facts, notices and deliveries — and the CSV', async () => {
    const window = await loggedIn(setup.base, STAFF.window);
    const view = await window.get(`/api/admin/outreach?rule=${RULE}`);
    expect(view.status).toBe(200);
    expect(view.body.rule).toMatchObject({ id: RULE, name: '星河高新区研发投入补助', inForce: true });
    expect(view.body.counts).toMatchObject({ fit: 1, mightFit: 1, notFit: 1, noticesOff: 1, notified: 2, deliveryFailures: 0 });
    const [fit] = view.body.fit;
    expect(fit.enterprise.name).toBe('甲方舟数据科技有限公司');
    expect(fit.notices[0].deliveries).toEqual([expect.objectContaining({ channel: 'inbox', status: 'delivered' })]);
    expect(view.body.mightFit[0].missingFactLabels).toHaveLength(1);
    const [notFit] = view.body.notFit;
    expect(notFit).toMatchObject({ noticesOff: true, notices: [] });
    expect(notFit.reasons.join('')).toContain('注册');

    const csv = await fetch(`${setup.base}/api/admin/outreach?rule=${RULE}&format=csv`, { headers: { cookie: window.cookie! } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toContain('企业名称');
    expect(text).toContain('甲方舟数据科技有限公司');
    expect(text).toContain('站内:已送达');

    expect((await window.get('/api/admin/outreach?rule=no-such-rule')).status).toBe(404);
    expect((await window.get('/api/admin/outreach/rules')).body.rules.map((r: { id: string }) => r.id)).toContain(RULE);
    const audit = await boss.get('/api/admin/audit?action=enterprise.outreach.export');
    expect(audit.body.entries[0]).toMatchObject({ actor: STAFF.window, target: RULE });
  });

  it('keeps enterprises and strangers out of the staff view, and strangers out of the inbox', async () => {
    expect((await a.client.get(`/api/admin/outreach?rule=${RULE}`)).status).toBe(401);
    const stranger = new EnterpriseClient(setup.base);
    expect((await stranger.get('/api/enterprise/notices')).status).toBe(401);
    expect((await stranger.get(`/api/admin/outreach?rule=${RULE}`)).status).toBe(401);
    // A write without the CSRF token is refused.
    const noCsrf = await fetch(`${setup.base}/api/enterprise/notices/read`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: a.client.cookie! }, body: '{}' });
    expect(noCsrf.status).toBe(403);
  });
});

describe('sending a failed delivery again, and the XLSX list', () => {
  let d: { id: string; client: EnterpriseClient };

  it('queues a failed webhook again to the address set now, for editors only, audited — and the next pass delivers it', async () => {
    d = await registeredEnterprise(setup.base, boss, creditCode('91320500MA1N0000D'), '丁星火电子有限公司', 'd.user');
    expect((await d.client.put('/api/enterprise/notices/settings', { noticesOff: false, webhookUrl: hookUrl })).status).toBe(200);
    expect((await d.client.put('/api/enterprise/profile', { profile: FITS })).status).toBe(200);
    // No retries of its own: the first failure is final, and only staff send it again.
    const sender = new NoticeJob(setup.store, {
      rules: loadRules().filter((r) => r.id === RULE),
      today: () => TODAY,
      send: { webhookAllowHosts: ['127.0.0.1'], webhookTimeoutMs: 5000 },
      retryDelaysMs: [],
      checkMs: 0,
    });
    expect((await sender.run()).delivery).toEqual({ delivered: 0, retrying: 0, failed: 1 });

    const editor = await loggedIn(setup.base, STAFF.editor);
    const row = (await editor.get(`/api/admin/outreach?rule=${RULE}`)).body.fit.find((r: { enterprise: { id: string } }) => r.enterprise.id === d.id);
    const failed = row.notices[0].deliveries.find((x: { channel: string }) => x.channel === 'webhook');
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastError: 'webhook 应答 HTTP 500', target: hookUrl });
    const retryPath = `/api/admin/outreach/deliveries/${failed.id}/retry`;

    const window = await loggedIn(setup.base, STAFF.window);
    expect((await window.post(retryPath)).status).toBe(403);
    const retried = await editor.post(retryPath);
    expect(retried.status).toBe(200);
    expect(retried.body.delivery).toMatchObject({ id: failed.id, channel: 'webhook', status: 'pending', attempts: 0, target: hookUrl });
    expect(retried.body.delivery.lastError).toBeUndefined();
    // Queued already: a second click is refused, and nothing is sent twice.
    const again = await boss.post(retryPath);
    expect(again.status).toBe(409);
    expect(again.body.error).toContain('正在等待发送');

    expect((await sender.run()).delivery).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(received).toHaveLength(2);
    expect(JSON.parse(received[1]!)).toMatchObject({ event: 'xiaoxin.enterprise-notice', id: failed.noticeId, enterprise: { name: '丁星火电子有限公司' } });
    const after = (await editor.get(`/api/admin/outreach?rule=${RULE}`)).body.fit.find((r: { enterprise: { id: string } }) => r.enterprise.id === d.id);
    expect(after.notices[0].deliveries.find((x: { channel: string }) => x.channel === 'webhook')).toMatchObject({ status: 'delivered', attempts: 1 });
    expect((await editor.post(retryPath)).body.error).toContain('已送达');

    const audit = await boss.get('/api/admin/audit?action=enterprise.notices.retry');
    expect(audit.body.entries).toHaveLength(1);
    expect(audit.body.entries[0]).toMatchObject({ actor: STAFF.editor, target: failed.id });
    expect(audit.body.entries[0].detail).toContain('HTTP 500');
  });

  it('refuses the inbox, an unknown delivery and a malformed id, naming why', async () => {
    const editor = await loggedIn(setup.base, STAFF.editor);
    const inbox = (await a.client.get('/api/enterprise/notices')).body.notices[0].id;
    const refused = await editor.post(`/api/admin/outreach/deliveries/${inbox}.inbox/retry`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toContain('站内');
    expect((await editor.post(`/api/admin/outreach/deliveries/${inbox}.email/retry`)).status).toBe(404);
    expect((await editor.post('/api/admin/outreach/deliveries/x.fax/retry')).status).toBe(404);
    expect((await editor.post(`/api/admin/outreach/deliveries/${'x'.repeat(200)}.webhook/retry`)).status).toBe(400);
    // An enterprise never reaches it.
    expect((await d.client.post(`/api/admin/outreach/deliveries/${inbox}.webhook/retry`)).status).toBe(401);
  });

  it('downloads the three groups as XLSX with the reasons and how each channel went', async () => {
    const window = await loggedIn(setup.base, STAFF.window);
    const reply = await fetch(`${setup.base}/api/admin/outreach.xlsx?rule=${RULE}`, { headers: { cookie: window.cookie! } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toContain('spreadsheetml');
    expect(reply.headers.get('content-disposition')).toContain(`xiaoxin-outreach-${RULE}-${TODAY}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await reply.arrayBuffer()) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['说明', '符合', '可能符合（缺信息）', '不符合']);
    const text = (sheet: string, row: number, column: number) => String(workbook.getWorksheet(sheet)!.getRow(row).getCell(column).value ?? '');
    const rowOf = (sheet: string, name: string) => {
      const rows = workbook.getWorksheet(sheet)!.getSheetValues().slice(1) as unknown[][];
      return rows.findIndex((r) => r?.[1] === name) + 1;
    };

    expect(text('说明', 1, 2)).toBe('星河高新区研发投入补助');
    expect(text('说明', 5, 1)).toBe('符合（家）');
    expect(text('说明', 5, 2)).toBe('2');

    expect([1, 2, 3, 4, 6, 7, 8].map((column) => text('符合', 1, column))).toEqual(['企业名称', '统一社会信用代码', '可享受', '通知', '是否已读', '站内', 'Webhook']);
    const jia = rowOf('符合', '甲方舟数据科技有限公司');
    expect(text('符合', jia, 2)).toBe(CODE_A);
    expect(text('符合', jia, 3)).not.toBe('');
    expect([4, 6, 7].map((column) => text('符合', jia, column))).toEqual(['已通知', '已读', '已送达']);
    const ding = rowOf('符合', '丁星火电子有限公司');
    expect([6, 7, 8].map((column) => text('符合', ding, column))).toEqual(['未读', '已送达', '已送达']);

    expect(text('可能符合（缺信息）', 1, 3)).toBe('还缺的信息');
    const bing = rowOf('可能符合（缺信息）', '丙远山软件有限公司');
    expect(bing).toBe(2);
    expect(text('可能符合（缺信息）', bing, 3)).not.toBe('');

    expect(text('不符合', 1, 3)).toBe('不满足的条件');
    const yi = rowOf('不符合', '乙青松材料有限公司');
    expect(text('不符合', yi, 3)).toContain('注册');
    expect(text('不符合', yi, 4)).toBe('企业已关闭通知');

    const audit = await boss.get('/api/admin/audit?action=enterprise.outreach.export');
    expect(audit.body.entries[0]).toMatchObject({ actor: STAFF.window, target: RULE });
  });
});

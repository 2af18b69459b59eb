/**
 * @module upkeep/alerts.test
 * Alerts reach a real HTTP webhook and a real SMTP server on loopback; a dead channel is reported
 * without stopping the other.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertText, sendDueAlert } from './alerts.js';
import type { DueItem } from './due.js';

const due: DueItem[] = [
  { id: 'p-old', title: '旧政策', kind: 'policy', reason: 'expired', dueDate: '2026-11-20', daysLeft: -3 },
  { id: 'g-soon', title: '企业设立登记', kind: 'guide', reason: 'review-soon', dueDate: '2026-12-01', daysLeft: 8 },
];

const received: { webhook: unknown[]; mail: string[] } = { webhook: [], mail: [] };
const web = createServer((request: IncomingMessage, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    received.webhook.push(JSON.parse(body));
    response.end('ok');
  });
});
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, _session, callback) {
    let data = '';
    stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    stream.on('end', () => {
      received.mail.push(data);
      callback();
    });
  },
});
let webPort = 0;
let smtpPort = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  webPort = (web.address() as AddressInfo).port;
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => web.close(resolve));
  await new Promise((resolve) => smtp.close(() => resolve(undefined)));
});

describe('sendDueAlert', () => {
  it('posts the due items to the webhook and mails them', async () => {
    const outcomes = await sendDueAlert(due, '2026-11-23', {
      webhookUrl: `http://127.0.0.1:${webPort}/hook`,
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
      emailTo: ['staff@zone.example'],
      zoneName: '星河高新区',
    });
    expect(outcomes).toEqual([
      { channel: 'webhook', ok: true },
      { channel: 'email', ok: true },
    ]);
    expect(received.webhook[0]).toMatchObject({ event: 'xiaoxin.review-due', date: '2026-11-23', items: due });
    expect(received.mail[0]).toContain('staff@zone.example');
  });

  it('reports a dead channel and still uses the other', async () => {
    const outcomes = await sendDueAlert(due, '2026-11-23', {
      webhookUrl: 'http://127.0.0.1:9/nothing-listens-here',
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
      emailTo: ['staff@zone.example'],
    });
    expect(outcomes[0]).toMatchObject({ channel: 'webhook', ok: false });
    expect(outcomes[0]!.error).toMatch(/webhook/);
    expect(outcomes[1]).toEqual({ channel: 'email', ok: true });
  });

  it('tries once more when the connection drops before an answer', async () => {
    let requests = 0;
    const flaky = createServer((request, response) => {
      requests++;
      // The first request's socket is closed unanswered, as by a receiver closing an idle keep-alive.
      if (requests === 1) return request.socket.destroy();
      request.resume();
      request.on('end', () => response.end('ok'));
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    try {
      const outcomes = await sendDueAlert(due, '2026-11-23', { webhookUrl: `http://127.0.0.1:${(flaky.address() as AddressInfo).port}/` });
      expect(outcomes).toEqual([{ channel: 'webhook', ok: true }]);
      expect(requests).toBe(2);
    } finally {
      await new Promise((resolve) => flaky.close(resolve));
    }
  });

  it('sends nothing when nothing is due or nothing is configured', async () => {
    expect(await sendDueAlert([], '2026-11-23', { webhookUrl: `http://127.0.0.1:${webPort}/` })).toEqual([]);
    expect(await sendDueAlert(due, '2026-11-23', {})).toEqual([]);
  });

  it('writes one readable line an item', () => {
    const text = alertText(due, '2026-11-23', '星河高新区');
    expect(text.split('\n')).toEqual([
      '星河高新区 小新知识库：2026-11-23 有 2 条内容需要复核',
      '- [已失效] 旧政策（p-old）2026-11-20，已过 3 天',
      '- [即将到复核日期] 企业设立登记（g-soon）2026-12-01，还有 8 天',
    ]);
  });
});

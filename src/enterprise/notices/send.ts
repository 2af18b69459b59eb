/**
 * @module enterprise/notices/send
 * Sending one notice by one channel: a JSON POST to the enterprise's webhook (a time limit, no
 * redirects followed, every resolved address checked) or an e-mail through the zone's SMTP server
 * (nodemailer, the settings of the daily alerts). Each returns an error in words, never throws.
 */
import http from 'node:http';
import https from 'node:https';
import type nodemailer from 'nodemailer';
import type { ClaimedDelivery } from '../../storage/notices.js';
import { guardedLookup, webhookUrlProblem } from './webhook-target.js';

export const WEBHOOK_TIMEOUT_MS = 10_000;

/** nodemailer, imported on the first e-mail rather than at start (start-up time). */
const loadNodemailer = () => import('nodemailer').then((m) => m.default);

export interface SendSettings {
  /** Hosts whose webhooks may use http:// and private addresses (XIAOXIN_NOTICE_WEBHOOK_HOSTS). */
  webhookAllowHosts: readonly string[];
  webhookTimeoutMs?: number;
  /** `smtp://…` or `smtps://…` (XIAOXIN_SMTP_URL); e-mail is off without it. */
  smtpUrl?: string;
  emailFrom?: string;
  zoneName?: string;
}

export type SendOutcome = { ok: true } | { ok: false; error: string; permanent?: boolean };

/** What the webhook receives: the notice, and whom it is for. */
export function webhookPayload(delivery: ClaimedDelivery) {
  const { notice } = delivery;
  return {
    event: 'xiaoxin.enterprise-notice',
    id: notice.id,
    enterprise: { creditCode: delivery.creditCode, name: delivery.enterpriseName },
    rule: { id: notice.ruleId, version: notice.ruleVersion },
    verdict: notice.verdict,
    title: notice.title,
    text: notice.body,
    detail: notice.detail,
    createdAt: notice.createdAt,
  };
}

export function postWebhook(url: string, payload: unknown, settings: SendSettings): Promise<SendOutcome> {
  const problem = webhookUrlProblem(url, settings.webhookAllowHosts);
  if (problem) return Promise.resolve({ ok: false, error: `webhook 网址不可用：${problem}`, permanent: true });
  const body = Buffer.from(JSON.stringify(payload));
  const timeoutMs = settings.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return new Promise((resolve) => {
    const request = (url.startsWith('https:') ? https : http).request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, 'user-agent': 'xiaoxin-notices' },
      lookup: guardedLookup(settings.webhookAllowHosts) as never,
      // One connection per notice: nothing pooled that a later request could reuse for another host.
      agent: false,
    });
    const timer = setTimeout(() => request.destroy(new Error(`${timeoutMs} 毫秒内没有应答`)), timeoutMs);
    request.on('response', (response) => {
      // The answer's body does not matter; read and drop it so the socket closes.
      response.resume();
      response.on('end', () => clearTimeout(timer));
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300) resolve({ ok: true });
      // A redirect is not followed: it could lead anywhere.
      else resolve({ ok: false, error: `webhook 应答 HTTP ${status}` });
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      const refused = (error as NodeJS.ErrnoException).code === 'EREFUSEDADDRESS';
      resolve({ ok: false, error: `webhook：${error.message}`, ...(refused ? { permanent: true } : {}) });
    });
    request.end(body);
  });
}

export async function sendEmail(to: string, delivery: ClaimedDelivery, settings: SendSettings): Promise<SendOutcome> {
  if (!settings.smtpUrl) return { ok: false, error: '未配置邮件服务器（XIAOXIN_SMTP_URL）', permanent: true };
  const nodemailer = await loadNodemailer();
  const transport = nodemailer.createTransport({ url: settings.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never);
  try {
    await transport.sendMail({
      from: settings.emailFrom ?? 'xiaoxin@localhost',
      to,
      subject: `【${settings.zoneName ?? '小新'}】${delivery.notice.title}`,
      text: `${delivery.enterpriseName}：\n\n${delivery.notice.body}\n\n（登录企业服务门户可查看详情；不想再收到通知，可在门户的“通知设置”中关闭。）`,
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: `邮件：${(error as Error).message}` };
  } finally {
    transport.close();
  }
}

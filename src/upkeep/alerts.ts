/**
 * @module upkeep/alerts
 * Tells people that items are due: a JSON POST to a configurable webhook (a zone's work chat
 * robot, a ticket system) and, when SMTP is configured, an e-mail. Each channel fails on its own:
 * a dead webhook does not stop the e-mail, and the caller learns what failed.
 */
import type nodemailer from 'nodemailer';
import { DUE_REASON_LABELS, type DueItem } from './due.js';

export interface AlertSettings {
  webhookUrl?: string;
  /** `smtp://user:pass@host:port` or `smtps://…`. */
  smtpUrl?: string;
  emailFrom?: string;
  emailTo?: string[];
  /** Prefix for the subject and the message, e.g. the zone's name. */
  zoneName?: string;
}

export interface AlertOutcome {
  channel: 'webhook' | 'email';
  ok: boolean;
  error?: string;
}

const WEBHOOK_TIMEOUT_MS = 10_000;

/** nodemailer, imported on the first e-mail rather than at start (start-up time). */
const loadNodemailer = () => import('nodemailer').then((m) => m.default);

/** Sends one alert listing the due items through every configured channel. */
export async function sendDueAlert(due: DueItem[], today: string, settings: AlertSettings): Promise<AlertOutcome[]> {
  if (!due.length) return [];
  const outcomes: Promise<AlertOutcome>[] = [];
  if (settings.webhookUrl) outcomes.push(postWebhook(settings.webhookUrl, due, today, settings));
  if (settings.smtpUrl && settings.emailTo?.length) outcomes.push(sendEmail(due, today, settings));
  return Promise.all(outcomes);
}

/** The alert as plain text: one line an item, most urgent first. */
export function alertText(due: DueItem[], today: string, zoneName?: string): string {
  const lines = due.map(
    (d) => `- [${DUE_REASON_LABELS[d.reason]}] ${d.title}（${d.id}）${d.dueDate}${d.daysLeft < 0 ? `，已过 ${-d.daysLeft} 天` : d.daysLeft === 0 ? '，今天' : `，还有 ${d.daysLeft} 天`}`,
  );
  return [`${zoneName ? `${zoneName} ` : ''}小新知识库：${today} 有 ${due.length} 条内容需要复核`, ...lines].join('\n');
}

async function postWebhook(url: string, due: DueItem[], today: string, settings: AlertSettings): Promise<AlertOutcome> {
  const body = JSON.stringify({ event: 'xiaoxin.review-due', date: today, text: alertText(due, today, settings.zoneName), items: due });
  const post = () =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
  try {
    // Once more when the connection dropped before an answer (a kept-alive socket the receiver
    // had just closed): the alert is sent once a day, and a lost one is a day without it.
    const response = await post().catch((error: unknown) => {
      if (error instanceof TypeError) return post();
      throw error;
    });
    if (!response.ok) return { channel: 'webhook', ok: false, error: `webhook answered ${response.status}` };
    return { channel: 'webhook', ok: true };
  } catch (error) {
    return { channel: 'webhook', ok: false, error: `webhook: ${(error as Error).message}` };
  }
}

async function sendEmail(due: DueItem[], today: string, settings: AlertSettings): Promise<AlertOutcome> {
  try {
    const nodemailer = await loadNodemailer();
    const transport = nodemailer.createTransport(settings.smtpUrl!);
    await transport.sendMail({
      from: settings.emailFrom ?? 'xiaoxin@localhost',
      to: settings.emailTo!.join(', '),
      subject: `【小新】${today} 有 ${due.length} 条知识需要复核`,
      text: alertText(due, today, settings.zoneName),
    });
    transport.close();
    return { channel: 'email', ok: true };
  } catch (error) {
    return { channel: 'email', ok: false, error: `e-mail: ${(error as Error).message}` };
  }
}

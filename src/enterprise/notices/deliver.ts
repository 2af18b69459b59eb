/**
 * @module enterprise/notices/deliver
 * Sends the deliveries that are due: each claimed in the store first (so one instance sends it),
 * then a failure is tried again after a growing delay, a bounded number of times, and then marked
 * failed with its last error — which staff see in the outreach view.
 */
import type { Store } from '../../storage/index.js';
import { postWebhook, sendEmail, webhookPayload, type SendSettings } from './send.js';

/** Waits before the 2nd, 3rd and 4th attempt; after the 4th a delivery has failed. */
export const DEFAULT_RETRY_DELAYS_MS = [60_000, 10 * 60_000, 60 * 60_000];
/** A claimed delivery is another instance's again after this long (a crash mid-send); longer than any send takes. */
const CLAIM_LEASE_MS = 2 * 60_000;
const BATCH = 20;
/** A bound on one pass, so a backlog cannot keep the job busy forever; the next pass goes on. */
const MAX_PER_PASS = 500;

export interface DeliveryReport {
  delivered: number;
  retrying: number;
  failed: number;
}

export async function deliverDue(store: Store, settings: SendSettings, now: () => Date, retryDelaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS): Promise<DeliveryReport> {
  const report: DeliveryReport = { delivered: 0, retrying: 0, failed: 0 };
  for (let sent = 0; sent < MAX_PER_PASS; ) {
    const claimed = await store.notices.claimDue(now(), CLAIM_LEASE_MS, BATCH);
    if (!claimed.length) break;
    sent += claimed.length;
    await Promise.all(
      claimed.map(async (delivery) => {
        const target = delivery.target ?? '';
        const outcome =
          delivery.channel === 'webhook' ? await postWebhook(target, webhookPayload(delivery), settings) : await sendEmail(target, delivery, settings);
        if (outcome.ok) {
          report.delivered++;
          await store.notices.recordAttempt(delivery.noticeId, delivery.channel, now(), { ok: true });
          return;
        }
        const delay = outcome.permanent ? undefined : retryDelaysMs[delivery.attempts - 1];
        if (delay === undefined) report.failed++;
        else report.retrying++;
        await store.notices.recordAttempt(delivery.noticeId, delivery.channel, now(), {
          ok: false,
          error: outcome.error,
          ...(delay !== undefined ? { retryAt: new Date(now().getTime() + delay) } : {}),
        });
      }),
    );
  }
  return report;
}

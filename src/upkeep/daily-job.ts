/**
 * @module upkeep/daily-job
 * The daily upkeep job: computes what is due, records in the audit log (as `system`) each policy
 * whose expiry date has passed, once per policy and expiry date, and sends the day's alert. Several
 * instances may share one database, so each run first claims the day in `job_runs`: only the
 * instance whose claim succeeds does the work, however often and wherever the job is checked.
 */
import type { Store } from '../storage/index.js';
import { sendDueAlert, type AlertOutcome, type AlertSettings } from './alerts.js';
import { addDays } from './calendar.js';
import { DEFAULT_DUE_WINDOW_DAYS, dueItems, type DueItem } from './due.js';

export const DAILY_UPKEEP_JOB = 'daily-upkeep';
/** How often `xiaoxin serve` checks whether the day's job has been done. */
export const DAILY_JOB_CHECK_MS = 60 * 60 * 1000;

export interface DailyJobOptions {
  /** `YYYY-MM-DD` in the zone's time zone. */
  today: () => string;
  /** How far ahead the due list looks (XIAOXIN_REVIEW_WINDOW_DAYS). */
  windowDays?: number;
  alerts?: AlertSettings;
  /** Where failed alert channels and failed runs are reported. */
  logError?: (message: string) => void;
}

export interface DailyJobResult {
  day: string;
  /** False when another run (or another instance) had already done this day. */
  ran: boolean;
  /** Items due within the window or past due, most urgent first. */
  due: DueItem[];
  /** The expired policies this run recorded in the audit log (each is recorded once). */
  expiredToday: DueItem[];
  /** One outcome per alert channel used; empty when nothing was due or nothing is configured. */
  alerts: AlertOutcome[];
}

export interface Schedule {
  /** Stops checking; resolves when a run in progress has finished (before the store is closed). */
  stop(): Promise<void>;
}

export class DailyUpkeepJob {
  readonly windowDays: number;

  constructor(
    private readonly store: Store,
    private readonly options: DailyJobOptions,
  ) {
    this.windowDays = options.windowDays ?? DEFAULT_DUE_WINDOW_DAYS;
  }

  /** Runs when today has not been done by anyone yet; otherwise only computes the due list. */
  async runIfDue(): Promise<DailyJobResult> {
    const day = this.options.today();
    return (await this.runIfClaimed(day)) ?? { day, ran: false, due: await this.due(day), expiredToday: [], alerts: [] };
  }

  /** Runs when today has not been done by anyone yet; undefined (nothing read) when it has. */
  private async runIfClaimed(day: string): Promise<DailyJobResult | undefined> {
    if (!(await this.store.jobs.claim(DAILY_UPKEEP_JOB, day))) return undefined;
    try {
      return await this.work(day);
    } catch (error) {
      // Given back, so that the next check (within the hour) tries again.
      await this.store.jobs.release(DAILY_UPKEEP_JOB, day, addDays(day, -1)).catch(() => undefined);
      throw error;
    }
  }

  /** Runs now, whether or not today was done (a person asked); the day counts as done after. */
  async runNow(): Promise<DailyJobResult> {
    const day = this.options.today();
    const result = await this.work(day);
    await this.store.jobs.markDone(DAILY_UPKEEP_JOB, day);
    return result;
  }

  /**
   * Checks at once and then every `intervalMs`; `onRun` hears of each run that did the day's work.
   * The timer never keeps the process alive.
   */
  schedule(intervalMs: number = DAILY_JOB_CHECK_MS, onRun?: (result: DailyJobResult) => void): Schedule {
    let running: Promise<void> | undefined;
    const check = () => {
      // The hourly check reads no item unless today's work is still to be done.
      running ??= this.runIfClaimed(this.options.today())
        .then((result) => {
          if (result) onRun?.(result);
        })
        .catch((error: unknown) => this.options.logError?.(`the daily upkeep job failed: ${String(error)}`))
        .finally(() => {
          running = undefined;
        });
    };
    const timer = setInterval(check, intervalMs);
    timer.unref();
    check();
    return {
      stop: async () => {
        clearInterval(timer);
        await running;
      },
    };
  }

  private async due(day: string): Promise<DueItem[]> {
    return dueItems(await this.store.listItems(), day, this.windowDays);
  }

  private async work(day: string): Promise<DailyJobResult> {
    const due = await this.due(day);
    const expiredToday: DueItem[] = [];
    for (const item of due.filter((d) => d.reason === 'expired')) {
      if (await this.recordExpiry(item)) expiredToday.push(item);
    }
    const alerts = this.options.alerts ? await sendDueAlert(due, day, this.options.alerts) : [];
    for (const failed of alerts.filter((a) => !a.ok)) this.options.logError?.(`the ${failed.channel} alert failed: ${failed.error}`);
    return { day, ran: true, due, expiredToday, alerts };
  }

  /** Audits a policy's expiry unless it was audited for this expiry date before; true when recorded now. */
  private async recordExpiry(item: DueItem): Promise<boolean> {
    const earlier = await this.store.audit.query({ action: 'item.expired', target: item.id, limit: 100 });
    if (earlier.some((e) => (e.after as { expiryDate?: string } | undefined)?.expiryDate === item.dueDate)) return false;
    await this.store.audit.record({
      actor: 'system',
      action: 'item.expired',
      target: item.id,
      after: { expiryDate: item.dueDate, title: item.title },
      detail: `失效日期 ${item.dueDate}，已不再作为现行政策引用`,
    });
    return true;
  }
}

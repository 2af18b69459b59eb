/**
 * @module enterprise/notices/job
 * The background job behind 精准直达, off every request path: poked when a profile is saved or the
 * store's revision moves (a guide published by any instance), and checked on a timer as the
 * fallback. A pass sweeps for newly fitting enterprises only when something that decides fitting
 * changed (the day, the items, profiles, enterprises, settings — or the rules, at start), then sends
 * what is due. Passes never overlap; a poke during one runs one more after it.
 */
import type { Store } from '../../storage/index.js';
import type { Rule } from '../rules/schema.js';
import { rulesHeld, rulesNow, type RuleSource } from '../rules/source.js';
import { DEFAULT_RETRY_DELAYS_MS, deliverDue, type DeliveryReport } from './deliver.js';
import type { SendSettings } from './send.js';
import { sweepNotices, type SweepReport } from './sweep.js';

export const DEFAULT_NOTICE_CHECK_MS = 30_000;
/** A full sweep at least this often, whatever the change checks say (the fallback for anything they miss). */
const FULL_SWEEP_MS = 60 * 60_000;
/**
 * An incremental sweep looks this far behind its last start: rows are stamped by the clock of the
 * instance that wrote them, and sweeping an enterprise twice costs nothing but time.
 */
const CLOCK_MARGIN_MS = 5 * 60_000;

export interface NoticeJobOptions {
  /** The rules, or the rule book whose published rules each pass reads (a newly published version notifies). */
  rules: readonly Rule[] | RuleSource;
  /** `YYYY-MM-DD` in the zone: the date rules are evaluated as of. */
  today: () => string;
  now?: () => Date;
  send: SendSettings;
  retryDelaysMs?: readonly number[];
  /** Notices written per transaction (default 250); tests make it small to cross chunk boundaries. */
  writeChunk?: number;
  /** The timer's period; 0: no timer (tests drive `run`). */
  checkMs?: number;
  logError?: (message: string) => void;
}

export interface NoticePassReport {
  sweep?: SweepReport;
  delivery: DeliveryReport;
}

export class NoticeJob {
  #lastSignature: string | undefined;
  /** `day|revision` of the last full sweep: a new day or changed items (a guide) sweep everyone again. */
  #lastBase: string | undefined;
  #lastFullAt = Number.NEGATIVE_INFINITY;
  #lastSweepAt = 0;
  #running: Promise<NoticePassReport> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #stopWatching: (() => Promise<void>) | undefined;
  #stopped = false;
  #started = false;

  constructor(
    private readonly store: Store,
    private readonly options: NoticeJobOptions,
  ) {}

  /** The rules last read (the outreach list's choice of rules). */
  get rules(): readonly Rule[] {
    return rulesHeld(this.options.rules);
  }

  get sendSettings(): SendSettings {
    return this.options.send;
  }

  /** Starts the timer and listens for store changes (any instance's). */
  async start(): Promise<void> {
    this.#started = true;
    const checkMs = this.options.checkMs ?? DEFAULT_NOTICE_CHECK_MS;
    if (checkMs > 0) {
      this.#timer = setInterval(() => this.poke(), checkMs);
      this.#timer.unref();
    }
    this.#stopWatching = await this.store.watchRevision(() => this.poke()).catch(() => undefined);
    this.poke();
  }

  /** Asks for a pass soon once started (a job a test drives ignores it); never waits and never throws (errors go to the log). */
  poke(): void {
    if (this.#stopped || !this.#started) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    void this.run().catch((e: unknown) => this.options.logError?.(`enterprise notices: ${e instanceof Error ? e.message : String(e)}`));
  }

  /** One pass now (after the running one); its report. */
  async run(): Promise<NoticePassReport> {
    while (this.#running) await this.#running.catch(() => undefined);
    this.#again = false;
    this.#running = this.#pass();
    try {
      return await this.#running;
    } finally {
      this.#running = undefined;
      if (this.#again && !this.#stopped) this.poke();
    }
  }

  /** Waits for the pass in progress, if any (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.#running) await this.#running.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#stopWatching?.();
    await this.settle();
  }

  async #pass(): Promise<NoticePassReport> {
    const asOf = this.options.today();
    const now = this.options.now ?? (() => new Date());
    const base = `${asOf}|${await this.store.revision()}`;
    const signature = await this.store.notices.signature();
    const started = now().getTime();
    const settings = { emailEnabled: Boolean(this.options.send.smtpUrl), now, ...(this.options.writeChunk ? { writeChunk: this.options.writeChunk } : {}) };
    const rules = await rulesNow(this.options.rules);
    let sweep: SweepReport | undefined;
    if (base !== this.#lastBase || started - this.#lastFullAt >= FULL_SWEEP_MS) {
      sweep = await sweepNotices(this.store, rules, asOf, settings);
      this.#lastBase = base;
      this.#lastFullAt = started;
    } else if (signature !== this.#lastSignature) {
      // Only profiles, accounts or settings moved: the enterprises they belong to.
      const changed = await this.store.notices.changedSince(new Date(this.#lastSweepAt - CLOCK_MARGIN_MS));
      sweep = await sweepNotices(this.store, rules, asOf, settings, changed);
    }
    this.#lastSignature = signature;
    this.#lastSweepAt = started;
    const delivery = await deliverDue(this.store, this.options.send, now, this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS);
    return { ...(sweep ? { sweep } : {}), delivery };
  }
}

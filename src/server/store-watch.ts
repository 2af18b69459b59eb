/**
 * @module server/store-watch
 * Rides out the database being unreachable (PostgreSQL restarting, the network): answers still
 * come from the index in memory, while this module notices the outage once, says so in the log
 * once, keeps the question log in a bounded buffer (what does not fit is counted as dropped), probes
 * the store until it answers again, then writes the buffer out and says so once. Other store errors
 * are not its business: they stay errors.
 */
import { isUnreachable } from '../storage/unreachable.js';
import type { NewQuestion, SessionState, Store } from '../storage/index.js';

export interface StoreWatchOptions {
  log: (message: string) => void;
  /** How often to try the store while it is unreachable. */
  probeMs?: number;
  /** Turns kept for the question log while it is unreachable; more are dropped (and counted). */
  bufferLimit?: number;
  now?: () => Date;
}

export interface StoreOutage {
  since: Date;
  reason: string;
}

export const DEFAULT_PROBE_MS = 2_000;
/** About an hour of a busy hall's questions; a turn is a few hundred bytes. */
export const DEFAULT_BUFFER_LIMIT = 10_000;

export class StoreWatch {
  #outage?: StoreOutage;
  #buffer: NewQuestion[] = [];
  #dropped = 0;
  #probe?: NodeJS.Timeout;
  #flushing?: Promise<void>;
  readonly #now: () => Date;

  constructor(
    private readonly store: Store,
    private readonly options: StoreWatchOptions,
  ) {
    this.#now = options.now ?? (() => new Date());
  }

  /** Undefined while the store answers; since when and why not, while it does not. */
  get outage(): StoreOutage | undefined {
    return this.#outage;
  }

  get buffered(): number {
    return this.#buffer.length;
  }

  get dropped(): number {
    return this.#dropped;
  }

  /**
   * Reports an error of a store call: true when it means the database is unreachable (the outage
   * is then noted, logged if it is new, and probed until it ends), false for any other error.
   */
  failed(error: unknown): boolean {
    if (!isUnreachable(error)) return false;
    if (!this.#outage) {
      const reason = error instanceof Error ? error.message || error.name : String(error);
      this.#outage = { since: this.#now(), reason };
      this.options.log(`the database is unreachable (${reason}): answering from memory; the question log is kept until it is back`);
      this.#startProbing();
    }
    return true;
  }

  /** Writes a turn to the question log, or keeps it for later while the database is unreachable. */
  async logQuestion(question: NewQuestion): Promise<void> {
    const turn = { ...question, askedAt: question.askedAt ?? this.#now() };
    if (this.#outage || this.#flushing) {
      this.#keep(turn);
      return;
    }
    try {
      await this.store.logQuestion(turn);
    } catch (error) {
      if (!this.failed(error)) throw error;
      this.#keep(turn);
    }
  }

  /** Stops probing; what is still buffered is written if the store answers now. */
  async close(): Promise<void> {
    clearInterval(this.#probe);
    this.#probe = undefined;
    if (this.#flushing) await this.#flushing;
    if (this.#buffer.length) await this.#flush().catch(() => undefined);
  }

  /**
   * The store as the assistant should see it: a conversation's context that cannot be read or
   * saved during an outage is lost (the answer is not), every other call is the store's own.
   */
  forAnswering(): Store {
    const watch = this;
    return new Proxy(this.store, {
      get(target, property, receiver) {
        if (property === 'getSession') {
          return (id: string) => target.getSession(id).catch((error: unknown) => (watch.failed(error) ? undefined : Promise.reject(error)));
        }
        if (property === 'saveSession') {
          return (id: string, state: SessionState) =>
            target.saveSession(id, state).catch((error: unknown) => (watch.failed(error) ? undefined : Promise.reject(error)));
        }
        const value: unknown = Reflect.get(target, property, receiver);
        // Methods of the real store run on it (its private fields), not on the proxy.
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  #keep(turn: NewQuestion): void {
    if (this.#buffer.length >= (this.options.bufferLimit ?? DEFAULT_BUFFER_LIMIT)) this.#dropped++;
    else this.#buffer.push(turn);
  }

  #startProbing(): void {
    if (this.#probe) return;
    this.#probe = setInterval(() => void this.#tryStore(), this.options.probeMs ?? DEFAULT_PROBE_MS);
    // The probe alone must never keep a process alive.
    this.#probe.unref();
  }

  async #tryStore(): Promise<void> {
    if (!this.#outage || this.#flushing) return;
    try {
      await this.store.revision();
    } catch {
      return;
    }
    const seconds = Math.round((this.#now().getTime() - this.#outage.since.getTime()) / 1000);
    this.#outage = undefined;
    clearInterval(this.#probe);
    this.#probe = undefined;
    const waiting = this.#buffer.length;
    this.#flushing = this.#flush()
      .then(
        () => this.options.log(`the database answers again after ${seconds} s; ${waiting} questions kept meanwhile are in the log${this.#dropped ? `, ${this.#dropped} did not fit and were dropped` : ''}`),
        (error: unknown) => {
          if (!this.failed(error)) this.options.log(`writing the kept questions failed: ${error instanceof Error ? error.message : String(error)}`);
        },
      )
      .finally(() => {
        this.#flushing = undefined;
      });
  }

  /**
   * Writes the buffer in order. A turn stays buffered until it is written, or until the store
   * refuses it for another reason than being unreachable (then it is dropped: it never will be).
   */
  async #flush(): Promise<void> {
    while (this.#buffer.length) {
      try {
        await this.store.logQuestion(this.#buffer[0]!);
      } catch (error) {
        if (isUnreachable(error)) throw error;
        this.#dropped++;
        this.options.log(`a kept question could not be logged and was dropped: ${error instanceof Error ? error.message : String(error)}`);
      }
      this.#buffer.shift();
    }
  }
}

/**
 * @module server/answer-queue
 * Answering under load: at most `concurrency` questions are answered at once (answering is CPU
 * work on one thread; a few at once only lets their database round trips overlap), at most
 * `maxWaiting` wait for a turn, and none waits longer than `maxWaitMs`. Beyond that the client is
 * told at once to come back (503 with Retry-After) instead of waiting for a time-out. A turn is
 * handed on in a later round of the event loop, never straight from the last answer, so health
 * checks and other requests get in between answers however long the queue.
 */
import { unavailable } from './errors.js';

export interface AnswerQueueOptions {
  concurrency?: number;
  maxWaiting?: number;
  maxWaitMs?: number;
}

export const DEFAULT_ANSWER_CONCURRENCY = 4;
export const DEFAULT_MAX_WAITING = 64;
export const DEFAULT_MAX_WAIT_MS = 2_000;

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const busy = () => unavailable('the assistant is busy; try again in a moment', 1);
const stopping = () => unavailable('the server is stopping; try again in a moment', 1);

export class AnswerQueue {
  #running = 0;
  readonly #waiting: Waiter[] = [];
  #pumpScheduled = false;
  #refused = 0;
  #closed = false;
  /** Resolved when the last running answer is done, while closing. */
  #drained?: () => void;
  readonly #concurrency: number;
  readonly #maxWaiting: number;
  readonly #maxWaitMs: number;

  constructor(options: AnswerQueueOptions = {}) {
    this.#concurrency = Math.max(1, options.concurrency ?? DEFAULT_ANSWER_CONCURRENCY);
    this.#maxWaiting = Math.max(0, options.maxWaiting ?? DEFAULT_MAX_WAITING);
    this.#maxWaitMs = Math.max(1, options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS);
  }

  /** Questions waiting for a turn now. */
  get waiting(): number {
    return Math.max(0, this.#waiting.length - this.#free());
  }

  /** Questions turned away since start (queue full, or waited too long). */
  get refused(): number {
    return this.#refused;
  }

  /**
   * Stops taking questions: those waiting get a 503 at once, and this resolves when the ones being
   * answered are done — before the store they need is closed under them.
   */
  async close(): Promise<void> {
    this.#closed = true;
    for (const waiter of this.#waiting.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(stopping());
    }
    if (this.#running > 0) await new Promise<void>((resolve) => (this.#drained = resolve));
  }

  /** Runs `task` when a turn is free; rejects with a 503 when the queue is full or the wait too long. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#closed) throw stopping();
    // Even a free turn is taken from the pump: an answer never starts while requests are being
    // read, so that every request that has arrived (a /healthz) is read before the next answer.
    await this.#turn();
    try {
      return await task();
    } finally {
      this.#running--;
      if (this.#running === 0) this.#drained?.();
      this.#schedulePump();
    }
  }

  /** Waits for a turn; the pump that hands it over has already counted it as running. */
  #turn(): Promise<void> {
    // Those about to take a free turn (the pump has not run yet) are not waiting.
    if (this.#waiting.length - this.#free() >= this.#maxWaiting) {
      this.#refused++;
      return Promise.reject(busy());
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          const at = this.#waiting.indexOf(waiter);
          if (at < 0) return;
          this.#waiting.splice(at, 1);
          this.#refused++;
          reject(busy());
        }, this.#maxWaitMs),
      };
      this.#waiting.push(waiter);
      this.#schedulePump();
    });
  }

  #free(): number {
    return Math.max(0, this.#concurrency - this.#running);
  }

  #schedulePump(): void {
    if (this.#pumpScheduled || !this.#waiting.length) return;
    this.#pumpScheduled = true;
    // setImmediate, not a resolved promise: pending I/O (a /healthz, a new request) runs first.
    // One turn a round: answering is CPU work that holds the thread until it is done.
    setImmediate(() => {
      this.#pumpScheduled = false;
      if (this.#running >= this.#concurrency) return;
      const next = this.#waiting.shift();
      if (!next) return;
      clearTimeout(next.timer);
      this.#running++;
      next.resolve();
      this.#schedulePump();
    });
  }
}

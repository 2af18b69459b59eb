/**
 * @module server/engine
 * The answering engine as the server sees it, and a gate that holds requests off with a 503 while
 * it is still being built (the server listens first, so that health checks answer during start-up).
 */
import type { Answer } from '../answering/answer.js';
import type { AskOptions } from '../answering/assistant.js';
import type { SearchIndex } from '../search/search-index.js';
import { unavailable } from './errors.js';

/** The part of the assistant the server uses (the real `Assistant`, or a stand-in in tests). */
export interface ChatEngine {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  refresh(): Promise<boolean>;
  /** The search index answers come from (the real assistant has one): for hit testing and themes. */
  readonly searchIndex?: SearchIndex;
}

export type EngineState = 'starting' | 'ready' | 'failed';

export class EngineGate {
  #engine?: ChatEngine;
  #failed = false;

  constructor(engine: ChatEngine | Promise<ChatEngine>, onFailure: (error: unknown) => void) {
    if (isPromise(engine)) {
      engine.then(
        (ready) => {
          this.#engine = ready;
        },
        (error: unknown) => {
          this.#failed = true;
          onFailure(error);
        },
      );
    } else {
      this.#engine = engine;
    }
  }

  get state(): EngineState {
    return this.#engine ? 'ready' : this.#failed ? 'failed' : 'starting';
  }

  /** The engine, when it is built. */
  get current(): ChatEngine | undefined {
    return this.#engine;
  }

  /** The engine, or a 503 for the client to retry. */
  require(): ChatEngine {
    if (this.#engine) return this.#engine;
    throw this.#failed
      ? unavailable('the assistant could not start; the server log has the details', 60)
      : unavailable('the assistant is starting; try again in a few seconds');
  }
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown }).then === 'function';
}

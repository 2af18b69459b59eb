/**
 * @module storage/transaction-db
 * The `Db` handed to a transaction's callback, shared by both drivers: it nests further
 * transactions as savepoints and refuses to be used once its transaction has ended.
 */
import type { Db, DbKind } from './db.js';

/** The two calls a driver's open transaction provides. */
export interface TransactionExecutor {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

export class TransactionDb implements Db {
  #finished = false;
  #savepoints = 0;

  constructor(
    readonly kind: DbKind,
    private readonly executor: TransactionExecutor,
  ) {}

  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    this.#assertOpen();
    return this.executor.query<T>(sql, params);
  }

  exec(sql: string): Promise<void> {
    this.#assertOpen();
    return this.executor.exec(sql);
  }

  listen(): Promise<() => Promise<void>> {
    // A transaction ends; a listener lives as long as the store it was asked of.
    return Promise.reject(new Error('xiaoxin storage: listen on the store, not inside a transaction'));
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    this.#assertOpen();
    // Savepoint names are generated, never taken from input, so interpolating them is safe.
    const name = `xiaoxin_savepoint_${++this.#savepoints}`;
    await this.executor.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn(this);
      await this.executor.exec(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      // If even the rollback fails the outer transaction is lost anyway; report the first error.
      await this.executor.exec(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
      throw error;
    }
  }

  close(): Promise<void> {
    return Promise.reject(
      new Error('xiaoxin storage: close() was called on a transaction; close the database instead'),
    );
  }

  /** Called by the driver when the transaction commits or rolls back. */
  finish(): void {
    this.#finished = true;
  }

  #assertOpen(): void {
    // A query issued after the callback returned (a forgotten `await`) would otherwise run outside
    // the transaction, or on a connection already handed to someone else.
    if (this.#finished) {
      throw new Error('xiaoxin storage: a transaction was used after it had ended (a missing await?)');
    }
  }
}

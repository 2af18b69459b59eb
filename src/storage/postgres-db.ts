/**
 * @module storage/postgres-db
 * The `Db` over a PostgreSQL server through a node-postgres pool, for deployments that run
 * several xiaoxin instances against one database.
 */
import pg from 'pg';
import type { Db } from './db.js';
import { listenPostgres } from './pg-listener.js';
import { TransactionDb } from './transaction-db.js';

/** How long to wait for a connection before giving up; pg's default is to wait forever. */
const CONNECT_TIMEOUT_MS = 10_000;

/** Connects to the PostgreSQL server at `url` and checks that it answers. */
export async function openPostgresDb(url: string): Promise<Db> {
  const where = describeDatabaseUrl(url);
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection that breaks (server restart, network) is dropped by the pool and replaced on
  // the next query; without a listener the 'error' event would bring the whole process down.
  // Said once a minute at most: a restarting server breaks every idle connection at once.
  let warnedAt = -Infinity;
  pool.on('error', (error) => {
    if (performance.now() - warnedAt < 60_000) return;
    warnedAt = performance.now();
    process.emitWarning(`xiaoxin storage: an idle connection to ${where} failed: ${error.message}`);
  });
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new Error(`xiaoxin storage: cannot connect to PostgreSQL at ${where}: ${reason}`, { cause: error });
  }
  return new PostgresDb(pool, url);
}

/** A connection string fit for messages and logs: the password and query options left out. */
export function describeDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(a connection string that is not a URL)';
  }
  const user = parsed.username ? `${parsed.username}${parsed.password ? ':***' : ''}@` : '';
  return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname}`;
}

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  #closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
  ) {}

  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    return listenPostgres(this.url, channel, onNotify);
  }

  async query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  async exec(sql: string): Promise<void> {
    // Without parameters node-postgres uses the simple protocol, which accepts several statements.
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // The pool listens for errors of idle connections only: one lost between two statements of a
    // transaction would otherwise end the process (the server stopped mid-transaction). Its next
    // statement fails, and the connection is not given back to the pool.
    const lost = (error: Error): void => {
      broken ??= error;
    };
    client.on('error', lost);
    const tx = new TransactionDb('postgres', {
      query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
      exec: async (sql: string) => {
        await client.query(sql);
      },
    });
    try {
      await client.query('BEGIN');
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        // A connection that cannot even roll back must not go back to the pool.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      tx.finish();
      client.off('error', lost);
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.pool.end();
  }
}

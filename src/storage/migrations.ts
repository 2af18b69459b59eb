/**
 * @module storage/migrations
 * The database schema as an ordered list of migrations, each applied exactly once, even when
 * several xiaoxin instances start at the same moment against one PostgreSQL server.
 */
import { BACK_OFFICE_MIGRATION } from './back-office-schema.js';
import { DIRECTORY_MIGRATION } from './directory-schema.js';
import { ENTERPRISE_MIGRATION } from './enterprise-schema.js';
import { HOT_QUESTIONS_MIGRATION } from './hot-questions-schema.js';
import { LOGIN_FAILURES_MIGRATION } from './login-failures-schema.js';
import { NOTICES_MIGRATION } from './notices-schema.js';
import { RULES_MIGRATION } from './rules-schema.js';
import { UPKEEP_MIGRATION } from './upkeep-schema.js';
import type { Db } from './db.js';

export interface Migration {
  /** 1, 2, 3 … with no gaps; never renumber or edit a migration that has shipped. */
  version: number;
  name: string;
  /** One or more statements; run inside the migration's transaction. */
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'items, revision and sessions',
    sql: `
      CREATE TABLE items (
        id text PRIMARY KEY,
        kind text NOT NULL,
        title text NOT NULL,
        category text,
        -- The whole validated item except its timestamps, which live in the columns below.
        data jsonb NOT NULL,
        content_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX items_kind_idx ON items (kind);
      CREATE INDEX items_category_idx ON items (category);

      -- A one-row counter rather than a sequence: it rolls back with a failed write, and locking
      -- its row is what serialises writers across instances.
      CREATE TABLE store_revision (
        id integer PRIMARY KEY CHECK (id = 1),
        value bigint NOT NULL
      );
      INSERT INTO store_revision (id, value) VALUES (1, 0);

      CREATE TABLE sessions (
        id text PRIMARY KEY,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_updated_at_idx ON sessions (updated_at);
    `,
  },
  {
    version: 2,
    name: 'question log',
    sql: `
      -- Every question asked and what was answered, for the home screen's frequent questions and
      -- the back office's insights. The text is redacted before it gets here.
      CREATE TABLE question_log (
        id text PRIMARY KEY,
        -- No foreign key: sessions are deleted after a day, the log stays.
        session_id text,
        channel text NOT NULL,
        question text NOT NULL,
        question_key text NOT NULL,
        answer_type text NOT NULL,
        confidence double precision NOT NULL,
        cited_ids jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        helpful boolean,
        feedback_comment text,
        feedback_at timestamptz
      );
      CREATE INDEX question_log_created_at_idx ON question_log (created_at);
      CREATE INDEX question_log_key_idx ON question_log (question_key, created_at);
      CREATE INDEX question_log_session_idx ON question_log (session_id);
    `,
  },
  BACK_OFFICE_MIGRATION,
  UPKEEP_MIGRATION,
  HOT_QUESTIONS_MIGRATION,
  LOGIN_FAILURES_MIGRATION,
  ENTERPRISE_MIGRATION,
  NOTICES_MIGRATION,
  DIRECTORY_MIGRATION,
  RULES_MIGRATION,
  {
    version: 11,
    name: 'items in bytewise id order',
    sql: `
      -- Items are listed in pages in bytewise id order (storage/sql-store listItems); the primary
      -- key's index follows the database's collation, which on a server may be another order.
      CREATE INDEX items_id_bytewise_idx ON items (id COLLATE "C");
    `,
  },
];

/**
 * An arbitrary constant key for `pg_advisory_xact_lock`, so that concurrent migrators queue up
 * instead of racing to create the same tables. Never change it: old and new instances must agree.
 */
const MIGRATION_LOCK_KEY = '7811372444510574';

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction,
 * and returns the versions applied (empty when the schema was current).
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  checkOrder(migrations);
  const applied: number[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      // Held until this transaction ends; whoever waited re-reads the applied versions after it.
      await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      await tx.exec(`
        CREATE TABLE IF NOT EXISTS schema_migrations (
          version integer PRIMARY KEY,
          name text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`);
      const done = new Set(await appliedVersions(tx));
      const newest = Math.max(0, ...done);
      const known = migrations[migrations.length - 1]?.version ?? 0;
      if (newest > known) {
        throw new Error(
          `xiaoxin storage: the database schema is at version ${newest}, newer than this xiaoxin knows ` +
            `(${known}); upgrade xiaoxin before using this database`,
        );
      }
      if (done.has(migration.version)) return false;
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `xiaoxin storage: migration ${migration.version} (${migration.name}) failed: ${reason}`,
          { cause: error },
        );
      }
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}

/** The versions recorded in `schema_migrations`, ascending; empty when the table does not exist. */
export async function appliedVersions(db: Db): Promise<number[]> {
  const exists = await db.query<{ found: boolean }>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS found`,
  );
  if (!exists[0]?.found) return [];
  const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  return rows.map((row) => Number(row.version));
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `xiaoxin storage: migration "${migration.name}" has version ${migration.version}; ` +
          `expected ${index + 1} (versions must run 1, 2, 3 … without gaps)`,
      );
    }
  });
}

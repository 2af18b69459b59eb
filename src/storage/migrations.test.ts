/**
 * @module storage/migrations.test
 * Migrations run once each, atomically, and safely when several instances start together.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from './db.js';
import { openStore } from './index.js';
import { appliedVersions, migrate, MIGRATIONS, type Migration } from './migrations.js';
import { faq, pgliteMemoryBackend, postgresBackend, type TestTarget } from './test-support.js';

for (const backend of [pgliteMemoryBackend, postgresBackend]) {
  describe.skipIf(!backend.enabled)(`migrations on ${backend.name}`, () => {
    let target: TestTarget;
    let db: Db;

    // A fresh database per test: migrations are about what an empty database turns into.
    beforeEach(async () => {
      target = await backend.create();
      db = await openDb(target.options);
    });

    afterEach(async () => {
      await db?.close();
      await target?.cleanup();
    });

    it('applies each migration once', async () => {
      expect(await appliedVersions(db)).toEqual([]);
      expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(db)).toEqual([]);
      expect(await appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
      const tables = await db.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = current_schema() ORDER BY table_name`,
      );
      expect(tables.map((t) => t.name)).toEqual([
        'accounts',
        'audit_log',
        'directory_entries',
        'directory_entry_versions',
        'directory_revision',
        'enterprise_fact_versions',
        'enterprise_facts',
        'enterprise_notice_settings',
        'enterprise_notices',
        'enterprise_sessions',
        'enterprise_users',
        'enterprises',
        'hot_question_curation',
        'item_versions',
        'items',
        'job_runs',
        'login_failures',
        'login_sessions',
        'notice_deliveries',
        'oidc_logins',
        'question_log',
        'rule_versions',
        'schema_migrations',
        'sessions',
        'store_revision',
      ]);
      // bigint comes back as a string from node-postgres and a number from PGlite; compare as int.
      expect(await db.query('SELECT id, value::integer AS value FROM store_revision')).toEqual([{ id: 1, value: 0 }]);
    });

    it('applies each migration once when two migrators race on one database handle', async () => {
      const results = await Promise.all([migrate(db), migrate(db), migrate(db)]);
      expect(results.flat().sort((a, b) => a - b)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('rolls a failing migration back completely', async () => {
      const broken: Migration[] = [
        ...MIGRATIONS,
        {
          version: MIGRATIONS.length + 1,
          name: 'half done',
          sql: 'CREATE TABLE half_done (x integer); SELECT no_such_function();',
        },
      ];
      await expect(migrate(db, broken)).rejects.toThrow(
        new RegExp(`^xiaoxin storage: migration ${MIGRATIONS.length + 1} \\(half done\\) failed: .*no_such_function`),
      );
      expect(await appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await db.query(`SELECT to_regclass('half_done') AS t`)).toEqual([{ t: null }]);
    });

    it('refuses a database from a newer xiaoxin', async () => {
      await migrate(db);
      await db.query(`INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')`);
      await expect(migrate(db)).rejects.toThrow(
        /^xiaoxin storage: the database schema is at version 99, newer than this xiaoxin knows/,
      );
    });

    it('refuses a list of migrations with gaps', async () => {
      await expect(migrate(db, [{ version: 2, name: 'two', sql: 'SELECT 1' }])).rejects.toThrow(
        'xiaoxin storage: migration "two" has version 2; expected 1',
      );
    });
  });
}

describe.skipIf(!postgresBackend.enabled)('migrations with several instances on one PostgreSQL', () => {
  let target: TestTarget;

  beforeEach(async () => {
    target = await postgresBackend.create();
  });

  afterEach(async () => {
    await target?.cleanup();
  });

  it('applies each migration once when instances start at the same moment', async () => {
    const stores = await Promise.all(Array.from({ length: 6 }, () => openStore(target.options)));
    try {
      const db = await openDb(target.options);
      try {
        const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
      } finally {
        await db.close();
      }
      // Every instance works on the same tables.
      await stores[0]!.upsertItems([faq('shared')]);
      for (const store of stores) expect(await store.getItem('shared')).toMatchObject({ id: 'shared' });
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});

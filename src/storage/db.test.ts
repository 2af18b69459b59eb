/**
 * @module storage/db.test
 * Both drivers behave the same behind `Db`: parameters, types, transactions, savepoints, errors.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from './db.js';
import { LOCK_FILE } from './folder-lock.js';
import { makeTempDir, pgliteMemoryBackend, postgresBackend, type TestTarget } from './test-support.js';

for (const backend of [pgliteMemoryBackend, postgresBackend]) {
  describe.skipIf(!backend.enabled)(`Db on ${backend.name}`, () => {
    let target: TestTarget;
    let db: Db;

    beforeAll(async () => {
      target = await backend.create();
      db = await openDb(target.options);
      await db.exec('CREATE TABLE t (id text PRIMARY KEY, doc jsonb, at timestamptz)');
    });

    afterAll(async () => {
      await db?.close();
      await target?.cleanup();
    });

    beforeEach(async () => {
      await db.exec('TRUNCATE t');
    });

    const ids = async () => (await db.query<{ id: string }>('SELECT id FROM t ORDER BY id')).map((r) => r.id);

    it('says which driver it is', () => {
      expect(db.kind).toBe(target.options.databaseUrl ? 'postgres' : 'pglite');
    });

    it('passes parameters and returns jsonb parsed and timestamptz as Date', async () => {
      const doc = { 名称: '营业执照', list: [1, 'two', null], quote: `it's "quoted" $1` };
      await db.query('INSERT INTO t (id, doc, at) VALUES ($1, $2::jsonb, $3::timestamptz)', [
        'a',
        JSON.stringify(doc),
        '2025-03-01T08:00:00.123Z',
      ]);
      const rows = await db.query<{ id: string; doc: unknown; at: Date }>('SELECT * FROM t WHERE id = $1', ['a']);
      expect(rows).toEqual([{ id: 'a', doc, at: new Date('2025-03-01T08:00:00.123Z') }]);
      expect(await db.query('SELECT id FROM t WHERE id = $1', ["a' OR '1'='1"])).toEqual([]);
    });

    it('commits a transaction and returns its result', async () => {
      const result = await db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (id) VALUES ($1)', ['a']);
        return (await tx.query<{ n: number | string }>('SELECT count(*) AS n FROM t'))[0]?.n;
      });
      expect(Number(result)).toBe(1);
      expect(await ids()).toEqual(['a']);
    });

    it('rolls a transaction back when its callback throws, passing the error on', async () => {
      const failure = new Error('boom');
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO t (id) VALUES ($1)', ['a']);
          throw failure;
        }),
      ).rejects.toBe(failure);
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO t (id) VALUES ($1)', ['b']);
          await tx.query('INSERT INTO t (id) VALUES ($1)', ['b']);
        }),
      ).rejects.toThrow(/duplicate key/);
      expect(await ids()).toEqual([]);
    });

    it('nests transactions as savepoints', async () => {
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (id) VALUES ($1)', ['outer']);
        await expect(
          tx.transaction(async (inner) => {
            await inner.query('INSERT INTO t (id) VALUES ($1)', ['inner-lost']);
            throw new Error('inner fails');
          }),
        ).rejects.toThrow('inner fails');
        await tx.transaction(async (inner) => {
          await inner.query('INSERT INTO t (id) VALUES ($1)', ['inner-kept']);
        });
      });
      expect(await ids()).toEqual(['inner-kept', 'outer']);
    });

    it('refuses a transaction handle once the transaction has ended', async () => {
      let leaked: Db | undefined;
      await db.transaction(async (tx) => {
        leaked = tx;
      });
      await expect(async () => leaked!.query('SELECT 1')).rejects.toThrow(
        /^xiaoxin storage: a transaction was used after it had ended/,
      );
      await expect(db.transaction((tx) => tx.close())).rejects.toThrow(/close\(\) was called on a transaction/);
    });

    it('runs several statements with exec', async () => {
      await db.exec(`INSERT INTO t (id) VALUES ('x'); INSERT INTO t (id) VALUES ('y');`);
      expect(await ids()).toEqual(['x', 'y']);
    });
  });
}

describe('opening a PGlite data folder', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await makeTempDir();
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names a data folder that is a file', async () => {
    const file = path.join(dir, 'a-file');
    await writeFile(file, 'not a folder');
    await expect(openDb({ dataDir: file })).rejects.toThrow(
      `xiaoxin storage: cannot open the data folder "${file}": it is a file, not a folder`,
    );
    await expect(openDb({ dataDir: path.join(file, 'data') })).rejects.toThrow(
      `xiaoxin storage: cannot open the data folder "${path.join(file, 'data')}": a part of the path is a file`,
    );
  });

  it('refuses a folder that holds other files', async () => {
    const folder = path.join(dir, 'documents');
    await mkdir(folder);
    await writeFile(path.join(folder, '办事指南.docx'), 'x');
    await expect(openDb({ dataDir: folder })).rejects.toThrow(
      `xiaoxin storage: cannot open the data folder "${folder}": it already holds other files ("办事指南.docx")`,
    );
  });

  // (Creating a missing, nested folder is covered by the folder backend of sql-store.test.ts.)
  it('accepts a folder holding only hidden files, and reclaims the lock of a dead process', async () => {
    const folder = path.join(dir, 'hidden');
    await mkdir(folder);
    await writeFile(path.join(folder, '.gitkeep'), '');
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    await writeLock(folder, deadPid);
    const db = await openDb({ dataDir: folder });
    try {
      expect(db.kind).toBe('pglite');
      expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      expect(JSON.parse(await readFile(path.join(folder, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
      await expect(openDb({ dataDir: folder })).rejects.toThrow(
        `xiaoxin storage: the data folder "${folder}" is in use: it is already open in this process`,
      );
    } finally {
      await db.close();
      await db.close();
    }
    expect(existsSync(path.join(folder, LOCK_FILE))).toBe(false);

    // A lock left with our own pid is from an earlier life of this pid (a restarted container).
    await writeLock(folder, process.pid);
    const reopened = await openDb({ dataDir: folder });
    await reopened.close();
  });

  it('refuses a folder another live process has open', async () => {
    const folder = path.join(dir, 'busy');
    await mkdir(folder);
    await writeLock(folder, 1);
    await expect(openDb({ dataDir: folder })).rejects.toThrow(
      new RegExp(`^xiaoxin storage: the data folder "${folder}" is in use: process 1 on ${os.hostname()} has had it open`),
    );
    expect(existsSync(path.join(folder, LOCK_FILE))).toBe(true);
  });
});

async function writeLock(folder: string, pid: number | undefined): Promise<void> {
  const owner = { pid, hostname: os.hostname(), since: '2025-03-01T08:00:00.000Z' };
  await writeFile(path.join(folder, LOCK_FILE), JSON.stringify(owner));
}

describe('connecting to PostgreSQL', () => {
  it('names the server, without the password, when it cannot connect', async () => {
    const attempt = openDb({ databaseUrl: 'postgres://xiaoxin:s3cret@127.0.0.1:1/xiaoxin?sslmode=disable' });
    await expect(attempt).rejects.toThrow(
      /^xiaoxin storage: cannot connect to PostgreSQL at postgres:\/\/xiaoxin:\*\*\*@127\.0\.0\.1:1\/xiaoxin: /,
    );
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });
});

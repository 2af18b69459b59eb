/**
 * @module server/admin/import-crash.test
 * A process killed (kill -9) in the middle of a large import commit leaves the store as it was:
 * after reopening, the import is there entirely or not at all, never in part. Run on a PGlite
 * data folder and (with XIAOXIN_TEST_DATABASE_URL) PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type SqlStore, type StoreOptions } from '../../storage/index.js';
import { pgliteFolderBackend, postgresBackend, type TestTarget } from '../../storage/test-support.js';

const CHILD = fileURLToPath(new URL('./import-crash-test-support.ts', import.meta.url));
const ITEMS = 600;

/** Runs the child; resolves with its output once it exits, or kills it as soon as it prints `killAt`. */
function runChild(options: StoreOptions, extra: string[], killAt?: string): Promise<{ code: number | null; signal: string | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(options), String(ITEMS), ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (killAt && out.includes(`${killAt}\n`)) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, out, err }));
  });
}

async function countStored(options: StoreOptions) {
  const store = (await openStore(options)) as SqlStore;
  try {
    const n = async (sql: string) => Number((await store.db.query<{ n: string }>(sql))[0]!.n);
    return {
      versions: await n('SELECT count(*) AS n FROM item_versions'),
      audit: await n(`SELECT count(*) AS n FROM audit_log WHERE action IN ('import.commit', 'item.save-draft', 'item.submit')`),
    };
  } finally {
    await store.close();
  }
}

for (const backend of [pgliteFolderBackend, postgresBackend]) {
  describe.skipIf(!backend.enabled)(`an import commit killed midway on ${backend.name}`, () => {
    let target: TestTarget;
    beforeEach(async () => {
      target = await backend.create();
    });
    afterEach(async () => target?.cleanup());

    it(`leaves none of ${ITEMS} drafts after kill -9 at the 300th, and all of them when it runs to the end`, async () => {
      const killed = await runChild(target.options, ['--hang-after', '300'], 'saved 300');
      expect(killed.signal, killed.err).toBe('SIGKILL');
      expect(await countStored(target.options)).toEqual({ versions: 0, audit: 0 });

      const started = Date.now();
      const complete = await runChild(target.options, []);
      expect(complete.code, complete.err).toBe(0);
      expect(complete.out).toContain('committed');
      process.stdout.write(`${backend.name}: a ${ITEMS}-item draft commit took ${Date.now() - started} ms (child process included)\n`);
      expect(await countStored(target.options)).toEqual({ versions: ITEMS, audit: 2 * ITEMS + 1 });
    }, 300_000);
  });
}

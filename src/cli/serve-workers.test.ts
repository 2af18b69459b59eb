/**
 * `XIAOXIN_WORKERS=2 xiaoxin serve` on a real PostgreSQL: two server processes
 * answering on one port, a worker that dies replaced, and everything stopped by one SIGTERM. On
 * PGlite the setting is refused with a message that says why.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '../test/throwaway-postgres.js';
import { startCli, type RunningCli } from './test-support.js';

const SLOW = 240_000;
const LISTENING = /listening on http:\/\/127\.0\.0\.1:(\d+) \((\d+) items/g;

/** The server processes the primary started (not the TypeScript loader's own helper process), from /proc. */
const childrenOf = (pid: number): number[] => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter((id) => id && readFileSync(`/proc/${id}/cmdline`, 'utf8').includes('serve'))
      .map(Number);
  } catch {
    return [];
  }
};

describe('XIAOXIN_WORKERS', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'xiaoxin-workers-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is refused on PGlite, naming the setting and what to do', async () => {
    const run = await startCli(['serve', '--port', '0', '--data', path.join(dir, 'data')], { cwd: dir, env: { XIAOXIN_WORKERS: '2' } }).done;
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('XIAOXIN_WORKERS=2 needs PostgreSQL (DATABASE_URL)');
  }, SLOW);

  describe.skipIf(!postgresBinaries())('on PostgreSQL', () => {
    let postgres: ThrowawayPostgres;
    let server: RunningCli | undefined;
    beforeAll(async () => {
      postgres = await startThrowawayPostgres();
    }, 120_000);
    afterAll(async () => {
      server?.child.kill('SIGKILL');
      await postgres?.remove();
    });

    it('answers from two processes on one port, replaces one that dies, and stops on SIGTERM', async () => {
      // An empty knowledge base: each worker is ready in seconds (the demo's index takes a while, twice).
      server = startCli(['serve', '--port', '0', '--host', '127.0.0.1'], {
        cwd: dir,
        env: { XIAOXIN_WORKERS: '2', DATABASE_URL: postgres.url, XIAOXIN_RATE_LIMIT: '0' },
      });
      const running = server;
      // Each worker says it listens, both on the same port.
      await running.waitForStderr(/(?:listening on[\s\S]*?){2}/, 200_000);
      const ports = [...running.output().stderr.matchAll(LISTENING)].map((m) => m[1]);
      expect(new Set(ports).size).toBe(1);
      expect(running.output().stderr).toContain('starting 2 server processes on one PostgreSQL database');
      const workers = childrenOf(running.child.pid!);
      expect(workers).toHaveLength(2);

      const base = `http://127.0.0.1:${ports[0]}`;
      for (let i = 0; i < 6; i++) {
        const res = await fetch(`${base}/api/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ message: '营业执照怎么办' }),
        });
        expect(res.status).toBe(200);
      }

      process.kill(workers[0]!, 'SIGKILL');
      await running.waitForStderr(/worker \d+ stopped \(SIGKILL\); starting another/);
      await running.waitForStderr(/(?:listening on[\s\S]*?){3}/, 200_000);
      expect(childrenOf(running.child.pid!)).toHaveLength(2);

      running.child.kill('SIGTERM');
      const run = await running.done;
      expect(run.code).toBe(0);
      expect(childrenOf(running.child.pid!)).toEqual([]);
    }, SLOW);
  });
});

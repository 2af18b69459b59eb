/**
 * End-to-end test of `xiaoxin serve --demo`: the real command in a child process, a PGlite folder
 * in a temporary directory, requests over HTTP, and a clean stop on SIGTERM.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type RunningCli } from './test-support.js';

const SLOW = 180_000;
const LISTENING = /listening on http:\/\/127\.0\.0\.1:(\d+) \((\d+) items/;
let dir: string;
let server: RunningCli | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'xiaoxin-serve-'));
});

afterAll(async () => {
  server?.child.kill('SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
});

const serve = () => startCli(['serve', '--demo', '--port', '0', '--host', '127.0.0.1', '--data', path.join(dir, 'data')], { cwd: dir });

describe('xiaoxin serve --demo', () => {
  it('loads the demo into an empty store, answers over HTTP and stops on SIGTERM', async () => {
    server = serve();
    const [, port, items] = await server.waitForStderr(LISTENING);
    expect(Number(items)).toBe(196);
    // No ../shared/context/seeds beside the temp folder: the demo goes without the seed pages.
    expect(server.output().stderr).toContain('--demo: no seed pages folder');

    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/readyz`)).json()).toMatchObject({ status: 'ready', items: 196 });
    const res = await fetch(`${base}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: '政务服务中心在哪里' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { answer: { text: string } };
    expect(body.answer.text).toContain('科创大道88号');

    // The daily upkeep job runs at start when no one has done today yet.
    await server.waitForStderr(/daily upkeep for \d{4}-\d{2}-\d{2}: \d+ items due/);

    server.child.kill('SIGTERM');
    const run = await server.done;
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('stopping');
  }, SLOW);

  it('leaves a store that already holds items alone', async () => {
    // Starting again also proves the first server released the data folder.
    server = serve();
    const [, , items] = await server.waitForStderr(LISTENING);
    expect(Number(items)).toBe(196);
    expect(server.output().stderr).toContain('the store already holds items, so the demo was not loaded');
    server.child.kill('SIGTERM');
    const run = await server.done;
    expect(run.code).toBe(0);
    // Today was done by the first server (the check at start finishes before the server stops).
    expect(run.stderr).not.toContain('daily upkeep for');
  }, SLOW);
});

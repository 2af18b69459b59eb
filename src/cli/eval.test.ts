/**
 * End-to-end test of `xiaoxin eval`: the real command line on a tiny dataset in a temporary folder.
 */
import { readdir, rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, writeTinyDataset } from './test-support.js';

describe('xiaoxin eval', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints a table and, with --json, ends with one line holding exactly the metrics', async () => {
    dir = await writeTinyDataset();
    const run = await runCli(['eval', '--dataset', dir, '--json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/docR1\s+1\s/);
    const last = run.stdout.trim().split('\n').at(-1)!;
    const metrics = JSON.parse(last) as Record<string, number>;
    expect(Object.keys(metrics)).toEqual(['questions', 'docR1', 'docR5', 'mrr', 'rougeL', 'coverage', 'p50ms', 'p99ms']);
    expect(metrics).toMatchObject({ questions: 3, docR1: 1, docR5: 1, mrr: 1 });
    // In memory: nothing may be written to the dataset folder or a ./data beside it.
    expect((await readdir(dir)).sort()).toEqual(['corpus.jsonl', 'questions.jsonl']);
  }, 180_000);

  it('asks only the first N questions with --limit, and rejects a bad limit with exit 2', async () => {
    dir ??= await writeTinyDataset();
    const run = await runCli(['eval', '--dataset', dir, '--json', '--limit', '1'], { cwd: dir });
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toMatchObject({ questions: 1 });
    const bad = await runCli(['eval', '--dataset', dir, '--limit', 'all'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('must be a whole number of at least 1');
  }, 180_000);
});

/**
 * End-to-end test of `xiaoxin eval`: the real command line on a tiny dataset in a temporary folder.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, writeGuidesDataset, writeTinyDataset } from './test-support.js';

describe('xiaoxin eval', () => {
  let dir: string | undefined;
  let reportDir: string | undefined;
  afterAll(async () => {
    for (const d of [dir, reportDir]) if (d) await rm(d, { recursive: true, force: true });
  });

  it('prints a table and, with --json, ends with one line holding exactly the metrics', async () => {
    dir = await writeTinyDataset();
    const run = await runCli(['eval', '--dataset', dir, '--json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/docR1\s+1\s/);
    const last = run.stdout.trim().split('\n').at(-1)!;
    const metrics = JSON.parse(last) as Record<string, number>;
    expect(Object.keys(metrics)).toEqual(['questions', 'docR1', 'docR5', 'mrr', 'rougeL', 'coverage', 'falseRefusal', 'p50ms', 'p99ms', 'calibration']);
    expect(run.stdout).toContain('calibration (answers given, by confidence)');
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

  it('with --report, writes one JSON line per question and sums up the misses before the --json line', async () => {
    dir ??= await writeTinyDataset();
    // Not in the dataset folder, which must stay as it is.
    reportDir = await mkdtemp(path.join(os.tmpdir(), 'xiaoxin-report-'));
    const file = path.join(reportDir, 'report.jsonl');
    const run = await runCli(['eval', '--dataset', dir, '--report', file, '--json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(file);
    const out = run.stdout.trim().split('\n');
    expect(Object.keys(JSON.parse(out.at(-1)!) as object)).toEqual(['questions', 'docR1', 'docR5', 'mrr', 'rougeL', 'coverage', 'falseRefusal', 'p50ms', 'p99ms', 'calibration']);
    expect(out.at(-2)).toBe('  misses by diagnosis: none');
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['q1', 'q2', 'q3']);
    for (const line of lines) {
      // Every question is found first here, so none has a diagnosis.
      expect(Object.keys(line)).toEqual(['id', 'question', 'goldDoc', 'goldAnswer', 'rank', 'retrieved', 'answer', 'type', 'confidence', 'cited', 'rougeL', 'covered', 'right', 'ms']);
    }
    expect(lines[0]).toMatchObject({ question: '科技型企业的开办补贴是多少钱？', goldDoc: 'd1', rank: 0, covered: expect.any(Boolean) as unknown });
    expect((lines[0]!.retrieved as unknown[])[0]).toEqual({ id: 'd1', title: '关于科技型企业开办补贴的通知' });
    expect(typeof lines[0]!.answer).toBe('string');
    expect((await readdir(dir)).sort()).toEqual(['corpus.jsonl', 'questions.jsonl']);
  }, 180_000);

  it('evaluates one half of an extended dataset (knowledge.jsonl, conversations, unanswerable), saying so, and rejects another half', async () => {
    const guides = await writeGuidesDataset();
    try {
      const file = path.join(guides, 'report.jsonl');
      const run = await runCli(['eval', '--dataset', guides, '--half', 'odd', '--report', file, '--json'], { cwd: guides });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.split('\n')[0]).toBe(`xiaoxin eval — ${guides} (odd-numbered questions only)`);
      expect(run.stdout).toMatch(/expectHit\s+\d/);
      expect(run.stdout).toMatch(/refusal\s+\d/);
      const metrics = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
      expect(metrics).toMatchObject({ questions: 4, half: 'odd' });
      expect(Object.keys(metrics)).toEqual(expect.arrayContaining(['expectHit', 'falseRefusal', 'refusal', 'calibration']));
      const lines = (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.map((l) => l.id)).toEqual(['s1', 's3', 'u1', 'r1']);
      expect(lines[2]).toMatchObject({ question: '结婚登记在哪里办？', answerable: false });
      const bad = await runCli(['eval', '--dataset', guides, '--half', 'first'], { cwd: guides });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('must be one of odd, even');
    } finally {
      await rm(guides, { recursive: true, force: true });
    }
  }, 180_000);

  it('refuses a report in a folder that does not exist, naming the file, before evaluating', async () => {
    dir ??= await writeTinyDataset();
    const file = path.join(dir, 'no-such-folder', 'report.jsonl');
    const run = await runCli(['eval', '--dataset', dir, '--report', file], { cwd: dir });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(file);
    expect(run.stdout).toBe('');
  }, 180_000);
});

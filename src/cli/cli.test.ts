/**
 * End-to-end tests of `xiaoxin import` and `xiaoxin ask`: the real command line in a child
 * process, on a PGlite data folder in a temporary directory.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_TYPES, type Answer } from '../answering/answer.js';
import { runCli } from './test-support.js';

const SLOW = 180_000;
let dir: string;
const data = () => path.join(dir, 'data');

const faq = (id: string, title: string, answer: string) => JSON.stringify({ kind: 'faq', id, title, answer });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'xiaoxin-cli-'));
  await writeFile(
    path.join(dir, 'faqs.jsonl'),
    [
      faq('faq-parking', '政务服务中心停车收费吗？', '政务服务中心地下停车场对办事群众免费开放，限停两小时。'),
      faq('faq-canteen', '政务服务中心食堂几点开门？', '食堂午餐时间为11:30至13:00，仅对工作人员开放。'),
    ].join('\n'),
  );
  await writeFile(
    path.join(dir, 'guide.json'),
    JSON.stringify({
      kind: 'guide',
      id: 'guide-seal',
      title: '公章刻制备案',
      materials: [{ name: '营业执照', form: '复印件', copies: 1 }],
      place: '政务服务中心一楼A03窗口',
    }),
  );
  await writeFile(
    path.join(dir, 'bad.jsonl'),
    [faq('faq-wifi', '大厅有无线网络吗？', '大厅提供免费无线网络，名称为XH-ZWFW。'), '{oops', JSON.stringify({ kind: 'faq', id: 'faq-empty', title: '没有答案的问题' })].join('\n'),
  );
  await writeFile(path.join(dir, 'broken.json'), '{"kind": "faq",');
  await writeFile(path.join(dir, 'old.doc'), 'not a docx');
}, SLOW);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('xiaoxin import', () => {
  const inputs = ['faqs.jsonl', 'guide.json', 'bad.jsonl', 'broken.json', 'old.doc'];

  it('stores the good items, names every bad file and row, and exits 1', async () => {
    const run = await runCli(['import', ...inputs, '--data', data()], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/bad\.jsonl:2: malformed JSON/);
    expect(run.stdout).toMatch(/bad\.jsonl:3: answer/);
    expect(run.stdout).toMatch(/broken\.json(:\d+)?: malformed JSON/);
    expect(run.stdout).toMatch(/old\.doc: unsupported file type \.doc/);
    expect(run.stdout).toContain('Stored: 4 created, 0 updated, 0 unchanged.');
    expect(run.stderr).toContain(`PGlite in the folder "${data()}"`);
  }, SLOW);

  it('changes nothing when the same files are imported again', async () => {
    const run = await runCli(['import', ...inputs, '--data', data()], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Stored: 0 created, 0 updated, 4 unchanged.');
  }, SLOW);

  it('exits 0 when every file is clean, and reads XIAOXIN_DATA', async () => {
    const run = await runCli(['import', 'faqs.jsonl'], { cwd: dir, env: { XIAOXIN_DATA: data() } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Stored: 0 created, 0 updated, 2 unchanged.');
  }, SLOW);

  it('exits 2 on usage errors without touching the store', async () => {
    const none = await runCli(['import', '--data', data()], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("missing required argument 'paths'");
    const kind = await runCli(['import', 'faqs.jsonl', '--kind', 'memo', '--data', data()], { cwd: dir });
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('Allowed choices are policy, guide, faq, article');
  }, SLOW);

  it('exits 2 with the list of bad settings when the configuration is invalid', async () => {
    const run = await runCli(['import', 'faqs.jsonl'], { cwd: dir, env: { XIAOXIN_PORT: 'eighty', DATABASE_URL: 'mysql://x' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('XIAOXIN_PORT: must be a whole number');
    expect(run.stderr).toContain('DATABASE_URL: must be a postgres://');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, SLOW);
});

describe('xiaoxin ask', () => {
  it('prints the answer object with --json', async () => {
    const run = await runCli(['ask', '政务服务中心停车要钱吗', '--json', '--data', data()], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as Answer;
    expect(ANSWER_TYPES).toContain(answer.type);
    expect(answer.text).toContain('免费');
    expect(answer.citations[0]).toMatchObject({ id: 'faq-parking', kind: 'faq', title: '政务服务中心停车收费吗？' });
    expect(typeof answer.confidence).toBe('number');
    expect(Array.isArray(answer.suggestions)).toBe(true);
  }, SLOW);

  it('prints the answer and its sources for people', async () => {
    const run = await runCli(['ask', '公章刻制去哪里办', '--data', data()], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('A03');
    expect(run.stdout).toMatch(/来源：\n {2}\[1\] 公章刻制备案（办事指南，guide-seal）/);
  }, SLOW);

  it('answers one question per stdin line with "-", one JSON answer per line', async () => {
    const input = '政务服务中心停车收费吗\n\n食堂几点开门\n大厅有没有无线网络\n';
    const run = await runCli(['ask', '-', '--data', data()], { cwd: dir, input });
    expect(run.code, run.stderr).toBe(0);
    const answers = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Answer);
    expect(answers).toHaveLength(3);
    expect(answers.map((a) => a.citations[0]?.id)).toEqual(['faq-parking', 'faq-canteen', 'faq-wifi']);
  }, SLOW);

  it('refuses an empty question with exit 2', async () => {
    const run = await runCli(['ask', '  ', '--data', data()], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('xiaoxin: the question is empty; ask something, or pass - to read questions from stdin');
  }, SLOW);
});

/**
 * @module cli/test-support
 * Runs the real command line in a child process, from the TypeScript sources (through tsx), for
 * the end-to-end tests, and a tiny labelled dataset. Imports no test framework, so it is harmless in a build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  /** Written to the child's stdin, which is then closed. */
  input?: string;
  /** Added to a clean environment. */
  env?: Record<string, string>;
}

/**
 * `xiaoxin ARGS…` in `cwd`. The caller's DATABASE_URL and XIAOXIN_* variables are left out, so
 * that a test never writes to a developer's real database.
 */
export function runCli(args: string[], options: CliOptions): Promise<CliRun> {
  return startCli(args, options).done;
}

/** A command still running (`xiaoxin serve`): its output so far, and a way to wait for a line. */
export interface RunningCli {
  child: ChildProcess;
  output(): CliRun;
  /** Resolves with the match once stderr matches `pattern`; rejects if the command ends first. */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  done: Promise<CliRun>;
}

export function startCli(args: string[], options: CliOptions): RunningCli {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('XIAOXIN_') && k !== 'DATABASE_URL'),
  );
  const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], {
    cwd: options.cwd,
    env: { ...env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const run: CliRun = { code: null, stdout: '', stderr: '' };
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (run.stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (run.stderr += d));
  child.stdin!.end(options.input ?? '');
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ ...run, code }));
  });
  const waitForStderr = (pattern: RegExp, timeoutMs = 120_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = run.stderr.match(pattern);
        if (match) finish(() => resolve(match));
      };
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        child.stderr!.off('data', check);
        settle();
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`no ${pattern} on stderr:\n${run.stderr}`))), timeoutMs);
      child.stderr!.on('data', check);
      void done.then(() => finish(() => reject(new Error(`ended before ${pattern}:\n${run.stderr}`))));
      check();
    });
  return { child, output: () => ({ ...run }), waitForStderr, done };
}

/** Three unrelated notices and one question about each in a new temporary folder, for the eval tests. */
export async function writeTinyDataset(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xiaoxin-eval-'));
  const docs = [
    { id: 'd1', title: '关于科技型企业开办补贴的通知', text: '关于科技型企业开办补贴的通知 对新设立的科技型企业给予一次性开办补贴5万元。申请时需提交营业执照复印件。' },
    { id: 'd2', title: '关于人才公寓租金的通知', text: '关于人才公寓租金的通知 全职引进的博士可以申请人才公寓，租金按照市场价格的百分之五十收取。' },
    { id: 'd3', title: '关于停车场开放的公告', text: '关于停车场开放的公告 政务服务中心停车场对办事群众免费开放，每次限停两小时。' },
  ];
  const questions = [
    { id: 'q1', question: '科技型企业的开办补贴是多少钱？', doc_id: 'd1', answer: '对新设立的科技型企业给予一次性开办补贴5万元' },
    { id: 'q2', question: '博士申请人才公寓租金怎么收？', doc_id: 'd2', answer: '租金按照市场价格的百分之五十收取' },
    { id: 'q3', question: '政务服务中心停车场收费吗？', doc_id: 'd3', answer: '政务服务中心停车场对办事群众免费开放' },
  ];
  const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  await writeFile(path.join(dir, 'corpus.jsonl'), jsonl(docs));
  await writeFile(path.join(dir, 'questions.jsonl'), jsonl(questions));
  return dir;
}

/**
 * A small dataset in the extended format (FORMAT.md): two service guides as knowledge.jsonl items,
 * a news text as corpus.jsonl, and questions of every shape — with expect, a two-turn
 * conversation, unanswerable ones, one with only a gold document. Returns its folder.
 */
export async function writeGuidesDataset(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xiaoxin-eval-guides-'));
  const knowledge = [
    {
      kind: 'guide',
      id: 'g-residence',
      title: '居住证申领',
      department: '公安分局户政科',
      conditions: ['在本区居住满半年，有合法稳定就业、住所或连续就读'],
      materials: [{ name: '居民身份证', form: '原件' }, { name: '近期一寸免冠照片' }],
      place: '政务服务中心B区12号窗口',
      hours: '工作日9:00-17:00，周六上午9:00-12:00',
      fee: '首次申领不收费；换领、补领收取工本费20元',
      phone: '0000-1234567',
    },
    {
      kind: 'guide',
      id: 'g-talent',
      title: '人才安居补贴申领',
      department: '人才工作办公室',
      conditions: ['全职引进到区内企业工作的博士、硕士'],
      materials: [{ name: '学历学位证书', form: '复印件' }, { name: '劳动合同', form: '复印件' }],
      place: '政务服务中心C区人才窗口',
      subsidy: '博士每月3000元，硕士每月1500元，最长发放3年',
      applicationPeriod: '每年3月和9月',
      phone: '0000-7654321',
    },
  ];
  const corpus = [
    {
      id: 'n-hours',
      title: '政务服务中心周四延时服务',
      text: '政务服务中心周四延时服务 自3月起，政务服务中心每周四延时服务至晚上８点，办理居住证、社保等常用事项。',
    },
    // Lines as a file holds them (not flattened onto one): cleaned as a .txt file is.
    { id: 'n-library', title: '', text: '区图书馆开放时间调整\n自４月起，区图书馆每日９:００开放。' },
  ];
  const questions = [
    { id: 's1', question: '居住证在哪个窗口办？', doc_id: 'g-residence', expect: ['B区12号窗口'] },
    { id: 's2', question: '博士的人才安居补贴一个月多少钱？', doc_id: 'g-talent', expect: ['3000元'] },
    { id: 's3', question: '居住证补领要交多少钱？', doc_id: 'g-residence', expect: ['20元'] },
    { id: 'c1', turns: ['人才安居补贴怎么申请？', '要带什么材料？'], doc_id: 'g-talent', expect: ['劳动合同'] },
    { id: 'u1', question: '结婚登记在哪里办？', answerable: false },
    { id: 'u2', question: '火星上的邮局几点开门？', answerable: false },
    { id: 'r1', question: '政务服务中心周四晚上开到几点？', doc_id: 'n-hours' },
  ];
  const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  await writeFile(path.join(dir, 'knowledge.jsonl'), jsonl(knowledge));
  await writeFile(path.join(dir, 'corpus.jsonl'), jsonl(corpus));
  await writeFile(path.join(dir, 'questions.jsonl'), jsonl(questions));
  return dir;
}

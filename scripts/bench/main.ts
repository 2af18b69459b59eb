/**
 * `npm run bench`: xiaoxin's speed and size at 599 documents and at 1,000, 10,000 and 100,000 items
 * of real policy text (scripts/bench/knowledge.ts), each size in fresh processes:
 * import items/s (PGlite, and PostgreSQL when one can be started), index build, RSS, in-process
 * p50/p99 and docR1, publish → answerable, `xiaoxin serve` start-up and HTTP at 50 connections,
 * and PostgreSQL full-text search (as MaxKB does it) on the same questions; then enterprise
 * eligibility matching (10,000 profiles against every rule, one core). Prints a table and
 * writes the figures as JSON (bench-results.json, or --out).
 *
 * Options: --sizes 599,1000,10000,100000  --questions 200  --http-seconds 15  --out FILE
 *          --dataset DIR (default ../shared/eval/ncpqa)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { readDataset } from '../../src/eval/dataset.js';
import { openStore } from '../../src/storage/index.js';
import type { Item } from '../../src/knowledge/index.js';
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '../../src/test/throwaway-postgres.js';
import { benchKnowledge } from './knowledge.js';
import { fullTextBaseline, type FullTextFigures } from './fulltext.js';
import { measureReady, measureServe, type ServeFigures } from './http.js';
import { formatTable } from './table.js';
import { benchEligibility } from './eligibility.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '599,1000,10000,100000' },
    questions: { type: 'string', default: '200' },
    'http-seconds': { type: 'string', default: '15' },
    out: { type: 'string', default: 'bench-results.json' },
    dataset: { type: 'string', default: '../shared/eval/ncpqa' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const questionCount = Number(values.questions);
const datasetDir = resolve(values.dataset);
const dataset = readDataset(datasetDir);
const questions = dataset.questions
  .filter((q) => q.doc_id !== undefined)
  .slice(0, questionCount)
  .map((q) => ({ question: q.turns[q.turns.length - 1]!, doc_id: q.doc_id!, ...(q.answer ? { answer: q.answer } : {}) }));
const questionsFile = join(mkdtempSync(join(tmpdir(), 'xiaoxin-bench-q-')), 'questions.jsonl');
writeFileSync(questionsFile, questions.map((q) => JSON.stringify(q)).join('\n'));

export interface InProcessFigures {
  items: number;
  buildMs: number;
  rssMb: number;
  p50Ms: number;
  p99Ms: number;
  docR1: number;
  publishMs: number;
  stallMs: number;
  /** The longest the event loop was held while the index caught up (a 5-ms timer's lateness). */
  blockMs: number;
}

export interface SizeFigures {
  size: number;
  importPerSecond: { pglite: number; postgres?: number };
  inProcess?: InProcessFigures | { error: string };
  serve?: ServeFigures | { error: string };
  /** `xiaoxin serve` started again: the index read from the file the first start saved. */
  restart?: { readyMs: number; rssMb: number } | { error: string };
  /** `xiaoxin serve` on PostgreSQL with XIAOXIN_WORKERS=2 (a process per core). */
  serveWorkers?: ServeFigures | { error: string };
  fullText?: FullTextFigures | { error: string };
}

let postgres: ThrowawayPostgres | undefined;
if (postgresBinaries()) postgres = await startThrowawayPostgres().catch((error: unknown) => (console.error(`bench: no PostgreSQL (${String(error)})`), undefined));
else console.error('bench: PostgreSQL is not installed; its figures are left out');

const results: SizeFigures[] = [];
try {
  for (const size of sizes) {
    console.error(`bench: ${size} items`);
    const { items } = await benchKnowledge(dataset, size);
    const dataDir = mkdtempSync(join(tmpdir(), 'xiaoxin-bench-'));
    try {
      const figures: SizeFigures = { size: items.length, importPerSecond: { pglite: await importRate({ dataDir }, items) } };
      figures.inProcess = await attempt(() => inProcess(dataDir));
      figures.serve = await attempt(() => measureServe({ XIAOXIN_DATA: dataDir }, 18_000 + (size % 1000), questions.map((q) => q.question), Number(values['http-seconds'])));
      figures.restart = await attempt(() => measureReady({ XIAOXIN_DATA: dataDir }, 18_000 + (size % 1000)));
      if (postgres) {
        const url = await freshDatabase(postgres, `bench_${size}`);
        figures.importPerSecond.postgres = await importRate({ databaseUrl: url }, items);
        figures.fullText = await attempt(() => fullTextBaseline(url, items, questions));
        figures.serveWorkers = await attempt(() =>
          measureServe({ DATABASE_URL: url, XIAOXIN_WORKERS: '2' }, 19_000 + (size % 1000), questions.map((q) => q.question), Number(values['http-seconds'])),
        );
      }
      results.push(figures);
      console.error(JSON.stringify(figures));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}-index`, { recursive: true, force: true });
    }
  }
} finally {
  await postgres?.remove();
}
// Enterprise matching (issue #12's bar): every demo rule against 10,000 profiles, on this one thread.
const eligibility = benchEligibility(10_000);
writeFileSync(values.out, `${JSON.stringify({ date: new Date().toISOString(), dataset: datasetDir, questions: questions.length, results, eligibility }, null, 2)}\n`);
console.log(formatTable(results));
console.log(`\nEnterprise matching: ${eligibility.profiles.toLocaleString('en-US')} profiles × ${eligibility.rules} rules in ${eligibility.matchMs} ms on one core`);
console.error(`bench: figures written to ${values.out}`);

/** Items stored a second, in transactions of 1,000 as `xiaoxin import` writes them. */
async function importRate(where: { dataDir?: string; databaseUrl?: string }, items: Item[]): Promise<number> {
  const store = await openStore(where);
  try {
    const start = performance.now();
    for (let i = 0; i < items.length; i += 1000) await store.upsertItems(items.slice(i, i + 1000));
    return Math.round(items.length / ((performance.now() - start) / 1000));
  } finally {
    await store.close();
  }
}

async function freshDatabase(server: ThrowawayPostgres, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name}`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return server.urlOf(name);
}

/** The in-process figures, from a process of their own (scripts/bench/in-process.ts). */
function inProcess(dataDir: string): Promise<InProcessFigures> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/bench/in-process.ts', dataDir, questionsFile, String(questionCount)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolvePromise(JSON.parse(line) as InProcessFigures);
      else reject(new Error(`exit ${code}: ${lastLines(err)}`));
    });
  });
}

/** A measurement, or what stopped it (a size too large for the engine must not end the run). */
async function attempt<T>(measure: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await measure();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ').slice(0, 300);
}

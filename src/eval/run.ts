/**
 * @module eval/run
 * `xiaoxin eval`: loads a labelled dataset's corpus into a fresh in-memory store, asks every
 * question once without a session and scores the answers as shared/eval/FORMAT.md defines.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Assistant, type AssistantOptions } from '../answering/index.js';
import { formatProblem, importPaths } from '../ingestion/index.js';
import { TextAnalyzer } from '../language/index.js';
import { openStore } from '../storage/index.js';
import { readDataset, type Dataset } from './dataset.js';
import { diagnose, type Diagnosis } from './diagnose.js';
import { covers, isRelevant, percentile, rougeL, round } from './metrics.js';
import { addNoise, HomophoneTable, type NoiseKind } from './noise.js';

/** The fields of `xiaoxin eval --json`, in this order. */
export interface EvalMetrics {
  questions: number;
  docR1: number;
  docR5: number;
  mrr: number;
  rougeL: number;
  coverage: number;
  p50ms: number;
  p99ms: number;
}

export interface QuestionResult {
  id: string;
  /** 0-based rank of the first relevant document among the first ten retrieved; null if none. */
  rank: number | null;
  rougeL: number;
  covered: boolean;
  ms: number;
  /** The retrieved document ids, deduplicated, best first: the top ten. */
  retrieved: string[];
  /** The engine's answer text. */
  answer: string;
  /** Why the first document was not relevant (see eval/diagnose); absent when it was. */
  diagnosis?: Diagnosis;
}

export interface EvalReport {
  dataset: string;
  /** The dataset as asked: its corpus, and its questions in the noisy form when `noise` was given. */
  asked: Dataset;
  metrics: EvalMetrics;
  results: QuestionResult[];
  /** Corpus rows the importer skipped (they cannot be retrieved, which lowers recall). */
  importProblems: string[];
}

/** What is evaluated: the engine's answer text and its ranked item ids, best first. */
export type Responder = (question: string) => Promise<{ answer: { text: string }; retrieved: string[] }>;

export interface EvalOptions {
  /** Ask only the first N questions (quick checks while tuning). */
  limit?: number;
  /** The engine's options, as `xiaoxin serve` would use them (dense retrieval included). */
  assistant?: AssistantOptions;
  onProgress?: (done: number, total: number) => void;
  /**
   * Ask each question in a noisy form instead: `asr` (speech-recognition homophones),
   * `traditional` (繁体), `spoken` (filler words). Measures robustness against the tidy run.
   */
  noise?: NoiseKind;
}

/** Runs the whole evaluation of the dataset in `dir`. */
export async function runEval(dir: string, options: EvalOptions = {}): Promise<EvalReport> {
  const dataset = readDataset(dir);
  // Only the corpus file: a fresh store "holding only the corpus", whatever else the folder has.
  const imported = await importPaths([join(dir, 'corpus.jsonl')]);
  // Never the user's data: a throw-away database in memory.
  const store = await openStore({ dataDir: 'memory://' });
  try {
    await store.upsertItems(imported.items);
    const assistant = await Assistant.create(store, options.assistant ?? {});
    const noisy = options.noise ? noisyQuestions(dataset, options.noise) : dataset;
    const scored = await scoreQuestions(noisy, (q) => assistant.respond(q), options);
    return { dataset: dir, asked: noisy, ...scored, importProblems: imported.problems.map(formatProblem) };
  } finally {
    await store.close();
  }
}

/** The dataset with every question rewritten by one kind of noise (deterministic per question). */
export function noisyQuestions(dataset: Dataset, kind: NoiseKind): Dataset {
  const homophones = new HomophoneTable(dataset.corpus.map((d) => d.text));
  return {
    ...dataset,
    questions: dataset.questions.map((q, i) => ({ ...q, question: addNoise(q.question, kind, homophones, i + 1) })),
  };
}

/** Asks the dataset's questions one at a time (so that the timings are per question) and scores them. */
export async function scoreQuestions(
  dataset: Dataset,
  respond: Responder,
  options: Pick<EvalOptions, 'limit' | 'onProgress' | 'assistant'> = {},
): Promise<{ metrics: EvalMetrics; results: QuestionResult[] }> {
  const texts = new Map(dataset.corpus.map((d) => [d.id, d.text]));
  // Loading jieba takes a second: only when a miss needs its place names, once per run.
  let analyzer: TextAnalyzer | undefined;
  const placeNames = (text: string) => (analyzer ??= new TextAnalyzer(options.assistant?.analyzer)).segmenter.placeNames(text);
  const questions = options.limit === undefined ? dataset.questions : dataset.questions.slice(0, options.limit);
  const results: QuestionResult[] = [];
  for (const q of questions) {
    const start = performance.now();
    const { answer, retrieved } = await respond(q.question);
    const ms = performance.now() - start;
    const top = [...new Set(retrieved)].slice(0, 10);
    const found = top.findIndex((id) => isRelevant(id, texts.get(id), q.doc_id, q.answer));
    const rank = found < 0 ? null : found;
    const diagnosis = diagnose({ question: q, retrieved: top, texts, rank, placeNames });
    results.push({
      id: q.id,
      rank,
      rougeL: rougeL(answer.text, q.answer),
      covered: covers(answer.text, q.answer),
      ms,
      retrieved: top,
      answer: answer.text,
      ...(diagnosis ? { diagnosis } : {}),
    });
    options.onProgress?.(results.length, questions.length);
  }
  return { metrics: summarise(results), results };
}

export function summarise(results: QuestionResult[]): EvalMetrics {
  const n = results.length;
  const mean = (f: (r: QuestionResult) => number) => (n === 0 ? 0 : results.reduce((sum, r) => sum + f(r), 0) / n);
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    questions: n,
    docR1: round(mean((r) => (r.rank === 0 ? 1 : 0)), 4),
    docR5: round(mean((r) => (r.rank !== null && r.rank < 5 ? 1 : 0)), 4),
    mrr: round(mean((r) => (r.rank === null ? 0 : 1 / (r.rank + 1))), 4),
    rougeL: round(mean((r) => r.rougeL), 4),
    coverage: round(mean((r) => (r.covered ? 1 : 0)), 4),
    p50ms: round(percentile(times, 50), 1),
    p99ms: round(percentile(times, 99), 1),
  };
}

const METRIC_NOTES: Record<keyof EvalMetrics, string> = {
  questions: 'questions asked',
  docR1: 'first document relevant',
  docR5: 'a relevant document in the first five',
  mrr: 'mean reciprocal rank of the first relevant document (top 10)',
  rougeL: 'character ROUGE-L F1 of the answer text against the gold answer',
  coverage: 'answers ≤ 400 characters covering ≥ 80 % of the gold answer',
  p50ms: 'median time to answer (ms)',
  p99ms: '99th-percentile time to answer (ms)',
};

/** The metrics as a table for people. */
export function formatEvalTable(report: EvalReport): string {
  const rows = (Object.keys(METRIC_NOTES) as Array<keyof EvalMetrics>).map(
    (k) => `  ${k.padEnd(9)} ${String(report.metrics[k]).padStart(9)}   ${METRIC_NOTES[k]}`,
  );
  return [`xiaoxin eval — ${report.dataset}`, `  ${'metric'.padEnd(9)} ${'value'.padStart(9)}`, ...rows].join('\n');
}

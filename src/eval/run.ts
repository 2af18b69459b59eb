/**
 * @module eval/run
 * `xiaoxin eval`: loads a labelled dataset's knowledge into a fresh in-memory store, asks every
 * question once (a conversation's turns in order, in one session) and scores the answers as
 * shared/eval/FORMAT.md defines.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Assistant, type AssistantOptions } from '../answering/index.js';
import { demoFiles } from '../demo/load.js';
import { formatProblem, importPaths } from '../ingestion/index.js';
import { itemBody } from '../knowledge/index.js';
import { TextAnalyzer } from '../language/index.js';
import { openStore } from '../storage/index.js';
import { calibrate, formatCalibration, type Calibration } from './calibration.js';
import { lastTurn, readDataset, type Dataset, type LabelledQuestion } from './dataset.js';
import { diagnose, type Diagnosis } from './diagnose.js';
import { datasetKnowledge, type DatasetKnowledge } from './knowledge.js';
import { covers, holdsExpected, isRelevant, percentile, rougeL, round } from './metrics.js';
import { addNoise, HomophoneTable, type NoiseKind } from './noise.js';

/**
 * The fields of `xiaoxin eval --json`, in this order. A metric is left out when no question has
 * the fields it needs (FORMAT.md); `questions`, `p50ms` and `p99ms` are always there.
 */
export interface EvalMetrics {
  questions: number;
  docR1?: number;
  docR5?: number;
  mrr?: number;
  rougeL?: number;
  coverage?: number;
  expectHit?: number;
  falseRefusal?: number;
  refusal?: number;
  /** Conversations asked, and how many of them were right (graded on their last answer). */
  conversations?: number;
  conversationsRight?: number;
  p50ms: number;
  p99ms: number;
}

export interface QuestionResult {
  id: string;
  conversation: boolean;
  answerable: boolean;
  /** 0-based rank of the first relevant document among the first ten retrieved; null if none; absent without doc_id. */
  rank?: number | null;
  /** Absent without a gold answer. */
  rougeL?: number;
  covered?: boolean;
  /** Absent unless the question is answerable and has expect strings. */
  expectHit?: boolean;
  /** Whether the answer was right: expectHit where expect is given, else the first document relevant; an unanswerable question is right when refused. */
  right?: boolean;
  ms: number;
  /** The retrieved document ids, deduplicated, best first: the top ten. */
  retrieved: string[];
  /** The engine's answer text, type, confidence and the item cited first. */
  answer: string;
  type: string;
  confidence: number;
  cited?: string;
  /** Why the question missed (see eval/diagnose); absent when it did not. */
  diagnosis?: Diagnosis;
}

export interface EvalReport {
  dataset: string;
  /** `odd` or `even` when only that half of the questions was asked. */
  half?: Half;
  /** The dataset as asked: its knowledge, and its questions (the half, the noisy forms) as asked. */
  asked: Dataset;
  metrics: EvalMetrics;
  calibration: Calibration;
  results: QuestionResult[];
  /** Knowledge rows the importer skipped (they cannot be retrieved, which lowers recall). */
  importProblems: string[];
  /** Document or item id → title, for the report. */
  titles: ReadonlyMap<string, string>;
}

/** The answer as far as the eval reads it; scripted responders in tests may leave out all but the text. */
export interface RespondedAnswer {
  text: string;
  type?: string;
  confidence?: number;
  citations?: ReadonlyArray<{ id: string }>;
}

/** What is evaluated: the engine's answer and its ranked item ids, best first; turns of one conversation share `sessionId`. */
export type Responder = (question: string, sessionId?: string) => Promise<{ answer: RespondedAnswer; retrieved: string[] }>;

export const HALVES = ['odd', 'even'] as const;
export type Half = (typeof HALVES)[number];

export interface EvalOptions {
  /** Ask only the first N questions (quick checks while tuning). */
  limit?: number;
  /** Ask only the questions at odd or even positions of questions.jsonl: tune on one half, confirm on the other. */
  half?: Half;
  /** The engine's options, as `xiaoxin serve` would use them (dense retrieval included). */
  assistant?: AssistantOptions;
  onProgress?: (done: number, total: number) => void;
  /**
   * Ask each question in a noisy form instead: `asr` (speech-recognition homophones),
   * `traditional` (繁体), `spoken` (filler words). Measures robustness against the tidy run.
   */
  noise?: NoiseKind;
  /**
   * Also load the demo zone's knowledge base (星河高新区) into the eval store: a zone's real
   * knowledge base holds other zones' and levels' copies of its services, and a question naming
   * the dataset's zone must still be answered from that zone's items.
   */
  withDemo?: boolean;
}

/** Runs the whole evaluation of the dataset in `dir`. */
export async function runEval(dir: string, options: EvalOptions = {}): Promise<EvalReport> {
  const dataset = halfOf(readDataset(dir), options.half);
  const knowledge = await datasetKnowledge(dataset);
  if (options.withDemo) await addDemoKnowledge(knowledge);
  // Never the user's data: a throw-away database in memory.
  const store = await openStore({ dataDir: 'memory://' });
  try {
    await store.upsertItems(knowledge.items);
    const assistant = await Assistant.create(store, options.assistant ?? {});
    const noisy = options.noise ? noisyQuestions(dataset, options.noise) : dataset;
    const respond: Responder = (q, sessionId) => assistant.respond(q, sessionId ? { sessionId } : {});
    const scored = await scoreQuestions(noisy, respond, { ...options, texts: knowledge.texts });
    return {
      dataset: dir,
      ...(options.half ? { half: options.half } : {}),
      asked: noisy,
      ...scored,
      importProblems: knowledge.problems,
      titles: knowledge.titles,
    };
  } finally {
    await store.close();
  }
}

/** The demo's items beside the dataset's (not its seed pages: they are the same for every zone). */
async function addDemoKnowledge(knowledge: DatasetKnowledge): Promise<void> {
  const demo = await importPaths(await demoFiles());
  const taken = new Set(knowledge.items.map((item) => item.id));
  const clash = demo.items.find((item) => taken.has(item.id));
  if (clash) throw new Error(`--with-demo: the dataset and the demo both have an item "${clash.id}"`);
  knowledge.items.push(...demo.items);
  knowledge.problems.push(...demo.problems.map(formatProblem));
  for (const item of demo.items) {
    knowledge.texts.set(item.id, itemBody(item));
    knowledge.titles.set(item.id, item.title);
  }
}

/** The questions at odd or even 1-based positions of questions.jsonl; all without a half. */
export function halfOf(dataset: Dataset, half: Half | undefined): Dataset {
  if (!half) return dataset;
  const keep = half === 'odd' ? 1 : 0;
  return { ...dataset, questions: dataset.questions.filter((q) => q.position % 2 === keep) };
}

/**
 * The dataset with every turn rewritten by one kind of noise, deterministic per question: a
 * single question is seeded by its position, so a half gets the noise of the whole run.
 */
export function noisyQuestions(dataset: Dataset, kind: NoiseKind): Dataset {
  const homophones = new HomophoneTable([...dataset.corpus.map((d) => d.text)]);
  return {
    ...dataset,
    questions: dataset.questions.map((q) => ({
      ...q,
      turns: q.turns.map((turn, t) => addNoise(turn, kind, homophones, q.position + t * 100_003)),
    })),
  };
}

export interface ScoreOptions extends Pick<EvalOptions, 'limit' | 'onProgress' | 'assistant'> {
  /** Document or item id → text, for relevance; the corpus texts when not given. */
  texts?: ReadonlyMap<string, string>;
}

/** Asks the dataset's questions one at a time (so that the timings are per question) and scores them. */
export async function scoreQuestions(
  dataset: Dataset,
  respond: Responder,
  options: ScoreOptions = {},
): Promise<{ metrics: EvalMetrics; calibration: Calibration; results: QuestionResult[] }> {
  const texts = options.texts ?? new Map(dataset.corpus.map((d) => [d.id, d.text]));
  // Loading jieba takes a second: only when a miss needs its place names, once per run.
  let analyzer: TextAnalyzer | undefined;
  const placeNames = (text: string) => (analyzer ??= new TextAnalyzer(options.assistant?.analyzer)).segmenter.placeNames(text);
  const questions = options.limit === undefined ? dataset.questions : dataset.questions.slice(0, options.limit);
  const results: QuestionResult[] = [];
  for (const q of questions) {
    const { answer, retrieved, ms } = await ask(q, respond);
    const top = [...new Set(retrieved)].slice(0, 10);
    const rank = q.doc_id === undefined ? undefined : rankOf(top, q, texts);
    const type = answer.type ?? 'passage';
    const cited = answer.citations?.[0]?.id;
    // The words alone (for the diagnosis), then with the gold document cited first (the metric).
    const holds = q.expect ? holdsExpected(answer.text, q.expect) : undefined;
    const expectHit = q.answerable && holds !== undefined ? holds && (q.doc_id === undefined || cited === q.doc_id) : undefined;
    const right = isRight(q, type, rank, expectHit);
    const diagnosis = diagnose({
      question: q,
      answer: { type, ...(cited ? { cited } : {}), ...(holds === undefined ? {} : { expectHit: holds }) },
      retrieved: top,
      texts,
      rank,
      placeNames,
    });
    results.push({
      id: q.id,
      conversation: q.conversation,
      answerable: q.answerable,
      ...(rank === undefined ? {} : { rank }),
      ...(q.answer === undefined ? {} : { rougeL: rougeL(answer.text, q.answer), covered: covers(answer.text, q.answer) }),
      ...(expectHit === undefined ? {} : { expectHit }),
      ...(right === undefined ? {} : { right }),
      ms,
      retrieved: top,
      answer: answer.text,
      type,
      confidence: answer.confidence ?? 0,
      ...(cited ? { cited } : {}),
      ...(diagnosis ? { diagnosis } : {}),
    });
    options.onProgress?.(results.length, questions.length);
  }
  const graded = results.flatMap((r) => (r.right === undefined ? [] : [{ type: r.type, confidence: r.confidence, right: r.right }]));
  return { metrics: summarise(results), calibration: calibrate(graded), results };
}

/** Asks every turn in order in one session (none for a single question); the last answer and its time count. */
async function ask(q: LabelledQuestion, respond: Responder) {
  const sessionId = q.conversation ? `eval-${randomUUID()}` : undefined;
  for (const turn of q.turns.slice(0, -1)) await respond(turn, sessionId);
  const start = performance.now();
  const response = await respond(lastTurn(q), sessionId);
  return { ...response, ms: performance.now() - start };
}

function rankOf(top: string[], q: LabelledQuestion, texts: ReadonlyMap<string, string>): number | null {
  const found = top.findIndex((id) => isRelevant(id, texts.get(id), q.doc_id!, q.answer));
  return found < 0 ? null : found;
}

function isRight(q: LabelledQuestion, type: string, rank: number | null | undefined, expectHit: boolean | undefined): boolean | undefined {
  const declined = type === 'none' || type === 'clarify';
  if (!q.answerable) return declined;
  if (declined) return false;
  if (expectHit !== undefined) return expectHit;
  return rank === undefined ? undefined : rank === 0;
}

export function summarise(results: QuestionResult[]): EvalMetrics {
  const share = (rows: QuestionResult[], f: (r: QuestionResult) => number) => rows.reduce((sum, r) => sum + f(r), 0) / rows.length;
  /** The metric over the questions that have what it needs; undefined (left out) when none has. */
  const over = (has: (r: QuestionResult) => boolean, f: (r: QuestionResult) => number) => {
    const rows = results.filter(has);
    return rows.length ? round(share(rows, f), 4) : undefined;
  };
  const withDoc = (r: QuestionResult) => r.rank !== undefined;
  const withAnswer = (r: QuestionResult) => r.rougeL !== undefined;
  const conversations = results.filter((r) => r.conversation);
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const metrics: EvalMetrics = {
    questions: results.length,
    docR1: over(withDoc, (r) => (r.rank === 0 ? 1 : 0)),
    docR5: over(withDoc, (r) => (typeof r.rank === 'number' && r.rank < 5 ? 1 : 0)),
    mrr: over(withDoc, (r) => (typeof r.rank === 'number' ? 1 / (r.rank + 1) : 0)),
    rougeL: over(withAnswer, (r) => r.rougeL!),
    coverage: over(withAnswer, (r) => (r.covered ? 1 : 0)),
    expectHit: over((r) => r.expectHit !== undefined, (r) => (r.expectHit ? 1 : 0)),
    falseRefusal: over((r) => r.answerable, (r) => (r.type === 'none' ? 1 : 0)),
    refusal: over((r) => !r.answerable, (r) => (r.type === 'none' || r.type === 'clarify' ? 1 : 0)),
    ...(conversations.length ? { conversations: conversations.length, conversationsRight: conversations.filter((r) => r.right).length } : {}),
    p50ms: round(percentile(times, 50), 1),
    p99ms: round(percentile(times, 99), 1),
  };
  return Object.fromEntries(Object.entries(metrics).filter(([, v]) => v !== undefined)) as EvalMetrics;
}

const METRIC_NOTES: Record<keyof EvalMetrics, string> = {
  questions: 'questions asked (a conversation counts once)',
  docR1: 'first document relevant',
  docR5: 'a relevant document in the first five',
  mrr: 'mean reciprocal rank of the first relevant document (top 10)',
  rougeL: 'character ROUGE-L F1 of the answer text against the gold answer',
  coverage: 'answers ≤ 400 characters covering ≥ 80 % of the gold answer',
  expectHit: 'answer holds an expect string and cites the gold document first',
  falseRefusal: 'answerable questions answered "not found"',
  refusal: 'unanswerable questions answered "not found" or with a clarifying question',
  conversations: 'conversations asked (graded on their last answer)',
  conversationsRight: 'conversations whose last answer was right',
  p50ms: 'median time to answer (ms)',
  p99ms: '99th-percentile time to answer (ms)',
};

/** The metrics and the calibration table, for people. */
export function formatEvalTable(report: Pick<EvalReport, 'dataset' | 'half' | 'metrics' | 'calibration'>): string {
  const keys = (Object.keys(METRIC_NOTES) as Array<keyof EvalMetrics>).filter((k) => report.metrics[k] !== undefined);
  const rows = keys.map((k) => `  ${k.padEnd(18)} ${String(report.metrics[k]).padStart(9)}   ${METRIC_NOTES[k]}`);
  const half = report.half ? ` (${report.half}-numbered questions only)` : '';
  return [
    `xiaoxin eval — ${report.dataset}${half}`,
    `  ${'metric'.padEnd(18)} ${'value'.padStart(9)}`,
    ...rows,
    formatCalibration(report.calibration),
  ].join('\n');
}

/** The one JSON object `--json` prints last: the metrics, then the calibration table. */
export function evalJson(report: Pick<EvalReport, 'metrics' | 'calibration' | 'half'>): string {
  return JSON.stringify({ ...report.metrics, ...(report.half ? { half: report.half } : {}), calibration: report.calibration });
}

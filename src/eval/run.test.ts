/**
 * Tests of the eval runner: metrics computed by hand for a scripted responder, and a real run of
 * the assistant over a tiny dataset written to a temporary folder.
 */
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTinyDataset } from '../cli/test-support.js';
import type { Dataset, LabelledQuestion } from './dataset.js';
import { runEval, scoreQuestions, summarise, type QuestionResult, type Responder } from './run.js';

let position = 0;
const single = (id: string, question: string, doc_id: string, answer: string): LabelledQuestion => ({
  id,
  turns: [question],
  conversation: false,
  doc_id,
  answer,
  answerable: true,
  position: ++position,
});

const dataset: Dataset = {
  dir: 'scripted',
  corpus: [
    { id: 'a', title: '', text: '今天天气很好适合出门散步' },
    { id: 'b', title: '', text: '一次性开办补贴五万元整请于月底前申请' },
    // A repost of b under another id: relevant for q1, whose gold answer it holds verbatim.
    { id: 'c', title: '', text: '转发通知：一次性开办补贴五万元整 请于月底前申请' },
  ],
  questions: [
    single('q1', 'Q1', 'b', '一次性开办补贴五万元整'),
    single('q2', 'Q2', 'a', '适合出门散步'),
    single('q3', 'Q3', 'a', '天气很好'),
    single('q4', 'Q4', 'a', '很好适合'),
  ],
};

const others = (n: number) => Array.from({ length: n }, (_, i) => `x${i}`);
const script: Record<string, { text: string; retrieved: string[] }> = {
  // c is first and relevant as a repost (answer ≥ 8 characters): rank 0. Exact answer: ROUGE-L 1, covered.
  Q1: { text: '一次性开办补贴五万元整', retrieved: ['c', 'b'] },
  // Gold at index 4: R1 0, R5 1, RR 1/5. LCS 4 of 4 and of 6: F1 0.8; recall 4/6 < 0.8: not covered.
  Q2: { text: '出门散步', retrieved: ['b', 'c', 'x0', 'x1', 'a'] },
  // Gold answer under 8 characters, so b and c do not count; repeats collapse. Empty answer: 0.
  Q3: { text: '', retrieved: ['b', 'b', 'c'] },
  // Gold is 11th: outside the top ten, RR 0. LCS 4 of 12 and of 4: F1 0.5; recall 1: covered.
  Q4: { text: '今天天气很好适合出门散步', retrieved: [...others(10), 'a'] },
};
const scripted: Responder = async (question) => {
  const { text, retrieved } = script[question]!;
  return { answer: { text }, retrieved };
};

describe('scoreQuestions', () => {
  it('computes every metric of FORMAT.md as worked out by hand', async () => {
    const { metrics, results } = await scoreQuestions(dataset, scripted);
    expect(results.map((r) => r.rank)).toEqual([0, 4, null, null]);
    expect(metrics).toMatchObject({ questions: 4, docR1: 0.25, docR5: 0.5, mrr: 0.3, rougeL: 0.575, coverage: 0.5 });
    // Every question is answerable by default, and none was refused by the script.
    expect(Object.keys(metrics)).toEqual(['questions', 'docR1', 'docR5', 'mrr', 'rougeL', 'coverage', 'falseRefusal', 'p50ms', 'p99ms']);
    expect(metrics.falseRefusal).toBe(0);
    expect(metrics.p99ms).toBeGreaterThanOrEqual(metrics.p50ms);
  });

  it('asks only the first N questions with a limit', async () => {
    const { metrics } = await scoreQuestions(dataset, scripted, { limit: 2 });
    expect(metrics).toMatchObject({ questions: 2, docR1: 0.5, docR5: 1, mrr: 0.6, rougeL: 0.9, coverage: 0.5 });
  });
});

describe('summarise', () => {
  it('takes nearest-rank percentiles of the answer times and rounds them to 0.1 ms', () => {
    const results: QuestionResult[] = Array.from({ length: 100 }, (_, i) => ({
      id: `q${i}`,
      conversation: false,
      answerable: true,
      type: 'passage',
      confidence: 0.5,
      rank: null,
      rougeL: 1 / 3,
      covered: false,
      ms: 100.04 - i, // 100.04 … 1.04, in reverse order
      retrieved: [],
      answer: '',
    }));
    expect(summarise(results)).toMatchObject({ p50ms: 50, p99ms: 99, rougeL: 0.3333 });
  });

  it('leaves out the metrics no question has the fields for, and reports zeros, not NaN, for an empty question set', () => {
    expect(summarise([])).toEqual({ questions: 0, p50ms: 0, p99ms: 0 });
  });
});

describe('runEval', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds the right document for each question of a tiny dataset', async () => {
    dir = await writeTinyDataset();
    const report = await runEval(dir);
    expect(report.importProblems).toEqual([]);
    expect(report.metrics).toMatchObject({ questions: 3, docR1: 1, docR5: 1, mrr: 1 });
    expect(report.metrics.rougeL).toBeGreaterThan(0);
    expect(report.results.every((r) => r.ms > 0)).toBe(true);
  }, 120_000);

  it("loads the demo zone's knowledge beside the dataset with withDemo", async () => {
    dir ??= await writeTinyDataset();
    const report = await runEval(dir, { withDemo: true, assistant: { zoneName: '星河高新区' } });
    expect(report.titles.get('guide-talent-apartment')).toBe('人才公寓申请');
    expect(report.importProblems).toEqual([]);
    expect(report.metrics.questions).toBe(3);
  }, 120_000);
});

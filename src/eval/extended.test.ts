/**
 * Tests of the extended dataset format (FORMAT.md): knowledge.jsonl items beside corpus.jsonl
 * documents, conversations, expect, answerable:false; their metrics, calibration table and
 * diagnoses for a scripted responder, worked out by hand; the halves, noise on every turn, format
 * errors by file:line, and a real run of the assistant over the small dataset.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGuidesDataset } from '../cli/test-support.js';
import { readDataset, type Dataset } from './dataset.js';
import { datasetKnowledge } from './knowledge.js';
import { addNoise, HomophoneTable } from './noise.js';
import { halfOf, noisyQuestions, runEval, scoreQuestions, type RespondedAnswer, type Responder } from './run.js';

let dir: string;
let dataset: Dataset;
beforeAll(async () => {
  dir = await writeGuidesDataset();
  dataset = readDataset(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const answer = (text: string, type: string, confidence: number, cited?: string): RespondedAnswer => ({
  text,
  type,
  confidence,
  citations: cited ? [{ id: cited }] : [],
});
const NOT_FOUND = answer('抱歉，知识库中没有找到能回答这个问题的内容。', 'none', 0);
const script: Record<string, { answer: RespondedAnswer; retrieved: string[] }> = {
  // Right: the window, citing the gold guide. Confidence band ≥0.8.
  '居住证在哪个窗口办？': { answer: answer('办理地点：政务服务中心B区12号窗口', 'guide-field', 0.9, 'g-residence'), retrieved: ['g-residence', 'n-hours'] },
  // The right guide, the wrong field: the fee for a subsidy question (wrong-field), band 0.65–0.8.
  '博士的人才安居补贴一个月多少钱？': { answer: answer('收费标准：不收费', 'guide-field', 0.7, 'g-talent'), retrieved: ['g-talent'] },
  // Another guide cited first (wrong-item), the gold one second: rank 1. Band 0.5–0.65.
  '居住证补领要交多少钱？': { answer: answer('补贴标准：博士每月3000元', 'guide-field', 0.55, 'g-talent'), retrieved: ['g-talent', 'g-residence'] },
  '人才安居补贴怎么申请？': { answer: answer('申请条件：全职引进', 'guide-field', 0.8, 'g-talent'), retrieved: ['g-talent'] },
  // The follow-up answered about another guide (follow-up-lost), band 0.5–0.65.
  '要带什么材料？': { answer: answer('居民身份证', 'guide-field', 0.6, 'g-residence'), retrieved: ['g-residence'] },
  // Answered though nothing answers it (answered-unanswerable), band 0.35–0.5.
  '结婚登记在哪里办？': { answer: answer('政务服务中心B区12号窗口', 'guide-field', 0.4, 'g-residence'), retrieved: ['g-residence'] },
  '火星上的邮局几点开门？': { answer: NOT_FOUND, retrieved: [] },
  // Refused though its document ranked first (refused-but-ranked-first); only a gold document.
  '政务服务中心周四晚上开到几点？': { answer: NOT_FOUND, retrieved: ['n-hours'] },
};
const sessions: Array<[string, string | undefined]> = [];
const scripted: Responder = async (question, sessionId) => {
  sessions.push([question, sessionId]);
  return script[question]!;
};

describe('readDataset (extended format)', () => {
  it('reads single questions and conversations as turns, with answerable true by default and their positions', () => {
    expect(dataset.corpus.map((d) => d.id)).toEqual(['n-hours', 'n-library']);
    expect(dataset.knowledgeFile).toBe(path.join(dir, 'knowledge.jsonl'));
    expect(dataset.questions.map((q) => [q.id, q.turns.length, q.conversation, q.answerable, q.position])).toEqual([
      ['s1', 1, false, true, 1],
      ['s2', 1, false, true, 2],
      ['s3', 1, false, true, 3],
      ['c1', 2, true, true, 4],
      ['u1', 1, false, false, 5],
      ['u2', 1, false, false, 6],
      ['r1', 1, false, true, 7],
    ]);
    expect(dataset.questions[4]).not.toHaveProperty('doc_id');
  });

  it('names the file, line and field of a malformed question', async () => {
    const bad = await mkdtemp(path.join(os.tmpdir(), 'xiaoxin-eval-bad-'));
    try {
      await writeFile(path.join(bad, 'knowledge.jsonl'), '');
      const file = path.join(bad, 'questions.jsonl');
      const cases: Array<[string, string]> = [
        ['{"id":"b","question":"问？","turns":["问？"]}', 'question: exactly one of question and turns must be given'],
        ['{"id":"b"}', 'question: exactly one of question and turns must be given'],
        ['{"id":"b","question":"问？","expect":"3000元"}', 'expect: '],
        ['{"id":"b","turns":["问？",""]}', 'turns[1]: '],
        ['{"id":"b","question":"问？","answerable":"no"}', 'answerable: '],
        ['{"id":"b","question":"问？"', 'not valid JSON'],
        ['{"id":"a","question":"问？"}', 'id: "a" is already used on line 1'],
      ];
      for (const [line, message] of cases) {
        await writeFile(file, `{"id":"a","question":"好的问题？"}\n\n${line}\n`);
        expect(() => readDataset(bad)).toThrow(`${file}:3: ${message}`);
      }
      await rm(path.join(bad, 'knowledge.jsonl'));
      expect(() => readDataset(bad)).toThrow('has neither corpus.jsonl nor knowledge.jsonl');
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});

describe('scoreQuestions (extended format)', () => {
  it('computes expectHit, falseRefusal, refusal, conversations, the calibration table and each diagnosis by hand', async () => {
    sessions.length = 0;
    const { metrics, calibration, results } = await scoreQuestions(dataset, scripted);
    // docR1 over the 5 with doc_id: s1, s2, r1 first; s3 second; c1 not retrieved. mrr (3 + 1/2) / 5.
    // expectHit over s1, s2, s3, c1: s1 only. falseRefusal: r1 of 5 answerable. refusal: u2 of u1, u2.
    expect(metrics).toMatchObject({
      questions: 7,
      docR1: 0.6,
      docR5: 0.8,
      mrr: 0.7,
      expectHit: 0.25,
      falseRefusal: 0.2,
      refusal: 0.5,
      conversations: 1,
      conversationsRight: 0,
    });
    // No gold answers: rougeL and coverage are left out.
    expect(Object.keys(metrics)).toEqual([
      'questions', 'docR1', 'docR5', 'mrr', 'expectHit', 'falseRefusal', 'refusal', 'conversations', 'conversationsRight', 'p50ms', 'p99ms',
    ]);
    expect(results.map((r) => [r.id, r.right, r.diagnosis])).toEqual([
      ['s1', true, undefined],
      ['s2', false, 'wrong-field'],
      ['s3', false, 'wrong-item'],
      ['c1', false, 'follow-up-lost'],
      ['u1', false, 'answered-unanswerable'],
      ['u2', true, undefined],
      ['r1', false, 'refused-but-ranked-first'],
    ]);
    expect(calibration).toEqual({
      bands: [
        { band: '<0.35', answers: 0, right: 0, share: 0 },
        { band: '0.35–0.5', answers: 1, right: 0, share: 0 },
        { band: '0.5–0.65', answers: 2, right: 0, share: 0 },
        { band: '0.65–0.8', answers: 1, right: 0, share: 0 },
        { band: '≥0.8', answers: 1, right: 1, share: 1 },
      ],
      refused: 2,
      clarified: 0,
    });
    // The conversation's turns share one session; single questions are asked without one.
    const conversation = sessions.filter(([q]) => q === '人才安居补贴怎么申请？' || q === '要带什么材料？');
    expect(conversation.map(([q]) => q)).toEqual(['人才安居补贴怎么申请？', '要带什么材料？']);
    expect(conversation[0]![1]).toBeDefined();
    expect(conversation[1]![1]).toBe(conversation[0]![1]);
    expect(sessions.filter(([, s]) => s === undefined)).toHaveLength(6);
  });

  it('asks only the odd- or even-numbered questions with a half', async () => {
    expect(halfOf(dataset, 'odd').questions.map((q) => q.id)).toEqual(['s1', 's3', 'u1', 'r1']);
    expect(halfOf(dataset, 'even').questions.map((q) => q.id)).toEqual(['s2', 'c1', 'u2']);
    const { metrics } = await scoreQuestions(halfOf(dataset, 'even'), scripted);
    expect(metrics).toMatchObject({ questions: 3, docR1: 0.5, expectHit: 0, falseRefusal: 0, refusal: 1, conversations: 1 });
  });

  it('adds noise to every turn, a single question seeded by its position as before', () => {
    const table = new HomophoneTable(dataset.corpus.map((d) => d.text));
    const noisy = noisyQuestions(dataset, 'spoken');
    expect(noisy.questions[0]!.turns).toEqual([addNoise('居住证在哪个窗口办？', 'spoken', table, 1)]);
    const turns = noisy.questions[3]!.turns;
    expect(turns).toHaveLength(2);
    const tidy = dataset.questions[3]!.turns;
    turns.forEach((t, i) => expect(t).toContain(tidy[i]!.replace(/？$/, '')));
    expect(turns).not.toEqual(tidy);
    // Only the half asked, with the noise of the whole run.
    expect(noisyQuestions(halfOf(dataset, 'odd'), 'spoken').questions[1]!.turns).toEqual(noisy.questions[2]!.turns);
  });
});

describe('the knowledge of a dataset, and a real run', () => {
  it('imports knowledge.jsonl items as xiaoxin import does, and a corpus document as a .txt file of its text, keeping its id', async () => {
    const knowledge = await datasetKnowledge(dataset);
    expect(knowledge.problems).toEqual([]);
    const byId = new Map(knowledge.items.map((i) => [i.id, i]));
    expect(byId.get('g-talent')).toMatchObject({ kind: 'guide', subsidy: '博士每月3000元，硕士每月1500元，最长发放3年' });
    // News, not a policy: the importer decides what a document is, as for a .txt file.
    expect(byId.get('n-hours')).toMatchObject({ kind: 'article', title: '政务服务中心周四延时服务', source: 'n-hours.txt' });
    // A page flattened onto one line keeps its text as published (its spaces are its paragraph breaks) …
    expect(byId.get('n-hours')).toMatchObject({ text: dataset.corpus[0]!.text });
    // … and one with its lines is cleaned as a .txt file is (full-width digits made half-width).
    expect(byId.get('n-library')).toMatchObject({ title: '区图书馆开放时间调整', text: expect.stringContaining('自4月起，区图书馆每日9:00开放') as unknown });
  });

  it('asks the conversation in one session of the real assistant, so that the follow-up stays on its guide', async () => {
    const report = await runEval(dir);
    expect(report.importProblems).toEqual([]);
    const byId = new Map(report.results.map((r) => [r.id, r]));
    expect(byId.get('c1')).toMatchObject({ conversation: true, cited: 'g-talent' });
    expect(byId.get('s1')).toMatchObject({ cited: 'g-residence', rank: 0 });
    expect(byId.get('u2')).toMatchObject({ type: 'none', right: true });
    expect(report.metrics.questions).toBe(7);
  }, 120_000);
});

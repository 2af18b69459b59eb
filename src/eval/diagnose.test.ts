/**
 * Tests of the miss diagnoses, on small hand-made texts, and of their place in a scored run, its
 * summary and its report. A fixed place list stands in for jieba, except in the scored run.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset, LabelledQuestion } from './dataset.js';
import { DIAGNOSES, diagnose, holdsAnswer, nearDuplicates, type Miss } from './diagnose.js';
import { formatDiagnoses, writeReport } from './report.js';
import { scoreQuestions, type Responder } from './run.js';

const single = (id: string, question: string, doc_id: string, answer: string): LabelledQuestion => ({
  id,
  turns: [question],
  conversation: false,
  doc_id,
  answer,
  answerable: true,
  position: 1,
});

const PLACES = ['内蒙古', '天津'];
const placeNames = (text: string) => PLACES.filter((p) => text.includes(p));

const NOTICE =
  '关于进一步做好中小企业复工复产金融服务的通知 各银行机构要加大信贷投放力度，对受疫情影响较大的中小企业不得抽贷断贷压贷，' +
  '贷款到期的可申请展期或续贷，展期最长不超过六个月。';
const texts = new Map([
  ['notice', NOTICE],
  // The same notice reposted, with a header in front and a line changed at the end.
  ['repost', `转发：${NOTICE.slice(0, -8)}请各单位遵照执行。`],
  ['parking', '关于停车场开放的公告 政务服务中心停车场对办事群众免费开放，每次限停两小时。'],
  ['rent', '关于人才公寓租金的通知 全职引进的博士可以申请人才公寓，租金按照市场价格的百分之五十收取。'],
  ['fund', '内蒙古自治区财政厅关于疫情防控资金使用管理的通知 资金实行专款专用，不得挤占挪用。'],
]);

function miss(question: Partial<LabelledQuestion>, retrieved: string[], rank: number | null): Miss {
  const q: LabelledQuestion = { ...single('q', '问题', 'notice', '不可能出现的答案文本内容'), ...question };
  return { question: q, retrieved, texts, rank, placeNames };
}

describe('diagnose', () => {
  it('says nothing of a question whose first document is relevant', () => {
    expect(diagnose(miss({}, ['notice', 'parking'], 0))).toBeUndefined();
  });

  it('finds a short gold answer in the first document (answer-in-top)', () => {
    // Under 8 characters, so the parking notice does not count as relevant, though it answers.
    const m = miss({ turns: ['停车场收费吗？'], doc_id: 'rent', answer: '免费开放' }, ['parking', 'rent'], 1);
    expect(diagnose(m)).toBe('answer-in-top');
  });

  it('finds a gold answer worded slightly differently in a long first document (answer-in-top)', () => {
    expect(holdsAnswer(NOTICE, '贷款到期的可以申请展期或者续贷')).toBe(true);
    // Its characters scattered over the whole document are not an answer.
    expect(holdsAnswer(NOTICE, '博士公寓租金价格')).toBe(false);
  });

  it('blames a place the question names and the gold document never mentions (place-not-in-gold)', () => {
    const m = miss({ turns: ['内蒙古对资金使用做了哪些规定？'], doc_id: 'parking' }, ['fund', 'parking'], 1);
    expect(diagnose(m)).toBe('place-not-in-gold');
    // The gold document mentions the place: not this diagnosis.
    expect(diagnose(miss({ turns: ['内蒙古对资金使用做了哪些规定？'], doc_id: 'fund' }, ['parking', 'fund'], 1))).toBe(
      'ranked-lower',
    );
  });

  it('recognises the same notice under another id (near-duplicate)', () => {
    expect(nearDuplicates(texts.get('repost')!, NOTICE)).toBe(true);
    expect(nearDuplicates(texts.get('parking')!, NOTICE)).toBe(false);
    expect(diagnose(miss({ doc_id: 'notice' }, ['repost', 'notice'], 1))).toBe('near-duplicate');
  });

  it('tells a relevant document lower down from none in the top ten', () => {
    expect(diagnose(miss({ doc_id: 'notice' }, ['parking', 'rent', 'notice'], 2))).toBe('ranked-lower');
    expect(diagnose(miss({ doc_id: 'notice' }, ['parking', 'rent'], null))).toBe('not-retrieved');
    expect(diagnose(miss({ doc_id: 'notice' }, [], null))).toBe('not-retrieved');
  });
});

describe('diagnoses in a scored run and its report', () => {
  const dataset: Dataset = {
    dir: 'scripted',
    corpus: [...texts].map(([id, text]) => ({ id, title: text.split(' ')[0]!, text })),
    questions: [
      single('q1', '停车场收费吗？', 'parking', '免费开放'),
      single('q2', '人才公寓租金怎么收？', 'rent', '租金按照市场价格的百分之五十收取'),
      single('q3', '停车能停多久？', 'parking', '每次限停两小时'),
    ],
  };
  const script: Record<string, { text: string; retrieved: string[] }> = {
    '停车场收费吗？': { text: '免费开放', retrieved: ['parking', 'parking', 'rent'] },
    '人才公寓租金怎么收？': { text: '租金按照市场价格的百分之五十收取', retrieved: ['notice', 'repost', 'rent'] },
    '停车能停多久？': { text: '', retrieved: ['rent', 'fund'] },
  };
  const scripted: Responder = async (question) => {
    const { text, retrieved } = script[question]!;
    return { answer: { text }, retrieved };
  };

  it('keeps the top ten, the answer and the diagnosis of each question, and counts the misses', async () => {
    const { results } = await scoreQuestions(dataset, scripted);
    expect(results.map((r) => [r.id, r.rank, r.diagnosis])).toEqual([
      ['q1', 0, undefined],
      ['q2', 2, 'ranked-lower'],
      ['q3', null, 'not-retrieved'],
    ]);
    expect(results[0]).toMatchObject({ retrieved: ['parking', 'rent'], answer: '免费开放' });
    expect('diagnosis' in results[0]!).toBe(false);
    const summary = formatDiagnoses(results).split('\n');
    expect(summary[0]).toBe('  misses by diagnosis: ranked-lower 1, not-retrieved 1');
    expect(summary.slice(1)).toHaveLength(2);
    expect(summary[1]).toContain(DIAGNOSES.find((d) => d.name === 'ranked-lower')!.explanation);
    expect(formatDiagnoses(results.slice(0, 1))).toBe('  misses by diagnosis: none');

    const dir = await mkdtemp(path.join(os.tmpdir(), 'xiaoxin-report-'));
    try {
      const file = path.join(dir, 'report.jsonl');
      writeReport(file, dataset, { results });
      const lines = (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines[1]).toEqual({
        id: 'q2',
        question: '人才公寓租金怎么收？',
        goldDoc: 'rent',
        goldAnswer: '租金按照市场价格的百分之五十收取',
        rank: 2,
        retrieved: [
          { id: 'notice', title: '关于进一步做好中小企业复工复产金融服务的通知' },
          { id: 'repost', title: '转发：关于进一步做好中小企业复工复产金融服务的通知' },
          { id: 'rent', title: '关于人才公寓租金的通知' },
        ],
        answer: '租金按照市场价格的百分之五十收取',
        rougeL: 1,
        covered: true,
        ms: lines[1]!.ms,
        diagnosis: 'ranked-lower',
      });
      expect(Object.keys(lines[1]!).at(-1)).toBe('diagnosis');
      expect('diagnosis' in lines[0]!).toBe(false);
      expect(() => writeReport(path.join(dir, 'missing', 'r.jsonl'), dataset, { results })).toThrow(
        path.join(dir, 'missing', 'r.jsonl'),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

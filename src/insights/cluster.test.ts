/**
 * @module insights/cluster.test
 * Unanswered questions group by what they ask: rewordings, synonyms and traditional characters
 * land together, different topics stay apart, and the biggest group comes first.
 */
import { describe, expect, it } from 'vitest';
import { TextAnalyzer } from '../language/index.js';
import { clusterQuestions } from './cluster.js';
import { classifyQuestion } from './question-kind.js';

const analyzer = new TextAnalyzer();

function clusterOf(clusters: ReturnType<typeof clusterQuestions>, text: string): number {
  return clusters.findIndex((c) => c.variants.some((v) => v.text === text));
}

describe('clusterQuestions', () => {
  const samples = [
    { text: '人才公寓怎么申请', count: 5 },
    { text: '如何申请人才公寓', count: 3 },
    { text: '人才公寓申请流程是什么', count: 2 },
    { text: '人才公寓申請條件', count: 1 },
    { text: '停车场收费标准是多少', count: 2 },
    { text: '政务中心停车收费吗', count: 1 },
    { text: '停车场怎么收费', count: 1 },
    { text: '食堂对外开放吗', count: 1 },
  ];
  const clusters = clusterQuestions(samples, analyzer);

  it('puts rewordings of one question together, traditional characters included', () => {
    const talent = clusterOf(clusters, '人才公寓怎么申请');
    for (const text of ['如何申请人才公寓', '人才公寓申请流程是什么', '人才公寓申請條件']) {
      expect(clusterOf(clusters, text)).toBe(talent);
    }
  });

  it('keeps different topics apart', () => {
    const talent = clusterOf(clusters, '人才公寓怎么申请');
    const parking = clusterOf(clusters, '停车场收费标准是多少');
    expect(parking).not.toBe(talent);
    expect(clusterOf(clusters, '停车场怎么收费')).toBe(parking);
    expect(clusterOf(clusters, '食堂对外开放吗')).not.toBe(talent);
    expect(clusterOf(clusters, '食堂对外开放吗')).not.toBe(parking);
  });

  it('orders clusters by how often they were asked and names each by its most asked wording', () => {
    expect(clusters[0]!.representative).toBe('人才公寓怎么申请');
    expect(clusters[0]!.total).toBe(11);
    expect(clusters[0]!.variants.map((v) => v.count)).toEqual([5, 3, 2, 1]);
    const totals = clusters.map((c) => c.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it('counts the same question typed differently as one variant', () => {
    const merged = clusterQuestions(
      [
        { text: '人才公寓怎么申请？', count: 1 },
        { text: '人才公寓 怎么申请', count: 2 },
        { text: '人才公寓怎麼申請', count: 1 },
      ],
      analyzer,
    );
    expect(merged).toHaveLength(1);
    expect(merged[0]!.variants).toHaveLength(1);
    expect(merged[0]!.variants[0]).toMatchObject({ text: '人才公寓 怎么申请', count: 4 });
  });

  it('returns nothing for nothing', () => {
    expect(clusterQuestions([], analyzer)).toEqual([]);
    expect(clusterQuestions([{ text: '？？', count: 1 }], analyzer)).toEqual([]);
  });
});

describe('classifyQuestion', () => {
  it.each([
    ['办理营业执照要带什么材料', 'materials'],
    ['社保卡在哪里办', 'where'],
    ['政务中心几点开门', 'where'],
    ['高新技术企业认定怎么申请', 'how'],
    ['网上能办吗', 'how'],
    ['研发费用加计扣除比例是多少', 'policy'],
    ['硕士人才有什么补贴', 'policy'],
    ['今天天气怎么样', 'other'],
  ] as const)('%s → %s', (question, kind) => {
    expect(classifyQuestion(question)).toBe(kind);
  });

  it('lets the kind of the cited item decide when the words do not', () => {
    expect(classifyQuestion('关于小微企业的那个文件', 'policy')).toBe('policy');
    expect(classifyQuestion('公司注销', 'guide')).toBe('how');
  });
});

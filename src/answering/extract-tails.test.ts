/**
 * @module answering/extract-tails.test
 * What an answer leaves out and how a misheard question is read: the office note filed after a
 * measure ("（责任单位：…）") is not part of the answer, and a question whose question word a speech
 * recogniser misspelt is answered as the question written right.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TextAnalyzer } from '../language/index.js';
import { analyseQuery } from '../search/query.js';
import { TermStatistics, type SentenceEntry } from '../search/rerank.js';
import { splitSentences } from '../search/sentences.js';
import { extractAnswer } from './extract.js';

let analyzer: TextAnalyzer;
let stats: TermStatistics;

const MEASURES =
  '星河市关于支持个体工商户渡过难关的若干措施\n' +
  '一、减免房租。承租市属国有房产的个体工商户，免收三个月房租，已缴纳的从以后租金中抵扣。（责任单位：市国资委、市财政局）二、缓缴社保。困难个体工商户可申请缓缴社会保险费，最长六个月。（责任单位：市人社局）\n' +
  '三、加强组织领导。各区要明确专人负责，确保各项措施落地见效。';

const SERVICES =
  '星河区政务服务中心延时服务的通知\n' +
  '为方便上班族办事，区政务服务中心自下月起推出延时服务。\n' +
  '工作日延时至晚上七点，周六上午照常办理，办理事项包括社保查询、居住证签注、营业执照领取。\n' +
  '如有疑问请拨打咨询电话。';

const LOANS =
  '星河市创业担保贷款发放情况\n' +
  '今年以来，全市发放创业担保贷款3.2亿元，扶持创业1200人，带动就业4500人。\n' +
  '下一步将继续扩大贷款覆盖面。';

beforeAll(() => {
  analyzer = new TextAnalyzer();
  stats = new TermStatistics();
  for (const text of [MEASURES, SERVICES, LOANS, '营业执照遗失补领当场办结。']) {
    const a = analyzer.analyze(text);
    stats.add([...a.words, ...a.bigrams]);
  }
});

function extract(body: string, question: string): string | undefined {
  const sentences: SentenceEntry[] = splitSentences(body).map((s) => ({ start: s.start, end: s.end, norm: analyzer.normalize(s.text) }));
  const query = analyseQuery(analyzer, question);
  const span = extractAnswer(body, sentences, query, stats, (t) => analyzer.normalize(t), undefined, analyzer.synonyms);
  return span && body.slice(span.start, span.end).trim();
}

describe('extractAnswer: office notes after a measure', () => {
  it('answers with the measure and stops before who carries it out', () => {
    const answer = extract(MEASURES, '租市里国有房子的个体户房租能减免吗？有啥政策');
    expect(answer).toContain('免收三个月房租');
    expect(answer).not.toContain('责任单位');
    expect(answer).not.toContain('缓缴社保');
  });
});

describe('extractAnswer: question words misspelt by speech recognition', () => {
  it('answers 夺绍 as 多少: with the amount, not the whole sentence', () => {
    expect(extract(LOANS, '全市发放创业担保贷款多少？')).toBe('3.2亿元');
    expect(extract(LOANS, '全市发放创业担保贷款夺绍？')).toBe('3.2亿元');
  });

  it('answers 纳协 as 哪些 and 申么 as 什么', () => {
    const written = extract(SERVICES, '延时服务可以办理哪些事项？');
    expect(written).toContain('社保查询');
    expect(extract(SERVICES, '延时服务可以办理纳协事项？')).toBe(written);
    expect(extract(SERVICES, '延时服务可以办理申么事项？')).toBe(extract(SERVICES, '延时服务可以办理什么事项？'));
  });
});

/**
 * @module enterprise/dialogue/dialogue.test
 * Recognising a question about qualifying (both directions, in wordings not used elsewhere), the
 * question asked for each kind of fact, and reading spoken answers into the profile.
 */
import { describe, expect, it } from 'vitest';
import { shippedRules } from '../shipped.js';
import { dialogueTurn } from './dialogue.js';
import { mentionedFact, questionForFact, readAnswer } from './facts.js';
import { eligibilityQuestion, isExit, ruleNames } from './recognise.js';

const names = ruleNames(shippedRules().filter((r) => r.kind === 'eligibility'));

describe('recognising a question about qualifying', () => {
  it.each([
    ['咱们这家公司可以申请高新技术企业认定不', 'high-tech-enterprise'],
    ['我司现在的情况能不能入库科技型中小企业', 'tech-sme-evaluation'],
    ['不知道我们够不够评专精特新', 'srdi-sme'],
    ['我们企业有没有资格拿高企奖励', 'xinghe-high-tech-award'],
    ['公司能申请研发费用补助吗', 'xinghe-rd-growth-subsidy'],
  ])('%s → %s', (question, ruleId) => expect(eligibilityQuestion(question, names)).toBe(ruleId));

  it.each(['高新技术企业认定的申报流程是怎样的', '科小评价在什么系统填报', '专精特新企业有哪些扶持政策', '高企复审要交哪些材料', '研发投入补助找哪个部门', '营业执照怎么办理'])(
    'leaves “%s” to the knowledge base',
    (question) => expect(eligibilityQuestion(question, names)).toBeUndefined(),
  );

  it('knows the ways of leaving', () => {
    for (const s of ['算了', '不问了', '算了吧，以后再说', '别问了']) expect(isExit(s)).toBe(true);
    expect(isExit('三百多人')).toBe(false);
  });
});

describe('asking and reading one fact', () => {
  it('asks in words, naming the year', () => {
    expect(questionForFact('revenue.2025', 2026)).toMatch(/^贵公司去年（2025年）的销售（营业）收入大约是多少？/);
    expect(questionForFact('employees', 2026)).toBe('贵公司的职工总数大约有多少人？');
    expect(questionForFact('coreTechInSupportedField', 2026)).toMatch(/^请问贵公司核心技术是否属于.*？请回答/);
  });

  it('reads spoken numbers, dates, yes-no, none and unknown', () => {
    expect(readAnswer('employees', '三百多人')).toEqual({ kind: 'value', value: 300, approximate: true });
    expect(readAnswer('revenue.2025', '去年营收八千万')).toMatchObject({ kind: 'value', value: 8000 });
    expect(readAnswer('totalAssets.2025', '1.2亿')).toMatchObject({ kind: 'value', value: 12000 });
    expect(readAnswer('registrationDate', '2019年3月')).toEqual({ kind: 'value', value: '2019-03-01' });
    expect(readAnswer('coreTechInSupportedField', '不是')).toEqual({ kind: 'value', value: false });
    expect(readAnswer('ip.inventionPatents', '没有')).toEqual({ kind: 'value', value: 0 });
    expect(readAnswer('incidents', '没有')).toEqual({ kind: 'value', value: [] });
    expect(readAnswer('stStaff', '这个我不清楚')).toEqual({ kind: 'unknown' });
    expect(readAnswer('employees', '很多')).toMatchObject({ kind: 'unreadable' });
  });

  it('finds the fact an answer names', () => {
    expect(mentionedFact('研发投入大概四百万', 2026)).toBe('rdExpenses.2025');
    expect(mentionedFact('前年营业收入五千万', 2026)).toBe('revenue.2024');
    expect(mentionedFact('员工三百多', 2026)).toBe('employees');
    expect(mentionedFact('三百多', 2026)).toBeUndefined();
  });
});

describe('a dialogue', () => {
  it('never asks a fact twice and ends with a verdict, also when every answer is 不知道', async () => {
    const ctx = { rules: shippedRules(), asOf: '2026-03-10' };
    let reply = await dialogueTurn('我们公司能评专精特新吗', undefined, ctx);
    const asked: string[] = [];
    while (reply?.card.stage === 'asking') {
      expect(asked).not.toContain(reply.card.factKey);
      asked.push(reply.card.factKey!);
      reply = await dialogueTurn('不知道', reply.state, ctx);
    }
    expect(reply?.card).toMatchObject({ stage: 'verdict', verdict: 'missing-facts' });
    expect(asked.length).toBeGreaterThan(2);
    expect(asked.length).toBeLessThanOrEqual(20);
  });
});

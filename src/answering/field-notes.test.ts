/**
 * @module answering/field-notes.test
 * The sentence of a guide that answers a specific question no standard field holds, found in any
 * of its sections (conditions, notes, result …) — and the overview kept for questions about the
 * guide as a whole or that no sentence answers.
 */
import { describe, expect, it } from 'vitest';
import { itemBody, itemSchema, type Guide } from '../knowledge/index.js';
import { normalizeText } from '../language/index.js';
import { guideQuestionAnswer } from './compose.js';
import { answeringSentence } from './field-notes.js';

const RD_GRANT = ((): Guide => {
  const item = itemSchema.parse({
    kind: 'guide',
    id: 'guide-rd-grant',
    title: '科技型企业研发项目补助申领',
    conditions: [
      '在云湖区注册并纳税的科技型中小企业',
      '企业应在项目立项后6个月内提出申请，逾期不予受理',
    ],
    materials: [{ name: '项目立项文件', form: '复印件' }, { name: '研发费用专项审计报告', form: '原件' }],
    steps: ['网上申报', '区科技局审核', '公示', '资金拨付'],
    promisedTimeLimit: '20个工作日',
    fee: '不收费',
    subsidy: '按项目研发投入的20%给予补助，最高100万元',
    result: '补助资金拨付至企业基本账户',
    place: '云湖区政务服务中心三楼科技窗口',
    phone: '0000-7005005',
    notes: '补助资金须专款专用于研发活动，不得用于购置办公用房。同一项目已获得市级资助的，区级不再重复资助。',
  });
  if (item.kind !== 'guide') throw new Error('not a guide');
  return item;
})();

/**
 * As the assistant weighs pairs (IDF over the knowledge base): pairs every guide uses say little,
 * pairs no item uses (chatter: 已经, 还能) count 0.3.
 */
const COMMON_PAIRS = new Set(['申请', '办理', '企业', '项目', '资金', '提出']);
const GUIDE_TEXT = itemBody(RD_GRANT);
const pairWeight = (pair: string) => (!GUIDE_TEXT.includes(pair) ? 0.3 : COMMON_PAIRS.has(pair) ? 0.2 : 1);

const sentenceFor = (q: string) => answeringSentence(RD_GRANT, { normalized: normalizeText(q), pairWeight })?.sentence;

describe('answeringSentence', () => {
  it('finds the notes sentence that answers a yes/no question about the rules', () => {
    expect(sentenceFor('市里已经资助过的项目，区里还能再申请吗？')).toBe('同一项目已获得市级资助的，区级不再重复资助。');
    expect(sentenceFor('补助的钱能用来买办公用房吗')).toBe('补助资金须专款专用于研发活动，不得用于购置办公用房。');
  });

  it('finds the applicant\'s deadline in the conditions, not the office\'s time limit', () => {
    expect(sentenceFor('项目立项以后多长时间内必须申请？')).toContain('企业应在项目立项后6个月内提出申请');
  });

  it('leaves questions about the whole guide to the overview', () => {
    expect(sentenceFor('研发项目补助怎么办')).toBeUndefined();
    expect(sentenceFor('介绍一下科技型企业研发项目补助')).toBeUndefined();
    expect(sentenceFor('立项以后的研发补助咋申请下来')).toBeUndefined();
  });

  it('answers nothing when no sentence holds what is asked', () => {
    expect(sentenceFor('食堂几点开饭')).toBeUndefined();
  });
});

describe('guideQuestionAnswer', () => {
  const context = { questionWords: [], hotline: '12345', pairWeight };

  it('answers a specific question with the sentence, under its section\'s label', () => {
    const answer = guideQuestionAnswer(RD_GRANT, 0.8, [], { ...context, normalized: normalizeText('拿了市级资助的项目还能申请区里的吗') });
    expect(answer.text).toBe('【科技型企业研发项目补助申领】温馨提示：\n同一项目已获得市级资助的，区级不再重复资助。');
    expect(answer.field).toBe('notes');
  });

  it('gives the overview to a question about the guide as a whole', () => {
    const answer = guideQuestionAnswer(RD_GRANT, 0.8, [], { ...context, normalized: normalizeText('研发补助怎么弄') });
    expect(answer.field).toBe('overview');
    expect(answer.text).toContain('办理条件：');
  });
});

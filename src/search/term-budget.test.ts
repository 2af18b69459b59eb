import { describe, expect, it } from 'vitest';
import { withinBudget } from './term-budget.js';

const df: Record<string, number> = { 企业: 9000, 政策: 8000, 研发: 400, 费用: 900, 加计扣除: 30, 扣除: 60, qi_ye: 9500, jia_ji: 35 };
const frequency = (term: string) => df[term] ?? 0;
const terms = { words: ['企业', '研发', '费用', '加计扣除'], bigrams: ['政策', '扣除'], pinyinBigrams: ['qi_ye', 'jia_ji'] };

describe('withinBudget', () => {
  it('keeps every term when the question is cheap (a small knowledge base never reaches the budget)', () => {
    expect(withinBudget(terms, frequency, { budget: 1_000_000, minTerms: 2 })).toEqual(terms);
  });

  it('keeps the rarest terms until their document frequencies reach the budget, leaving out the commonest', () => {
    const kept = withinBudget(terms, frequency, { budget: 2_000, minTerms: 2 });
    expect(kept).toEqual({ words: ['加计扣除', '研发', '费用'], bigrams: ['扣除'], pinyinBigrams: ['jia_ji'] });
  });

  it('always keeps the rarest few, so that a question of common words still finds something', () => {
    const kept = withinBudget(terms, frequency, { budget: 10, minTerms: 3 });
    expect([...kept.words, ...kept.bigrams, ...kept.pinyinBigrams].sort()).toEqual(['加计扣除', '扣除', 'jia_ji'].sort());
  });
});

import { describe, expect, it } from 'vitest';
import { amount, decimal, digitByDigit } from './numbers.js';

describe('amount', () => {
  it.each([
    ['0', '零'],
    ['7', '七'],
    ['10', '十'],
    ['12', '十二'],
    ['20', '二十'],
    ['105', '一百零五'],
    ['110', '一百一十'],
    ['1010', '一千零一十'],
    ['10500', '一万零五百'],
    ['100000', '十万'],
    ['105000', '十万五千'],
    ['1000005', '一百万零五'],
    ['100050000', '一亿零五万'],
    ['007', '七'],
  ])('%s → %s', (digits, spoken) => expect(amount(digits)).toBe(spoken));

  it('reads a number too long for an amount digit by digit (a code, not a count)', () => {
    expect(amount('12345678901234567')).toBe('一二三四五六七八九零一二三四五六七');
  });
});

describe('decimal and digit by digit', () => {
  it('reads the fraction digit by digit', () => {
    expect(decimal('12.5')).toBe('十二点五');
    expect(decimal('0.05')).toBe('零点零五');
  });
  it('says 幺 for 1 only when asked (phone and room numbers)', () => {
    expect(digitByDigit('2016')).toBe('二零一六');
    expect(digitByDigit('12345', { yao: true })).toBe('幺二三四五');
  });
});

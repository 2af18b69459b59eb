import { describe, expect, it } from 'vitest';
import { countPairs, HomophoneCorrector } from './homophones.js';
import { Segmenter } from '../language/index.js';

const segmenter = new Segmenter();

function corrector(texts: string[], minCount = 1): HomophoneCorrector {
  const c = new HomophoneCorrector((t) => segmenter.cutKnownWords(t));
  for (const t of texts) c.add(t);
  c.seal(minCount);
  return c;
}

describe('HomophoneCorrector', () => {
  const kb = ['失业保险金按月发放', '申领失业保险金需要身份证', '结转下一年度使用', '余额可以结转'];

  it('reads a misheard character as the knowledge base word that sounds the same', () => {
    const c = corrector(kb);
    expect(c.correct('失业保险今怎么领')).toContain('失业保险金');
    expect(c.correct('余额能不能结砖')).toContain('结转');
  });

  it('leaves pairs the knowledge base uses alone', () => {
    const c = corrector(kb);
    expect(c.correct('失业保险金按月发放')).toBe('失业保险金按月发放');
  });

  it('does not turn a word-forming character into a lone one (能拿 is not 能纳)', () => {
    const c = corrector(['还能纳入补贴范围', '还能纳入补贴范围']);
    expect(c.correct('我还能拿失业金吗')).toBe('我还能拿失业金吗');
  });

  it('does not replace both characters of a pair (that would be another word)', () => {
    const c = corrector(['有据可查']);
    expect(c.correct('邮局在哪')).toBe('邮局在哪');
  });

  it('trusts only pairs seen often enough', () => {
    const c = corrector(['结转一次'], 2);
    expect(c.correct('结砖')).toBe('结砖');
  });

  it('reads a misheard question word back, though documents seldom ask questions', () => {
    const c = corrector(kb);
    expect(c.correct('社区推出申么活动')).toBe('社区推出申么活动');
    c.trust(['什么', '多少']);
    c.seal(1);
    expect(c.correct('社区推出申么活动')).toBe('社区推出什么活动');
    c.trust(['哪个']);
    c.seal(1);
    expect(c.correct('那个，社区推出了活动')).toBe('那个，社区推出了活动');
  });
});

describe('HomophoneCorrector.correctAgainst (the item chosen to answer)', () => {
  const item = ['需要转为永久性建设用地的，依法办理建设用地审批手续。', '临时用地使用结束后恢复原状，不再补办建设用地手续。'];
  const kb = [...item, '哪些条件可以申请', '申请条例规定的补贴', '工伤保险待遇', '工商登记'];

  it('reads pairs no item uses as the same-sounding words of the chosen item, both characters if need be', () => {
    const c = corrector(kb);
    expect(c.correctAgainst('需要专为永久性间设用第的有何政策', countPairs(item))).toBe('需要专为永久性建设用地的有何政策');
  });

  it('leaves the words of the question alone, and pairs the knowledge base uses', () => {
    const c = corrector(kb);
    const pairs = countPairs(['工商登记窗口', '工商登记材料', '协调解决', '协调推进']);
    expect(c.correctAgainst('工伤认定要什么材料', pairs)).toBe('工伤认定要什么材料');
    expect(c.correctAgainst('满足哪些条例规定', pairs)).toBe('满足哪些条例规定');
  });
});

import { describe, expect, it } from 'vitest';
import { countPairs, heardAs, HomophoneCorrector, type FunctionWords } from './homophones.js';
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

describe('heardAs (the question as someone who knows the item hears it)', () => {
  const item = countPairs([
    '疫情防控期间，小微企业可以申请延期缴纳社会保险费。',
    '省发改委从扩大产能、协调原料、畅通物流三个方面保障口罩供应。',
    '健康码分为红、黄、绿三种颜色。',
  ]);

  it('reads a pair the item lacks as its pair of the same sound, one character apart', () => {
    // 防空 and 改为 are words of their own, so nothing but the item says they were misheard.
    expect(heardAs('疫情防空期间社保费能延企缴纳吗', item)).toBe('疫情防控期间社保费能延期缴纳吗');
    expect(heardAs('省发改为从哪几个方面保障口罩供应', item)).toBe('省发改委从哪几个方面保障口罩供应');
    expect(heardAs('健康码分为哪几中颜色', item)).toBe('健康码分为哪几种颜色');
  });

  it('leaves what the item says, and pairs sounding like none of its pairs', () => {
    expect(heardAs('疫情防控期间社保费能延期缴纳吗', item)).toBe('疫情防控期间社保费能延期缴纳吗');
    expect(heardAs('公积金怎么提取', item)).toBe('公积金怎么提取');
  });

  it('changes one character of a pair, never both (邮局 is not 有据)', () => {
    expect(heardAs('邮局在哪', countPairs(['有据可查', '有据可依']))).toBe('邮局在哪');
  });

  it('keeps a character that makes one of the item’s pairs with its other neighbour', () => {
    // 空间 is the item's: the 空 of 防空间 was heard right, though 防空 sounds like its 防控.
    const pairs = countPairs(['做好疫情防控', '办公空间不足']);
    expect(heardAs('防空间', pairs)).toBe('防空间');
    expect(heardAs('防空措施', pairs)).toBe('防控措施');
  });

  const segmenter = new Segmenter();
  const particles = (isWord: (c: string) => boolean = () => false): FunctionWords => ({
    words: ['了', '的', '吗'],
    keep: ['有何'],
    segment: (t) => segmenter.cutKnownWords(t),
    isWord,
  });
  const jobs = countPairs(['园区派出联络员帮助企业解决用工难题']);

  it('reads a lone character that sounds like a particle as the particle', () => {
    expect(heardAs('园区帮助企业解决疗哪些难题', jobs, particles())).toBe('园区帮助企业解决了哪些难题');
  });

  it('leaves a lone character the knowledge base uses as a word, and the question words', () => {
    expect(heardAs('园区帮助企业解决疗哪些难题', jobs, particles((c) => c === '疗'))).toBe('园区帮助企业解决疗哪些难题');
    expect(heardAs('用工难题有何办法', jobs, particles())).toBe('用工难题有何办法');
  });

  it('reads a pair only into a word (在哪办 is not 再哪办)', () => {
    const faq = countPairs(['许可证过期了还可再申请']);
    expect(heardAs('食品许可在哪办', faq)).toBe('食品许可再哪办');
    expect(heardAs('食品许可在哪办', faq, particles())).toBe('食品许可在哪办');
    // Nor is a particle read as another of the same sound.
    expect(heardAs('食品许可在哪办', faq, { ...particles(), words: ['在', '再'] })).toBe('食品许可在哪办');
  });
});

import { describe, expect, it } from 'vitest';
import { HomophoneCorrector } from './homophones.js';
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
});

/**
 * @module answering/question-focus.test
 * Which clauses of a question ask, and which tell the asker's circumstances.
 */
import { describe, expect, it } from 'vitest';
import { askingClauses, askingSentences, isContextWord } from './question-focus.js';

describe('askingClauses', () => {
  it('keeps the clauses with a question word, a question particle or a question mark', () => {
    const question = '我在开发区开了家面馆，生意不好不想干了。注销要去哪个窗口？要不要交钱';
    expect(askingClauses(question)).toEqual(['注销要去哪个窗口', '要不要交钱']);
  });

  it('reads a question of one clause, or one that does not ask, as all asking', () => {
    expect(askingClauses('居住证怎么办')).toEqual(['居住证怎么办']);
    expect(askingClauses('我要办居住证，谢谢')).toEqual(['我要办居住证', '谢谢']);
  });

  it('hears spoken question endings', () => {
    expect(askingClauses('孩子刚出生，上户口能当天办好不')).toEqual(['上户口能当天办好不']);
    expect(askingClauses('老家是外省的，在这边能办居住证吗')).toEqual(['在这边能办居住证吗']);
  });
});

describe('askingSentences', () => {
  it('gives the whole sentence around a bare asking clause', () => {
    const question = '我以前在外地交过社保。施工时把燃气管道挖坏了，会被怎么罚？';
    expect(askingSentences(question)).toEqual(['施工时把燃气管道挖坏了会被怎么罚']);
  });
});

describe('isContextWord', () => {
  it('is a word no asking clause holds', () => {
    const asking = askingClauses('我们是做软件的小公司，研发费用第一次加计扣除，区里奖励多少？');
    expect(isContextWord('软件', asking)).toBe(true);
    expect(isContextWord('奖励', asking)).toBe(false);
  });
});

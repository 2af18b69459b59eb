/**
 * @module answering/question-focus.test
 * Which clauses of a question ask, and which tell the asker's circumstances.
 */
import { describe, expect, it } from 'vitest';
import { askingClauses, isContextWord } from './question-focus.js';

/** Topic words of the fresh questions below, as the verifier would find them. */
const TOPICS = ['面馆', '注销', '居住证', '户口', '改名字', '燃气管', '软件', '研发费用', '奖励', '人事'];
const hasTopic = (clause: string): boolean => TOPICS.some((t) => clause.includes(t));

describe('askingClauses', () => {
  it('keeps the clauses with a question word, a question particle or a question mark', () => {
    const question = '我在开发区开了家面馆，生意不好不想干了。注销要去哪个窗口？要不要交钱';
    expect(askingClauses(question, hasTopic)).toEqual(['注销要去哪个窗口', '要不要交钱']);
  });

  it('reads a question of one clause, or one that does not ask, as all asking', () => {
    expect(askingClauses('居住证怎么办', hasTopic)).toEqual(['居住证怎么办']);
    expect(askingClauses('我要办居住证，谢谢', hasTopic)).toEqual(['我要办居住证', '谢谢']);
  });

  it('hears spoken question endings', () => {
    expect(askingClauses('孩子刚出生，上户口能当天办好不', hasTopic)).toEqual(['上户口能当天办好不']);
    expect(askingClauses('老家是外省的，在这边能办居住证吗', hasTopic)).toEqual(['在这边能办居住证吗']);
  });

  it('reads a bare asking clause with the clauses before it in its sentence, back to a topic', () => {
    expect(askingClauses('孩子上完户口了，想改名字，要带什么材料', hasTopic)).toEqual(['想改名字', '要带什么材料']);
    expect(askingClauses('施工时把燃气管道挖坏了，会被怎么罚？', hasTopic)).toEqual(['施工时把燃气管道挖坏了', '会被怎么罚']);
  });

  it('never takes the asker introducing themselves for what is asked', () => {
    expect(askingClauses('我们公司招了个外国专家。我是人事，要准备哪些材料？', hasTopic)).toEqual(['要准备哪些材料']);
  });
});

describe('isContextWord', () => {
  it('is a word no asking clause holds', () => {
    const asking = askingClauses('我们是做软件的小公司，研发费用第一次加计扣除，区里奖励多少？', hasTopic);
    expect(isContextWord('软件', asking)).toBe(true);
    expect(isContextWord('奖励', asking)).toBe(false);
  });
});

/**
 * @module answering/slot.test
 * Questions split at their question word, and the answer found where the question word stands.
 */
import { describe, expect, it } from 'vitest';
import { questionShape, slotIn } from './slot.js';

describe('questionShape', () => {
  it('splits a question at its question word and says how far the answer reaches', () => {
    expect(questionShape('企业通过什么平台在线申报？')).toEqual({ wh: '什么', before: '企业通过', after: '平台在线申报', scope: 'thing' });
    expect(questionShape('孵化器什么时候申报？')).toMatchObject({ wh: '什么时候', before: '孵化器', after: '申报', scope: 'fact' });
    expect(questionShape('区人社局如何加强就业服务？')?.scope).toBe('open');
    // A noun that names measures or a statement asks for the whole of it.
    expect(questionShape('对菜场商超有哪些管理要求？')?.scope).toBe('open');
    expect(questionShape('申报的内容是什么？')?.scope).toBe('open');
    expect(questionShape('请介绍一下人才政策')).toBeUndefined();
  });

  it('reads a noun naming measures by its sound when speech recognition misspelt it', () => {
    // 证测 is 政策, 内融 内容: the whole statement is asked, as for the written nouns.
    expect(questionShape('开小餐馆有哪些证测？')?.scope).toBe('open');
    expect(questionShape('这次会议讲了什么内融？')?.scope).toBe('open');
    expect(questionShape('开小餐馆要办什么证？')?.scope).toBe('thing');
  });

  it('keeps the measure word of 多少 / 几 with the answer', () => {
    expect(questionShape('云南省共设立多少个发热门诊？')).toMatchObject({ before: '云南省共设立', after: '', scope: 'fact' });
  });
});

describe('slotIn', () => {
  it('finds the answer between what the question says before and after its question word', () => {
    const text = '全区企业通过“星河企业通”平台在线申报';
    const slot = slotIn(text, questionShape('企业通过什么平台在线申报？')!)!;
    expect(text.slice(slot.start, slot.end)).toBe('“星河企业通”');
    expect(slot).toMatchObject({ before: 4, after: 6 });
  });

  it('runs to the end when the question word ends the question', () => {
    const text = '全国铁路预计发送旅客85万人';
    const slot = slotIn(text, questionShape('2月16日，全国铁路预计发送旅客多少人次？')!)!;
    expect(text.slice(slot.start, slot.end)).toBe('85万人');
  });

  it('is undefined when the question does not line up with the text', () => {
    expect(slotIn('失业保险金按月发放', questionShape('企业通过什么平台在线申报？')!)).toBeUndefined();
  });
});

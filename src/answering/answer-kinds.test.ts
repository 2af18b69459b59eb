/**
 * @module answering/answer-kinds.test
 * The kind of value a question asks for, in the words citizens use, and where such values stand.
 */
import { describe, expect, it } from 'vitest';
import { askedKind, tidyQuestionWords, valuesOf } from './answer-kinds.js';

const kindOf = (q: string) => askedKind(tidyQuestionWords(q));

describe('askedKind', () => {
  it('tells the date a rule takes effect from any date, in tidy and colloquial words', () => {
    expect(kindOf('本办法自何时起施行')).toBe('effectiveDate');
    expect(kindOf('这个政策啥时候开始算')).toBe('effectiveDate');
    expect(kindOf('啥时候能报名')).toBe('date');
  });

  it('tells clock times, lengths of time, money and counts apart', () => {
    expect(kindOf('礼拜六几点开门')).toBe('clock');
    expect(kindOf('驿站能住几天')).toBe('duration');
    expect(kindOf('高级技师能奖多少')).toBe('money');
    expect(kindOf('一共来了多少家企业')).toBe('quantity');
    // 哪几个 asks which ones, not how many.
    expect(kindOf('从哪几个方面入手')).toBeUndefined();
    expect(kindOf('咨询电话是多少')).toBe('phone');
  });

  it('reads a rough number the asker tells (十几年) as no question word', () => {
    expect(kindOf('我开了十几年出租车，今年考了驾驶员证，能补多少')).toBe('money');
    expect(kindOf('公司有二十几个人，社保一个月交多少')).toBe('quantity');
    expect(kindOf('驿站能住几天')).toBe('duration');
  });
});

describe('tidyQuestionWords: question words misheard by speech recognition', () => {
  it('reads a question word written with other characters of its sound', () => {
    expect(tidyQuestionWords('办居住证要带纳协材料')).toBe('办居住证要带哪些材料');
    expect(kindOf('新房契税能减免夺绍')).toBe('quantity');
    expect(kindOf('社保卡丢了去纳理补办')).toBe('place');
    expect(tidyQuestionWords('退休人员优何照顾')).toBe('退休人员有何照顾');
  });

  it('leaves words that only share a sound with 何时 or 几个 alone', () => {
    expect(tidyQuestionWords('请核实一下我的缴费记录')).toBe('请核实一下我的缴费记录');
    expect(tidyQuestionWords('考试及格线是多少')).toBe('考试及格线是多少');
  });
});

describe('valuesOf', () => {
  it('finds values of the kind in a sentence', () => {
    const text = '本措施自2024年6月1日起施行,有效期3年';
    expect(valuesOf('effectiveDate', text).map((v) => text.slice(v.start, v.end))).toEqual(['自2024年6月1日起施行']);
    expect(valuesOf('duration', text).map((v) => text.slice(v.start, v.end))).toEqual(['3年']);
    const hours = '时段为每周三18:00至21:00';
    expect(valuesOf('clock', hours).map((v) => hours.slice(v.start, v.end))).toEqual(['18:00', '21:00']);
  });
});

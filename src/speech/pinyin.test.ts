import { describe, expect, it } from 'vitest';
import { pinyinOf } from './pinyin.js';

describe('pinyinOf', () => {
  it('writes tone-numbered pinyin, the neutral tone as 5', () => {
    expect(pinyinOf('你好的')).toBe('ni3 hao3 de5');
  });
  it('takes polyphones from context', () => {
    expect(pinyinOf('银行')).toBe('yin2 hang2');
    expect(pinyinOf('重新办理')).toBe('chong2 xin1 ban4 li3');
    expect(pinyinOf('重要')).toBe('zhong4 yao4');
  });
  it('writes ü as v', () => {
    expect(pinyinOf('绿色')).toBe('lv4 se4');
  });
  it('turns punctuation into pauses and never starts with one', () => {
    expect(pinyinOf('，你好，世界。再见！')).toBe('ni3 hao3, shi4 jie4. zai4 jian4.');
  });
  it('says Latin letters by name and drops other symbols', () => {
    expect(pinyinOf('A区#')).toBe('ei1 qu1');
  });
});

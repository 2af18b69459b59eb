import { describe, expect, it } from 'vitest';
import { WordList } from './word-list.js';

describe('WordList', () => {
  it('answers membership like a Set of the same words, whole words only', () => {
    const list = WordList.of(['社保', '缴费', '社保', '养老保险']);
    expect(list.has('社保')).toBe(true);
    expect(list.has('养老保险')).toBe(true);
    // Parts and runs across two words are not words of the item.
    expect(list.has('养老')).toBe(false);
    expect(list.has('保缴')).toBe(false);
    expect(list.has('')).toBe(false);
    expect([...list]).toEqual(['社保', '缴费', '养老保险']);
  });

  it('is empty without words', () => {
    const list = WordList.of([]);
    expect(list.has('社保')).toBe(false);
    expect([...list]).toEqual([]);
  });
});

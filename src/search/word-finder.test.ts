/**
 * @module search/word-finder.test
 * Finding any of many new dictionary words in a text, in one pass.
 */
import { describe, expect, it } from 'vitest';
import { wordFinder } from './word-finder.js';

describe('wordFinder', () => {
  it('says whether a text holds any of the words, wherever it stands, and ignores one-character words', () => {
    const holds = wordFinder(['营业执照副本', '人才公寓', '证', 'ab']);
    expect(holds('请带营业执照副本原件')).toBe(true);
    expect(holds('人才公寓')).toBe(true);
    expect(holds('申请时提交lab报告')).toBe(true);
    expect(holds('营业执照正本和身份证')).toBe(false);
    expect(holds('')).toBe(false);
  });

  it('tells words apart that begin alike', () => {
    const holds = wordFinder(['失业保险金', '失业登记']);
    expect(holds('办理失业登记后')).toBe(true);
    expect(holds('失业保险费')).toBe(false);
  });
});

/**
 * @module search/sentences.test
 * Sentence and clause splitting with offsets that point back into the original text.
 */
import { describe, expect, it } from 'vitest';
import { splitClauses, splitSentences, type Span } from './sentences.js';

function expectExactOffsets(text: string, spans: Span[]): void {
  for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
}

describe('splitSentences', () => {
  it('splits at 。！？； and keeps the punctuation with its sentence', () => {
    const text = '申请人应当提交材料。是否收费？不收费；当场办结！';
    const spans = splitSentences(text);
    expect(spans.map((s) => s.text)).toEqual(['申请人应当提交材料。', '是否收费？', '不收费；', '当场办结！']);
    expectExactOffsets(text, spans);
  });

  it('keeps closing quotes and brackets with the sentence they end', () => {
    const text = '他说：“材料齐全的当场办结。”其余的三日内办结。';
    const spans = splitSentences(text);
    expect(spans.map((s) => s.text)).toEqual(['他说：“材料齐全的当场办结。”', '其余的三日内办结。']);
    expectExactOffsets(text, spans);
  });

  it('splits at line breaks and drops blank lines and surrounding spaces', () => {
    const text = '  二、办理地点\n\n政务服务中心一楼A区\r\n  三、办公时间  \n';
    const spans = splitSentences(text);
    expect(spans.map((s) => s.text)).toEqual(['二、办理地点', '政务服务中心一楼A区', '三、办公时间']);
    expectExactOffsets(text, spans);
  });

  it('splits at a space between Chinese characters (headings and paragraphs of web pages)', () => {
    const text = '第一条 为了规范管理，制定本办法。第二条　本办法适用于全区。';
    const spans = splitSentences(text);
    expect(spans.map((s) => s.text)).toEqual(['第一条', '为了规范管理，制定本办法。', '第二条', '本办法适用于全区。']);
    expectExactOffsets(text, spans);
  });

  it('does not split at a space between Latin words or around one', () => {
    const text = '使用 UKey 登录平台';
    expect(splitSentences(text).map((s) => s.text)).toEqual([text]);
  });

  it('gives nothing for empty or blank text, and one span for text without punctuation', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t ')).toEqual([]);
    expect(splitSentences('没有标点的一句话')).toEqual([{ start: 0, end: 8, text: '没有标点的一句话' }]);
  });

  it('keeps exact offsets on a long mixed text', () => {
    const text =
      '星河高新区人才公寓管理办法\n第一条 为做好人才安居工作，制定本办法。\n  第二条　申请人应同时符合下列条件：（一）在区内工作；（二）本人及配偶在星河市无自有住房！第三条 租金按市场价的50%收取？ 附则：本办法自2024年3月1日起施行。';
    const spans = splitSentences(text);
    expect(spans.length).toBeGreaterThan(6);
    expectExactOffsets(text, spans);
    // Every visible character is in some sentence.
    const covered = spans.map((s) => s.text).join('');
    expect(covered.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
});

describe('splitClauses', () => {
  it('splits a sentence at commas and colons with offsets into the whole text', () => {
    const text = '前言。对新引进的硕士，给予安家补贴：每人5万元。';
    const sentence = splitSentences(text)[1]!;
    const clauses = splitClauses(sentence);
    expect(clauses.map((c) => c.text)).toEqual(['对新引进的硕士，', '给予安家补贴：', '每人5万元。']);
    for (const c of clauses) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(clauses[0]!.start).toBe(sentence.start);
    expect(clauses[clauses.length - 1]!.end).toBe(sentence.end);
  });

  it('gives the whole sentence when it has no comma', () => {
    const sentence = splitSentences('当场办结。')[0]!;
    expect(splitClauses(sentence)).toEqual([sentence]);
  });
});

/**
 * @module search/passages.test
 * Passages: whole sentences packed to a target length, guides split by field, an FAQ as one.
 */
import { describe, expect, it } from 'vitest';
import { guideSections, itemSchema, type Item } from '../knowledge/index.js';
import { packSentences, passageSourceText, passagesOf, PASSAGE_CHARS } from './passages.js';
import { splitSentences } from './sentences.js';

describe('packSentences', () => {
  const text = Array.from({ length: 30 }, (_, i) => `第${i + 1}句说明办理要求和所需材料的具体内容。`).join('');

  it('never cuts a sentence: every passage starts and ends on sentence boundaries', () => {
    const sentences = splitSentences(text);
    const starts = new Set(sentences.map((s) => s.start));
    const ends = new Set(sentences.map((s) => s.end));
    const passages = packSentences(text, 60);
    expect(passages.length).toBeGreaterThan(1);
    for (const p of passages) {
      expect(starts.has(p.start)).toBe(true);
      expect(ends.has(p.end)).toBe(true);
      expect(text.slice(p.start, p.end)).toBe(p.text);
    }
    // Together they cover every sentence, in order, without overlap.
    expect(passages.map((p) => p.text).join('')).toBe(text);
  });

  it('respects the target unless a single sentence is longer', () => {
    for (const target of [30, 60, 100, PASSAGE_CHARS]) {
      const passages = packSentences(text, target);
      for (const p of passages) {
        const inside = splitSentences(p.text);
        if (inside.length > 1) expect(p.end - p.start).toBeLessThanOrEqual(target);
      }
      // Greedy: a passage could not have taken the next sentence without going over.
      for (let i = 0; i + 1 < passages.length; i++) {
        const next = splitSentences(passages[i + 1]!.text)[0]!;
        expect(passages[i]!.end - passages[i]!.start + next.text.length).toBeGreaterThan(target);
      }
    }
  });

  it('keeps an over-long sentence whole in a passage of its own', () => {
    const long = '这是一句很长的句子'.repeat(10) + '。';
    const passages = packSentences(`短句。${long}短句。`, 20);
    expect(passages.map((p) => p.text)).toEqual(['短句。', long, '短句。']);
  });

  it('gives nothing for empty text', () => {
    expect(packSentences('')).toEqual([]);
  });
});

const guide = itemSchema.parse({
  kind: 'guide',
  id: 'g1',
  title: '失业保险金申领',
  conditions: ['已缴纳失业保险费满一年', '非因本人意愿中断就业'],
  materials: [{ name: '身份证', form: '原件', copies: 1 }],
  steps: ['网上申领', '审核发放'],
  promisedTimeLimit: '5个工作日',
  fee: '不收费',
  place: '政务服务中心二楼C区',
});
const faq = itemSchema.parse({
  kind: 'faq',
  id: 'f1',
  title: '营业执照丢了怎么补办？',
  similarQuestions: ['执照丢了'],
  answer: '可在网上申请补领。纸质执照遗失的，无需登报声明！当场办结。',
});
const policy = itemSchema.parse({
  kind: 'policy',
  id: 'p1',
  title: '人才措施',
  text: Array.from({ length: 12 }, (_, i) => `第${i + 1}条 对符合条件的人才给予每人每月一千元的生活补贴，最长不超过三年。`).join('\n'),
  interpretation: '本措施主要面向新引进的青年人才。补贴按月发放。',
});

function expectOffsetsInSource(item: Item): void {
  for (const p of passagesOf(item)) {
    expect(p.itemId).toBe(item.id);
    expect(p.key).toBe(`${item.id}#${p.index}`);
  }
}

describe('passagesOf', () => {
  it('makes one passage of an FAQ: its answer', () => {
    const passages = passagesOf(faq);
    expect(passages).toHaveLength(1);
    expect(passages[0]).toMatchObject({ source: 'answer', start: 0, end: faq.kind === 'faq' ? faq.answer.length : 0, key: 'f1#0' });
    expect(passages[0]!.text).toBe(passageSourceText(faq, 'answer'));
    expectOffsetsInSource(faq);
  });

  it('splits a guide by field, each passage labelled and pointing into its field', () => {
    if (guide.kind !== 'guide') throw new Error('fixture');
    const passages = passagesOf(guide);
    const sections = guideSections(guide);
    expect(passages.map((p) => p.source)).toEqual(sections.map((s) => s.field));
    expect(passages.map((p) => p.source)).toEqual(['conditions', 'materials', 'steps', 'timeLimit', 'fee', 'place']);
    for (const p of passages) {
      const source = passageSourceText(guide, p.source);
      expect(p.text).toBe(`${sections.find((s) => s.field === p.source)!.label}：${source}`);
      expect(source.slice(p.start, p.end)).toBe(source);
    }
    expect(passages.find((p) => p.source === 'fee')!.text).toBe('收费标准：不收费');
    expect(passages.map((p) => p.index)).toEqual(passages.map((_, i) => i));
    expectOffsetsInSource(guide);
  });

  it('packs a policy body and its interpretation separately, with offsets into each', () => {
    const passages = passagesOf(policy);
    const body = passages.filter((p) => p.source === 'body');
    const interpretation = passages.filter((p) => p.source === 'interpretation');
    expect(body.length).toBeGreaterThan(1);
    expect(interpretation).toHaveLength(1);
    for (const p of passages) expect(passageSourceText(policy, p.source).slice(p.start, p.end)).toBe(p.text);
    for (const p of body) expect(p.text.length).toBeLessThanOrEqual(PASSAGE_CHARS);
    expect(new Set(passages.map((p) => p.key)).size).toBe(passages.length);
    expectOffsetsInSource(policy);
  });
});

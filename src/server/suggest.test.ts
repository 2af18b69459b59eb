import { describe, expect, it } from 'vitest';
import { buildSuggester, type SuggestEntry } from './suggest.js';

const entries: SuggestEntry[] = [
  { text: '办理营业执照要带什么材料？', itemId: 'faq-materials', kind: 'faq', primary: true },
  { text: '办执照带啥', itemId: 'faq-materials', kind: 'faq', primary: false },
  { text: '营业执照丢了怎么补办？', itemId: 'faq-lost', kind: 'faq', primary: true },
  { text: '营业执照遗失补领、换发', itemId: 'guide-replace', kind: 'guide', primary: true },
  { text: '营业执照遗失补办', itemId: 'faq-lost', kind: 'faq', primary: false },
  { text: '关于支持人才公寓建设的若干措施', itemId: 'policy-housing', kind: 'policy', primary: true },
  { text: 'APP怎么下载？', itemId: 'faq-app', kind: 'faq', primary: true },
];
const suggester = buildSuggester(entries);
const ids = (typed: string, limit = 8) => suggester.suggest(typed, limit).map((s) => s.itemId);

describe('suggest', () => {
  it('ranks texts that start with the typed text first, titles before similar questions, each item once', () => {
    expect(ids('营业执照')).toEqual(['faq-lost', 'guide-replace', 'faq-materials']);
    expect(suggester.suggest('营业执照', 8)[0]).toEqual({ text: '营业执照丢了怎么补办？', itemId: 'faq-lost', kind: 'faq' });
    expect(suggester.suggest('办', 1)[0]?.text).toBe('办理营业执照要带什么材料？');
  });

  it('prefers an item title to a similar question of the same rank', () => {
    expect(suggester.suggest('营业执照遗失补', 8).map((s) => s.text)).toEqual(['营业执照遗失补领、换发', '营业执照遗失补办']);
  });

  it('compares normalised forms: traditional characters, full width, case and punctuation', () => {
    expect(ids('營業執照')).toEqual(ids('营业执照'));
    expect(ids('ａｐｐ')).toEqual(['faq-app']);
    expect(ids('人才 公寓')).toEqual(['policy-housing']);
  });

  it('finds most of a question typed in other words, after every containing match', () => {
    expect(ids('营业执照丢失补办')).toEqual(['faq-lost']);
    expect(ids('营业执照遗失补换')).toEqual(['guide-replace', 'faq-lost']);
    expect(ids('执照').sort()).toEqual(['faq-lost', 'faq-materials', 'guide-replace']);
  });

  it('offers nothing for nothing typed, and honours the limit', () => {
    expect(ids('')).toEqual([]);
    expect(ids('？')).toEqual([]);
    expect(ids('营业执照', 1)).toHaveLength(1);
  });

  it('keeps up with typing over thousands of texts that all match', () => {
    const many: SuggestEntry[] = Array.from({ length: 5000 }, (_, i) => ({
      text: `第${i}号事项：企业办理营业执照变更登记需要什么材料${i % 7}`,
      itemId: `item-${i}`,
      kind: 'faq',
      primary: i % 2 === 0,
    }));
    const big = buildSuggester(many);
    big.suggest('营', 8);
    const started = performance.now();
    for (const typed of ['营', '营业', '营业执照', '营业执照变更', '办营业执照变更要带什么']) big.suggest(typed, 8);
    // A few milliseconds; the bound is loose for a loaded test machine.
    expect((performance.now() - started) / 5).toBeLessThan(50);
  });
});

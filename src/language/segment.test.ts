/**
 * @module language/segment.test
 * jieba with the domain dictionary: government-service terms stay whole, and terms added at run
 * time (item titles) do too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Segmenter } from './segment.js';

let segmenter: Segmenter;
beforeAll(() => {
  segmenter = new Segmenter();
});

describe('Segmenter with the domain dictionary', () => {
  it.each([
    ['统一社会信用代码怎么查询', '统一社会信用代码'],
    ['申请高新技术企业认定', '高新技术企业'],
    ['研发费用能否加计扣除', '加计扣除'],
    ['办理个体工商户营业执照', '个体工商户'],
    ['变更法定代表人', '法定代表人'],
  ])('keeps the term whole in precise mode: %s → %s', (text, term) => {
    expect(segmenter.cutPrecise(text)).toContain(term);
  });

  it('search mode gives the long term and the dictionary words inside it', () => {
    const tokens = segmenter.cut('高新技术企业');
    expect(tokens).toContain('高新技术企业');
    expect(tokens).toContain('高新');
    expect(tokens).toContain('企业');
  });

  it('precise mode gives no overlapping pieces: the tokens join back to the text', () => {
    const text = '申请高新技术企业认定需要哪些材料';
    expect(segmenter.cutPrecise(text).join('')).toBe(text);
  });
});

describe('Segmenter.withoutPlaces', () => {
  it('blanks out place names with their suffixes and keeps the rest', () => {
    expect(segmenter.withoutPlaces('北京市对展会项目有何支持')).toBe('，对展会项目有何支持');
    expect(segmenter.placeNames('天津企业减免社保费')).toEqual(['天津']);
    expect(segmenter.withoutPlaces('天津企业减免社保费')).toBe('，企业减免社保费');
  });

  it('leaves a text naming no place unchanged', () => {
    expect(segmenter.withoutPlaces('营业执照要带什么材料')).toBe('营业执照要带什么材料');
  });
});

describe('Segmenter.addWords', () => {
  it('keeps a new knowledge-base term whole once added', () => {
    const own = new Segmenter();
    const text = '星河科创谷新政申请条件';
    expect(own.cutPrecise(text)).not.toContain('星河科创谷新政');
    own.addWords(['星河科创谷新政']);
    const tokens = own.cutPrecise(text);
    expect(tokens).toContain('星河科创谷新政');
    // Not glued to its neighbours.
    expect(tokens.join('')).toBe(text);
    expect(tokens).not.toContain('星河科创谷新政申请');
  });

  it('ignores single characters and terms with spaces', () => {
    const own = new Segmenter();
    const before = own.cutPrecise('星河 科创谷新政');
    own.addWords(['星', '星河 科创谷新政']);
    expect(own.cutPrecise('星河 科创谷新政')).toEqual(before);
  });
});

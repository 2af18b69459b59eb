/**
 * @module language/zones.test
 * Zone names in questions and items: head + suffix in their long and short forms, "this zone"
 * without a name, and the words that look like zone names but are not.
 */
import { describe, expect, it } from 'vitest';
import { mentionsThisZone, zoneMentions, zoneNamed, zoneSpans } from './zones.js';

const keys = (text: string, known?: string[]) => zoneMentions(text, new Set(known)).map((m) => m.key);

describe('zoneMentions', () => {
  it('reads the long and short forms of one zone as the same zone', () => {
    expect(keys('桐溪高新技术产业开发区管委会')).toEqual(['桐溪·高新区']);
    expect(keys('想问下桐溪高新区的创业补贴')).toEqual(['桐溪·高新区']);
    expect(keys('桐溪市高新区分局')).toEqual(['桐溪·高新区']);
    // A short form only for a zone the knowledge base knows, and never 高新技术企业.
    expect(keys('桐溪高新这边能办吗', ['桐溪'])).toEqual(['桐溪·高新区']);
    expect(keys('桐溪高新这边能办吗')).toEqual([]);
    expect(keys('桐溪高新技术企业认定', ['桐溪'])).toEqual([]);
  });

  it('tells zones of one city apart by their kind', () => {
    expect(keys('桐溪经开区和桐溪高新区都有人才公寓')).toEqual(['桐溪·经开区', '桐溪·高新区']);
    expect(keys('某某经济技术开发区')).toEqual(['某某·经开区']);
    expect(keys('在云港自贸片区开公司')).toEqual(['云港·自贸区']);
    expect(keys('宁波化工园区的企业')).toEqual(['宁波·园区']);
  });

  it('takes no pronoun, level or bureau for a name', () => {
    expect(keys('我在高新区上班')).toEqual([]);
    expect(keys('国家高新区有多少个')).toEqual([]);
    expect(keys('省级高新区认定')).toEqual([]);
    expect(keys('市场监督管理局高新区分局')).toEqual([]);
  });

  it('needs a division or a known name before a weak suffix (园区, 开发区, 新区)', () => {
    expect(keys('入驻园区的企业')).toEqual([]);
    expect(keys('杭州开发区')).toEqual(['杭州·开发区']);
    expect(keys('桐溪园区', ['桐溪'])).toEqual(['桐溪·园区']);
  });
});

describe('mentionsThisZone', () => {
  it('hears 本区, 区里 and a zone without a name, not a housing estate', () => {
    expect(mentionsThisZone('本区的人才公寓怎么申请')).toBe(true);
    expect(mentionsThisZone('区里对博士有补贴吗')).toBe(true);
    expect(mentionsThisZone('在高新区哪儿交医保')).toBe(true);
    expect(mentionsThisZone('我们小区里停车怎么收费')).toBe(false);
    expect(mentionsThisZone('桐溪高新区的人才公寓')).toBe(false);
  });
});

describe('zoneSpans and zoneNamed', () => {
  it('marks every word that says which zone', () => {
    const text = '桐溪高新区和区里都行吗';
    expect(zoneSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['桐溪高新区', '区里']);
  });

  it('reads the home zone from a service centre name, and none from a name without one', () => {
    expect(zoneNamed('桐溪高新区政务服务中心')?.key).toBe('桐溪·高新区');
    expect(zoneNamed('高新区政务服务中心')).toBeUndefined();
  });
});

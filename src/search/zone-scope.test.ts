/**
 * @module search/zone-scope.test
 * Which zone an item belongs to and how it fits a question's: read from titles and texts, an
 * FAQ through the guide it links to, national policies belonging to none, a misheard zone name.
 */
import { describe, expect, it } from 'vitest';
import { ZoneScopes, type ItemZoneText } from './zone-scope.js';

const WEIGHTS = { generalZoneFit: 0.8, otherZoneFit: 0, homeGeneralFit: 1 };
const ITEMS: ItemZoneText[] = [
  { id: 'a-guide', title: '人才公寓申请', text: '办理地点：桐溪高新区政务服务中心二楼' },
  { id: 'b-guide', title: '云港高新区人才公寓申请', text: '办理地点：政务服务中心一楼' },
  { id: 'b-faq', title: '人才公寓租金多少？', text: '按市场租金的五折收取', links: ['b-guide'] },
  { id: 'news', title: '两区签约共建产业园', text: '桐溪高新区与云港高新区昨日签约' },
  { id: 'national', title: '关于促进高新区高质量发展的若干意见', text: '桐溪高新区等先行先试', level: 'national' },
  { id: 'a-city', title: '桐溪市高校毕业生生活补贴', text: '在桐溪市就业的毕业生' },
];

describe('ZoneScopes', () => {
  const scopes = new ZoneScopes(ITEMS, '桐溪高新区政务服务中心', WEIGHTS);

  it('reads each item’s zones', () => {
    expect(scopes.scopeOf('a-guide').zones).toEqual(['桐溪·高新区']);
    expect(scopes.scopeOf('b-guide').zones).toEqual(['云港·高新区']);
    expect(scopes.scopeOf('b-faq').zones).toEqual(['云港·高新区']);
    expect(scopes.scopeOf('news').zones).toEqual(['桐溪·高新区', '云港·高新区']);
    expect(scopes.scopeOf('national')).toEqual({ zones: [] });
    expect(scopes.scopeOf('a-city')).toEqual({ zones: [], head: '桐溪' });
  });

  it('fits a named zone’s items and its city’s, never another zone’s', () => {
    const q = scopes.question('云港高新区的人才公寓怎么申请');
    expect(['a-guide', 'b-guide', 'news', 'national', 'a-city'].map((id) => scopes.fit(id, q))).toEqual([0, 1, 1, 0.8, 0]);
    expect(scopes.conflicts('a-guide', q)).toBe(true);
  });

  it('reads a question naming no zone, or 区里, as about the home zone: another zone’s item is no answer to it', () => {
    expect(scopes.question('区里的人才公寓怎么申请').zones).toEqual(['桐溪·高新区']);
    const q = scopes.question('人才公寓怎么申请');
    expect(q).toMatchObject({ zones: ['桐溪·高新区'], implied: true });
    expect(scopes.fit('a-guide', q)).toBe(1);
    expect(scopes.fit('national', q)).toBe(1);
    expect(scopes.fit('b-guide', q)).toBe(0);
    expect(scopes.conflicts('b-guide', q)).toBe(true);
    expect(scopes.conflicts('b-faq', q)).toBe(true);
    expect(scopes.conflicts('national', q)).toBe(false);
    expect(scopes.conflicts('news', q)).toBe(false);
  });

  it('keeps another zone’s items out of the home zone’s view, and everything in when home has no items', () => {
    expect(['a-guide', 'b-guide', 'b-faq', 'news', 'national', 'a-city'].filter((id) => scopes.outsideHome(id))).toEqual(['b-guide', 'b-faq']);
    const elsewhere = new ZoneScopes(ITEMS, '岚湾高新区', WEIGHTS);
    expect(elsewhere.homeHasItems).toBe(false);
    expect(ITEMS.some((item) => elsewhere.outsideHome(item.id))).toBe(false);
    expect(elsewhere.question('人才公寓怎么申请')).toEqual({ zones: [], heads: [] });
  });

  it('leaves a question naming another zone’s city alone (在云港), and prefers home items to general ones by homeGeneralFit', () => {
    const city = new ZoneScopes([...ITEMS, { id: 'b-city', title: '云港市人才公寓', text: '云港市人才公寓由云港高新区代管' }], '桐溪高新区', WEIGHTS);
    expect(city.question('在云港怎么申请人才公寓').implied).toBeUndefined();
    const picky = new ZoneScopes(ITEMS, '桐溪高新区', { ...WEIGHTS, homeGeneralFit: 0.7 });
    expect(picky.fit('national', picky.question('人才公寓怎么申请'))).toBe(0.7);
    expect(picky.fit('a-guide', picky.question('人才公寓怎么申请'))).toBe(1);
  });

  it('hears a misheard zone name as the zone that sounds like it', () => {
    expect(scopes.question('云刚高新区的人才公寓').zones).toEqual(['云港·高新区']);
  });
});

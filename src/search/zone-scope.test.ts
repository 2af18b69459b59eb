/**
 * @module search/zone-scope.test
 * Which zone an item belongs to and how it fits a question's: read from titles and texts, an
 * FAQ through the guide it links to, national policies belonging to none, a misheard zone name.
 */
import { describe, expect, it } from 'vitest';
import { ZoneScopes, type ItemZoneText } from './zone-scope.js';

const WEIGHTS = { generalZoneFit: 0.8, otherZoneFit: 0 };
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

  it('reads a question naming no zone, or 区里, as about the home zone', () => {
    expect(scopes.question('区里的人才公寓怎么申请').zones).toEqual(['桐溪·高新区']);
    const q = scopes.question('人才公寓怎么申请');
    expect(scopes.fit('a-guide', q)).toBe(1);
    expect(scopes.fit('b-guide', q)).toBe(0);
    expect(scopes.conflicts('b-guide', q)).toBe(false);
  });

  it('hears a misheard zone name as the zone that sounds like it', () => {
    expect(scopes.question('云刚高新区的人才公寓').zones).toEqual(['云港·高新区']);
  });
});

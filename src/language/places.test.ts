/**
 * @module language/places.test
 * Places are administrative divisions: jieba's own place tags are checked against them.
 */
import { describe, expect, it } from 'vitest';
import { placeIn, shortPlaceName } from './places.js';
import { Segmenter } from './segment.js';

describe('shortPlaceName', () => {
  it.each([
    ['北京市', '北京'],
    ['内蒙古自治区', '内蒙古'],
    ['广西壮族自治区', '广西'],
    ['浦东新区', '浦东'],
    ['恩施土家族苗族自治州', '恩施'],
    ['东城区', '东城'],
    ['兰州', '兰州'],
  ])('%s → %s', (name, short) => {
    expect(shortPlaceName(name)).toBe(short);
  });
});

describe('placeIn', () => {
  it('finds divisions with or without their suffix', () => {
    expect(placeIn('北京市')).toEqual({ name: '北京', length: 3 });
    expect(placeIn('海陵区')).toEqual({ name: '海陵', length: 3 });
    expect(placeIn('西藏')).toEqual({ name: '西藏', length: 2 });
  });

  it('finds the division at the start of a longer name', () => {
    expect(placeIn('上海海关')).toEqual({ name: '上海', length: 2 });
  });

  it.each(['海关', '东西', '上岗', '确保安全', '之日起', '中国'])('rejects %s, which jieba tags as a place', (word) => {
    expect(placeIn(word)).toBeUndefined();
  });
});

describe('Segmenter places', () => {
  const segmenter = new Segmenter();

  it('names only real places of a question', () => {
    expect(segmenter.placeNames('兰州海关针对疫情防控实施了哪些措施')).toEqual(['兰州']);
    expect(segmenter.placeNames('买东西要注意什么')).toEqual([]);
  });

  it('blanks out only the place part of a longer place word', () => {
    expect(segmenter.withoutPlaces('北京海关有哪些措施')).toBe('，海关有哪些措施');
  });
});

/**
 * @module directory/constraints.test
 * Figures as people say them: digits and words, units of area, rent, load and money, and the
 * words that lean a figure (以上, 不超过, 左右, 至少).
 */
import { describe, expect, it } from 'vitest';
import { describeRange, inRange, parseConstraints } from './constraints.js';

describe('parseConstraints', () => {
  it.each([
    ['要八百平方米以上的车间', { area: { min: 800 } }],
    ['一千二百平左右', { area: { min: 960, max: 1440, approximate: true } }],
    ['面积不到六百平', { area: { max: 600 } }],
    ['两百到四百平米都行', { area: { min: 200, max: 400 } }],
    ['七八百平的厂房', { area: { min: 700, max: 800 } }],
    ['一千多平的厂房', { area: { min: 1000 } }],
    ['3.5万平方米的园区', { area: { min: 28000, max: 42000, approximate: true } }],
  ])('reads the area in %s', (question, expected) => {
    expect(parseConstraints(question)).toMatchObject(expected);
  });

  it.each([
    ['租金最好二十五块一平以内', 25],
    ['每平方每月不超过四十元', 40],
    ['35元/㎡/月', 35],
    ['预算每平每天一块五', 45],
    ['房租三十块钱左右', 36],
  ])('reads the rent in %s as at most %d 元/m²/月', (question, max) => {
    expect(parseConstraints(question).rent?.max).toBe(max);
  });

  it.each([
    ['地面承重两吨', 19.6],
    ['楼板承重不低于10kN/㎡', 10],
    ['承载800公斤每平米', 7.84],
    ['荷载5千牛以上', 5],
  ])('reads the floor load in %s as at least %d kN/m²', (question, min) => {
    expect(parseConstraints(question).floorLoad?.min).toBeCloseTo(min, 2);
  });

  it('reads money in 万元 and 亿, as the least wanted', () => {
    expect(parseConstraints('想贷三百万').amount).toEqual({ min: 300 });
    expect(parseConstraints('一个亿的融资').amount).toEqual({ min: 10000 });
    expect(parseConstraints('融资500到800万').amount).toEqual({ min: 500, max: 800 });
  });

  it('reads several figures of one question without reading one twice', () => {
    expect(parseConstraints('九百平以上，承重三吨，租金不超过二十块一平的厂房')).toEqual({
      area: { min: 900 },
      floorLoad: { min: 29.4 },
      rent: { max: 20 },
    });
  });

  it('finds no figure where there is none', () => {
    expect(parseConstraints('找一家做商标注册的公司')).toEqual({});
    expect(parseConstraints('2025年的政策')).toEqual({});
  });
});

describe('ranges', () => {
  it('holds a value inside its bounds and never an unknown one', () => {
    expect(inRange(500, { min: 500 })).toBe(true);
    expect(inRange(499.5, { min: 500 })).toBe(false);
    expect(inRange(undefined, { max: 30 })).toBe(false);
    expect(inRange(undefined, undefined)).toBe(true);
  });

  it('says a range back in words', () => {
    expect(describeRange({ min: 400, max: 600, approximate: true }, ' m²')).toBe('约500 m²（400–600 m²）');
    expect(describeRange({ min: 500 }, ' m²')).toBe('500 m²以上');
    expect(describeRange({ max: 30 }, '元')).toBe('30元以下');
  });
});

import { describe, expect, it } from 'vitest';
import { parseNumberRun, parseQuantity, parseSpokenNumber, parseYesNo } from './spoken-numbers.js';

describe('spoken numbers', () => {
  it.each([
    ['三百', 300], ['八千万', 80_000_000], ['一亿二千万', 120_000_000], ['两千', 2000], ['二〇二三', 2023], ['一千零八', 1008],
    ['两百五', 250], ['三万五', 35_000], ['一千二', 1200], ['十五', 15], ['一百零五', 105], ['3.5万', 35_000], ['1.2亿', 120_000_000],
    ['三点五', 3.5], ['8,000', 8000], ['三百多万', 3_000_000],
  ])('%s → %d', (run, value) => {
    expect(parseNumberRun(run)?.value).toBe(value);
  });

  it('reads financial numerals (大写)', () => {
    expect(parseSpokenNumber('壹仟贰佰元')?.value).toBe(1200);
  });

  it('finds the quantity in a sentence and marks round figures as approximate', () => {
    expect(parseSpokenNumber('三百多人')).toMatchObject({ value: 300, approximate: true });
    expect(parseSpokenNumber('一共大概八十来个人')).toMatchObject({ value: 80, approximate: true });
    expect(parseSpokenNumber('我们有112人')).toMatchObject({ value: 112, approximate: false });
    expect(parseSpokenNumber('2024年营收八千万')).toMatchObject({ value: 80_000_000, magnitude: true }); // the year is a date, not the answer
    expect(parseSpokenNumber('一共三百人')?.value).toBe(300); // 一共 is a word
    expect(parseSpokenNumber('不知道')).toBeUndefined();
  });

  it('reads money in the unit asked (万元)', () => {
    expect(parseQuantity('去年营收八千万', '万元')).toEqual({ value: 8000, approximate: false });
    expect(parseQuantity('8000万元', '万元')?.value).toBe(8000);
    expect(parseQuantity('1.2亿', '万元')?.value).toBe(12_000);
    expect(parseQuantity('500000元', '万元')?.value).toBe(50);
    expect(parseQuantity('4120', '万元')?.value).toBe(4120); // a bare number is in the unit asked
    expect(parseQuantity('三千块', '万元')?.value).toBe(0.3);
    expect(parseQuantity('百分之五点二', '%')?.value).toBe(5.2);
    expect(parseQuantity('1.2万人', '人')?.value).toBe(12_000);
  });

  it('reads yes and no', () => {
    for (const yes of ['是', '是的', '有', '享受了', '对', '我们去年享受了']) expect(parseYesNo(yes)).toBe(true);
    for (const no of ['否', '不是', '没有', '未享受', '无']) expect(parseYesNo(no)).toBe(false);
    expect(parseYesNo('不清楚')).toBe(false); // 不… reads as no; the person can correct it
    expect(parseYesNo('嗯')).toBeUndefined();
  });
});

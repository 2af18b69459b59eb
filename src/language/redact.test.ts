import { describe, expect, it } from 'vitest';
import { hasRedaction, redact } from './redact.js';

describe('redact', () => {
  it.each([
    ['我的手机号是13812345678，请回电', '我的手机号是[手机号]，请回电'],
    ['电话 138 1234 5678', '电话 [手机号]'],
    ['电话138-1234-5678。', '电话[手机号]。'],
    ['+86 19912345678', '[手机号]'],
    ['+8615912345678', '[手机号]'],
    ['８６１３８１２３４５６７８', '[手机号]'],
  ])('replaces a mobile number: %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    ['请拨打0571-88886666咨询', '请拨打[电话]咨询'],
    ['电话(010)62345678', '电话[电话]'],
    ['电话（021）5234567转801', '电话[电话]'],
    ['座机075588886666', '座机[电话]'],
    ['我家电话是88886666', '我家电话是[电话]'],
    ['打6234567找王老师', '打[电话]找王老师'],
  ])('replaces a landline with or without area code: %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    ['身份证110101199003071234丢了', '身份证[身份证号]丢了'],
    ['身份证号11010120000229123X', '身份证号[身份证号]'],
    ['身份证号11010120000229123x', '身份证号[身份证号]'],
  ])('replaces an 18-digit ID number: %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    ['发到zhang.san+ks@example.com.cn了吗', '发到[邮箱]了吗'],
    ['邮箱ｗａｎｇ＠ｑｑ．ｃｏｍ', '邮箱[邮箱]'],
  ])('replaces an e-mail address: %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    ['信用代码91350100M000100Y43的企业', '信用代码[信用代码]的企业'],
    ['统一社会信用代码：91110108mA01234567', '统一社会信用代码：[信用代码]'],
    ['12100000400000624D', '[信用代码]'],
  ])('replaces a unified social credit code: %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('replaces several kinds in one text', () => {
    expect(redact('张三，13912345678，110101199003071234，a@b.cn')).toBe('张三，[手机号]，[身份证号]，[邮箱]');
  });

  it.each([
    '2024年人才公寓申请条件是什么？',
    '打12345热线可以吗',
    '热线0000-12345几点上班',
    '补贴最高5000000元吗',
    '注册资本3000000万元',
    '面积在2000000平方米以上',
    '20240101号文件',
    '国办发〔2024〕12号',
    '400-800-1234是什么电话',
    '营业执照要带什么材料？',
    'A03窗口在几楼',
    '第3.5条',
    '',
  ])('leaves ordinary text and numbers alone: %s', (text) => {
    expect(redact(text)).toBe(text);
  });

  it('tells whether a text was redacted', () => {
    expect(hasRedaction(redact('电话13812345678'))).toBe(true);
    expect(hasRedaction('营业执照[副本]')).toBe(false);
  });
});

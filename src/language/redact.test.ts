import { describe, expect, it } from 'vitest';
import { hasRedaction, luhnValid, redact } from './redact.js';

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
    expect(redact('王五 护照E12345678 卡号6222021234567890128 住创业路5号 电话13812345678 身份证110101199003071234')).toBe(
      '王五 护照[护照号] 卡号[银行卡号] 住创业路[地址] 电话[手机号] 身份证[身份证号]',
    );
  });

  it.each([
    ['卡号6222021234567890128', '卡号[银行卡号]'],
    ['工资卡 6222 0212 3456 7890 128 丢了', '工资卡 [银行卡号] 丢了'],
    ['4111-1111-1111-1111', '[银行卡号]'],
    ['622202 1234567890128', '[银行卡号]'],
    ['３７８２８２２４６３１０００５', '[银行卡号]'],
  ])('replaces a Luhn-valid bank card number, with or without groups: %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    '订单号6222021234567890127',
    '编号4111 1111 1111 1112',
    '2024-01-01 2024-12-31 办了吗',
  ])('leaves long numbers that fail the Luhn check or are not grouped like a card: %s', (text) => {
    expect(redact(text)).toBe(text);
  });

  it('checks Luhn digits', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });

  it.each([
    ['护照号 E12345678 过期了', '护照号 [护照号] 过期了'],
    ['我的护照EA1234567', '我的护照[护照号]'],
    ['G12345678还能用吗', '[护照号]还能用吗'],
    ['公务护照SE1234567', '公务护照[护照号]'],
    ['护照号码：X1234567', '护照号码：[护照号]'],
    ['passport 护照是 AB123456', 'passport 护照是 [护照号]'],
  ])('replaces a passport number: %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    ['港澳通行证C12345678到期', '港澳通行证[通行证号]到期'],
    ['通行证号CA1234567', '通行证号[通行证号]'],
    ['W12345678', '[通行证号]'],
    ['回乡证H1234567800', '回乡证[通行证号]'],
    ['M12345678', '[通行证号]'],
    ['台胞证12345678怎么换', '台胞证[通行证号]怎么换'],
    ['台胞证号码0123456789(B)', '台胞证号码[通行证号]'],
    ['赴台证L12345678', '赴台证[通行证号]'],
  ])('replaces a Hong Kong, Macao or Taiwan permit number: %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    ['我住创业路123号', '我住创业路[地址]'],
    ['星河街88号5栋2单元301室漏水', '星河街[地址]漏水'],
    ['阳光小区3栋', '阳光小区[地址]'],
    ['星河花园12号楼2单元502', '星河花园[地址]'],
    ['淮海路100弄5号', '淮海路[地址]'],
    ['我住5栋2单元301', '我住[地址]'],
    ['李家村3组', '李家村[地址]'],
    // A public office's address is redacted too: nothing tells it from a home (redact-address.ts).
    ['高新区创业大道88号的政务中心几点开门', '高新区创业大道[地址]的政务中心几点开门'],
  ])('replaces the house number of an address, keeping the road or estate: %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    '3号窗口在哪',
    '我知道3号窗口',
    '地铁2号线怎么走',
    '政务中心201室在哪',
    '人才公寓怎么申请',
    '创业路上有几个停车场',
    '补贴100000元',
    '2024年3月5日',
    '2024-03-05',
  ])('leaves counters, lines, offices, amounts and dates alone: %s', (text) => {
    expect(redact(text)).toBe(text);
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
    expect(hasRedaction(redact('卡号6222021234567890128'))).toBe(true);
    expect(hasRedaction(redact('创业路5号'))).toBe(true);
    expect(hasRedaction('营业执照[副本]')).toBe(false);
  });
});

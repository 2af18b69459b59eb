import { describe, expect, it } from 'vitest';
import { readingOf } from './reading.js';

const cases: [rule: string, written: string, spoken: string][] = [
  ['mobile number digit by digit with 幺', '手机13812345678', '手机幺三八幺二三四五六七八'],
  ['landline with a pause at the dash', '电话0571-88881234', '电话零五七幺，八八八八幺二三四'],
  ['extension', '0571-88881234转806', '零五七幺，八八八八幺二三四转八零六'],
  ['400 number', '400-123-4567', '四零零，幺二三，四五六七'],
  ['service hotline', '请拨打12345热线', '请拨打幺二三四五热线'],
  ['year', '2025年起', '二零二五年起'],
  ['full date', '2025年3月1日起施行', '二零二五年三月一日起施行'],
  ['ISO date', '截至2025-12-31', '截至二零二五年十二月三十一日'],
  ['range of years', '2025-2027年', '二零二五至二零二七年'],
  ['amount with 万', '补贴10万元', '补贴十万元'],
  ['两 before a measure word', '2个工作日内', '两个工作日内'],
  ['ordinal keeps 二', '第2个', '第二个'],
  ['working days', '3个工作日', '三个工作日'],
  ['range of days', '3-5个工作日', '三至五个工作日'],
  ['percentage', '占比12.5%', '占比百分之十二点五'],
  ['range of percentages', '10%-20%', '百分之十至百分之二十'],
  ['thousands separators', '1,000,000元', '一百万元'],
  ['document number', '国科发火〔2016〕32号', '国科发火〔二零一六〕三十二号'],
  ['window number', '请到3号窗口', '请到三号窗口'],
  ['window number over ten', '12号窗口', '十二号窗口'],
  ['room number', '201室', '二零幺室'],
  ['office hours', '9:00-17:00', '九点至十七点'],
  ['time with minutes', '12:05', '十二点零五分'],
  ['time with full-width colon', '8：30', '八点三十分'],
  ['web address skipped', '详见https://www.gov.cn/zhengce/a.html。', '详见网址请看屏幕。'],
  ['e-mail skipped', '发送至hr@zone.gov.cn', '发送至邮箱地址请看屏幕'],
  ['postcode', '邮编310012', '邮编三一零零一二'],
  ['decimal', '1.5小时', '一点五小时'],
  ['square metres', '120㎡', '一百二十平方米'],
  ['yuan sign', '¥500', '五百元'],
  ['full-width digits', '１２３４５', '幺二三四五'],
  ['list numbers', '1. 营业执照\n2. 身份证', '一、营业执照\n二、身份证'],
  ['Markdown emphasis', '**注意**：带原件', '注意：带原件'],
];

describe('readingOf', () => {
  it.each(cases)('%s: %s', (_rule, written, spoken) => expect(readingOf(written)).toBe(spoken));

  it('leaves text without numbers alone', () => {
    expect(readingOf('办理营业执照要带什么材料？')).toBe('办理营业执照要带什么材料？');
  });

  it('reads a whole answer with no digit left', () => {
    const answer = '请于2025年6月30日前，工作日9:00-17:00到3号窗口提交，3个工作日办结，咨询0571-88881234。';
    expect(readingOf(answer)).not.toMatch(/\d/);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseProfile } from '../profile.js';
import { loadRules } from '../rules/load.js';
import type { Rule } from '../rules/schema.js';
import { fillForm, type FilledForm } from './fill.js';
import { loadForms } from './load.js';
import type { FormTemplate } from './schema.js';
import { AS_OF, DEMO_ANSWERS, demoProfile } from './test-support.js';
import { dayIn } from '../../upkeep/calendar.js';

let forms: FormTemplate[];
let rules: Rule[];
let profile: EnterpriseProfile;
beforeAll(() => {
  forms = loadForms();
  rules = loadRules();
  profile = demoProfile();
});
const form = (id: string) => forms.find((f) => f.id === id)!;
const fill = (id: string, answers: Record<string, unknown> = {}, p: EnterpriseProfile = profile): FilledForm => fillForm(form(id), p, answers, { asOf: AS_OF, rules });
const value = (filled: FilledForm, key: string) => filled.values.get(key)!;

describe('pre-filling the 高企 application from the demo enterprise', () => {
  it('takes facts from the profile, with their source', () => {
    const filled = fill('high-tech-enterprise-application');
    expect(value(filled, 'name')).toMatchObject({ display: '星河智测科技有限公司', origin: 'profile' });
    expect(value(filled, 'creditCode')).toMatchObject({ value: '91350100M000100Y43', origin: 'profile', verified: true });
    expect(value(filled, 'registrationDate')).toMatchObject({ value: '2019-03-15', display: '2019年3月15日' });
    expect(value(filled, 'employees')).toMatchObject({ value: 112, origin: 'profile' });
    expect(value(filled, 'ip.invention.count').value).toBe(3);
    expect(value(filled, 'ip.plant.count').value).toBe(0); // inside a declared ip block, not listed = none
  });

  it('fills the 近三年 table with the three years before the as-of year', () => {
    const filled = fill('high-tech-enterprise-application');
    const table = filled.sections.flatMap((s) => s.fields).find((f) => f.kind === 'table' && f.key === 'finance');
    expect(table?.kind === 'table' && table.rows.map((r) => r.label)).toEqual(['2022年', '2023年', '2024年']);
    expect(value(filled, 'finance.2024.revenue').value).toBe(5060);
    expect(value(filled, 'finance.2024.rdDomestic').value).toBe(396);
  });

  it('computes derived values as the rules do', () => {
    const filled = fill('high-tech-enterprise-application');
    expect(value(filled, 'rdTotal')).toMatchObject({ value: 985, origin: 'derived' });
    expect(value(filled, 'rdRatio').value).toBe(7.84); // 985 / 12560
    expect(value(filled, 'stShare').value).toBe(27.68); // 31 / 112
    expect(value(filled, 'highTechShare').value).toBe(82.61);
    expect(value(filled, 'size').value).toBe('中型'); // 中小企业划型: software, 112 people, 5060万元
  });

  it('asks what the profile does not hold, in plain questions', () => {
    const filled = fill('high-tech-enterprise-application');
    expect(filled.complete).toBe(false);
    const asked = new Map(filled.missing.map((m) => [m.key, m]));
    expect(asked.get('registrationType')?.question).toBe('请问贵公司营业执照上的企业类型是哪一种，比如有限责任公司、股份有限公司？');
    expect(asked.get('contact')?.required).toBe(true);
    expect(asked.get('finance.2023.highTech')).toMatchObject({ required: false, question: '请问贵公司前年（2023年）的高新技术产品（服务）收入是多少万元？' });
    const required = filled.missing.map((m) => m.required);
    expect(required.indexOf(false)).toBeGreaterThan(required.lastIndexOf(true)); // required ones first
  });

  it('asks a missing fact with a question made from its label and year', () => {
    const { rdExpenses, ...rest } = profile;
    const filled = fill('high-tech-enterprise-application', {}, { ...rest, rdExpenses: { 2022: rdExpenses!['2022']!, 2023: rdExpenses!['2023']! } });
    expect(filled.missing.find((m) => m.key === 'finance.2024.rd')?.question).toBe('请问贵公司去年（2024年）的研究开发费用是多少万元？');
    expect(value(filled, 'rdTotal').origin).toBe('missing'); // never a guessed zero
  });

  it('is complete once every question is answered, answers taken in words', () => {
    const filled = fill('high-tech-enterprise-application', DEMO_ANSWERS['high-tech-enterprise-application']);
    expect(filled.errors).toEqual([]);
    expect(filled.missing.every((m) => !m.required)).toBe(true);
    expect(filled.complete).toBe(true);
    expect(value(filled, 'registrationType')).toMatchObject({ value: '有限责任公司', origin: 'answered' }); // 我们是有限公司
    expect(value(filled, 'listed').value).toBe('否'); // 不是
    expect(value(filled, 'legalRepMobile').value).toBe('13800001234'); // typed in groups
  });
});

describe('answers', () => {
  it('reads amounts in words and marks round figures', () => {
    const filled = fill('high-tech-enterprise-application', { employees: '三百多人', 'finance.2024.revenue': '去年营收八千万' });
    expect(value(filled, 'employees')).toMatchObject({ value: 300, approximate: true, origin: 'answered' });
    expect(value(filled, 'finance.2024.revenue')).toMatchObject({ value: 8000, origin: 'answered' });
  });

  it('an answer overrides the profile; a constant cannot be overridden', () => {
    const filled = fill('high-tech-enterprise-application', { stStaff: 40, 'ip.invention.class': 'Ⅱ类' });
    expect(value(filled, 'stStaff')).toMatchObject({ value: 40, origin: 'answered' });
    expect(value(filled, 'stShare').value).toBe(27.68); // derived values read the profile; the portal saves answers into it
    expect(value(filled, 'ip.invention.class')).toMatchObject({ value: 'Ⅰ类', origin: 'constant' });
  });

  it('several options in one sentence, by their names or the words people use', () => {
    const filled = fill('xinghe-innovation-funding-application', { projects: '高企奖励和研发补助' });
    expect(value(filled, 'projects').value).toEqual(['高新技术企业认定奖励', '研发投入补助']);
  });

  it('computes the subsidy applied for from the zone rules', () => {
    const filled = fill('xinghe-innovation-funding-application');
    expect(value(filled, 'rdGrowth').value).toBe(84); // 402 − 318
    expect(value(filled, 'rdAmount')).toMatchObject({ value: 8.4, origin: 'derived' }); // 10 %
    expect(value(filled, 'highTechAmount').value).toBe(30); // first recognition, 2024-12
    expect(value(filled, 'techSmeAmount').value).toBe(2);
    expect(value(filled, 'rdTable.2024.deduction')).toMatchObject({ value: true, verified: true });
  });
});

describe('validation', () => {
  it('rejects bad values with the field named, and asks again', () => {
    const filled = fill('high-tech-enterprise-application', {
      legalRepMobile: '1380000123', postcode: '35010', contactEmail: 'chenxiao@', employees: -3, stStaff: '31.5', registrationType: '合伙企业', techField: '不知道',
    });
    const messages = filled.errors.map((e) => e.message);
    expect(messages).toEqual(expect.arrayContaining([
      '“法定代表人手机”应为11位手机号码',
      '“邮政编码”应为6位数字',
      '“电子邮箱”不是有效的电子邮箱地址',
      '“职工总数”不能为负数',
      '“科技人员数”应为整数',
      expect.stringMatching(/^“注册类型”没有“合伙企业”这一项，可选：国有企业、/),
      expect.stringMatching(/^“所属技术领域”没有“不知道”这一项/),
    ]));
    expect(value(filled, 'postcode').question).toBe('请问贵公司通信地址的邮政编码是多少？');
    expect(filled.complete).toBe(false);
  });

  it('checks identifiers: the credit code from the profile and an ID card number answered', () => {
    const filled = fill('high-tech-enterprise-application', {}, { ...profile, creditCode: { value: '91350100M000100Y43', source: 'self-declared' } });
    expect(filled.errors).toEqual([]);
    const wrongCode = fill('tech-sme-evaluation-info', { creditCode: '91350100M000100Y44' });
    expect(wrongCode.errors.map((e) => e.message)).toContain('“统一社会信用代码”校验位不符（按前17位算应为“3”），请核对是否抄错');
    const citizen = fillForm(form('individual-business-registration'), {}, { idNumber: '110105194912310021', operator: 'Wang#1' }, { asOf: AS_OF });
    expect(citizen.errors.map((e) => e.message)).toEqual(['“经营者姓名”只能包含汉字、字母和间隔号·', '“身份证件号码”校验位不符（按前17位算应为“X”），请核对是否抄错']);
  });

  it('an answer that cannot be read says why and leaves the field to ask', () => {
    const filled = fill('high-tech-enterprise-application', { employees: '很多', registrationDate: '前几年' });
    expect(value(filled, 'employees')).toMatchObject({ value: 112, origin: 'profile', errors: ['“职工总数”应填写数字，“很多”里没有看出数字'] });
    const noProfile = fillForm(form('individual-business-registration'), {}, { staff: '好几个', capital: '五万' }, { asOf: AS_OF });
    expect(value(noProfile, 'staff')).toMatchObject({ origin: 'missing', question: '连您在内，一共有几个人从业？' });
    expect(value(noProfile, 'capital').value).toBe(5);
  });

  it('the citizen form is filled from answers alone', () => {
    const filled = fillForm(form('individual-business-registration'), {}, DEMO_ANSWERS['individual-business-registration'], { asOf: AS_OF });
    expect(filled.errors).toEqual([]);
    expect(filled.complete).toBe(true);
    expect(value(filled, 'staff').value).toBe(3);
    expect(value(filled, 'idType')).toMatchObject({ value: '居民身份证', origin: 'constant' });
    expect(filled.missing.map((m) => m.key)).toEqual(['family.2.name', 'family.2.idNumber', 'family.3.name', 'family.3.idNumber']);
  });
});

describe('the default date', () => {
  it('is today in the zone’s time zone, not the UTC date', () => {
    const form = loadForms().find((f) => f.id === 'tech-sme-evaluation-info')!;
    // Kiritimati (UTC+14) and Pago Pago (UTC−11) are never on the same date; either may have turned over meanwhile.
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Shanghai']) {
      const before = dayIn(timeZone);
      const { asOf } = fillForm(form, {}, {}, { timeZone });
      expect([before, dayIn(timeZone)]).toContain(asOf);
    }
    expect(fillForm(form).asOf.length).toBe(10);
  });
});

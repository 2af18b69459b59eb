/**
 * @module enterprise/forms/test-support
 * The demo enterprise's profile (fixtures/xinghe-zhice.yaml) and answers to every question the
 * demo forms ask, for the forms' tests.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { validateProfile, type EnterpriseProfile } from '../profile.js';

export const AS_OF = '2025-06-20';

export function demoProfile(): EnterpriseProfile {
  const checked = validateProfile(load(readFileSync(new URL('./fixtures/xinghe-zhice.yaml', import.meta.url), 'utf8')));
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  return checked.profile;
}

/** Answers in the words people use, form by form. */
export const DEMO_ANSWERS: Record<string, Record<string, unknown>> = {
  'high-tech-enterprise-application': {
    registrationType: '我们是有限公司', techField: '电子信息', mainBusiness: '工业视觉检测软件及智能检测设备的研发、销售和技术服务',
    listed: '不是', applicationType: '首次认定', taxAuthority: '国家税务总局星河市星河高新区税务局', taxMethod: '查账征收',
    address: '云江省星河市星河高新区科创大道100号智测大厦5层', postcode: '350100', legalRep: '林志远', legalRepMobile: '138 0000 1234',
    contact: '陈晓', contactPhone: '0000-12345678', contactEmail: 'chenxiao@zhice.example.com',
  },
  'tech-sme-evaluation-info': {
    region: '云江省星河市星河高新区', registrationType: '有限责任公司', listed: '否', mainBusiness: '工业视觉检测软件',
    contact: '陈晓', contactMobile: '13800001234', pledge: '是的，都没有',
  },
  'xinghe-innovation-funding-application': {
    address: '云江省星河市星河高新区科创大道100号', contact: '陈晓', contactMobile: '13800001234',
    projects: '高企奖励、研发补助和科小入库奖励都申报', bank: '星河农村商业银行高新区支行', account: '6230 0000 1234 5678 901',
  },
  'individual-business-registration': {
    kind: '设立登记', businessName: '星河区老王面馆', operator: '王建国', idNumber: '11010519491231002X', mobile: '13900002222',
    form: '家庭经营', premises: '云江省星河市星河高新区幸福路18号1层', scope: '餐饮服务；食品销售', staff: '三个人', capital: '五万',
    'family.1.name': '李秀英', 'family.1.idNumber': '11010519491231002X',
  },
};

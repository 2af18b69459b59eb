/**
 * @module enterprise/profile-fields
 * What each profile fact means, in plain Chinese: its label, unit and a sentence explaining it —
 * for rule explanations now and the portal's form later.
 */
import type { EnterpriseProfile, HonourKind, IncidentKind, IpType, QualificationKind } from './profile.js';

export type Unit = 'money' | 'people' | 'items' | 'years' | 'points' | 'percent' | 'date' | 'yes-no' | 'text';

export interface FieldInfo {
  label: string;
  unit: Unit;
  explanation: string;
  /** keyed by year */
  yearly?: boolean;
}

export type FactKey = Exclude<keyof EnterpriseProfile, 'ip' | 'qualifications' | 'honours' | 'incidents' | 'name'>;

export const PROFILE_FIELDS: Record<FactKey, FieldInfo> = {
  creditCode: { label: '统一社会信用代码', unit: 'text', explanation: '营业执照上的18位代码，最后一位是校验位，系统会核对是否抄错。' },
  registrationDate: { label: '成立日期', unit: 'date', explanation: '营业执照上的“成立日期”，用来计算企业注册成立了多久。' },
  registeredInZone: { label: '是否在本区注册', unit: 'yes-no', explanation: '注册地址（营业执照“住所”）是否在本高新区内。区级政策一般只支持区内注册的企业。' },
  industryCode: { label: '所属行业代码', unit: 'text', explanation: '按《国民经济行业分类》（GB/T 4754-2017）填写，如软件开发为 I6511、通用设备制造为 C34。可在统计年报或税务登记信息中查到。' },
  employees: { label: '职工总数', unit: 'people', explanation: '当年在职、兼职和临时聘用人员合计；兼职、临时聘用人员全年在企业累计工作须满183天（按高企工作指引）。以签劳动合同或缴社保为准。' },
  stStaff: { label: '科技人员数', unit: 'people', explanation: '直接从事研发和相关技术创新活动，以及专门从事这些活动的管理和直接服务的人员。' },
  revenue: { label: '销售（营业）收入', unit: 'money', yearly: true, explanation: '每个会计年度的主营业务收入与其他业务收入之和，以年度财务报表或所得税年报为准，单位万元。' },
  totalAssets: { label: '资产总额', unit: 'money', yearly: true, explanation: '年末资产负债表上的资产总计，单位万元。' },
  costsAndExpenses: { label: '成本费用支出总额', unit: 'money', yearly: true, explanation: '年度主营业务成本、其他业务成本、税金及附加、销售费用、管理费用、财务费用等合计，单位万元（科技型中小企业研发投入指标可用）。' },
  rdExpenses: { label: '研究开发费用', unit: 'money', yearly: true, explanation: '按高企认定工作指引或研发费用加计扣除口径归集的年度研发费用总额，单位万元。' },
  rdExpensesDomestic: { label: '境内研究开发费用', unit: 'money', yearly: true, explanation: '研发费用中在中国境内发生的部分，单位万元。' },
  highTechRevenue: { label: '高新技术产品（服务）收入', unit: 'money', yearly: true, explanation: '运用核心技术形成的产品（服务）收入与技术性收入之和，单位万元。' },
  equityFinancing: { label: '新增股权融资', unit: 'money', yearly: true, explanation: '当年合格机构投资者以增资方式实缴的股权投资，单位万元。' },
  rdSuperDeduction: { label: '是否享受研发费用加计扣除', unit: 'yes-no', yearly: true, explanation: '该年度企业所得税汇算清缴时是否享受了研发费用税前加计扣除。' },
  nicheMarketSince: { label: '进入现有细分市场的时间', unit: 'date', explanation: '开始从事现在主营的特定细分市场（主导产品所在领域）的日期。' },
  coreTechInSupportedField: { label: '核心技术是否属于国家重点支持的高新技术领域', unit: 'yes-no', explanation: '对主要产品（服务）发挥核心支持作用的技术是否在《国家重点支持的高新技术领域》八大领域范围内。' },
  productsNotRestricted: { label: '产品和服务不属于禁止、限制和淘汰类', unit: 'yes-no', explanation: '企业的产品和服务不在国家规定的禁止、限制和淘汰类目录（如《产业结构调整指导目录》）中。' },
  innovationScore: { label: '高企创新能力评价得分', unit: 'points', explanation: '按《高新技术企业认定管理工作指引》对知识产权、科技成果转化能力、研究开发组织管理水平、企业成长性四项自评的合计分（满分100分）。' },
  srdiScore: { label: '专精特新评价得分', unit: 'points', explanation: '按专精特新中小企业认定标准对专业化、精细化、特色化和创新能力四类指标自评的合计分（满分100分）。' },
};

export const IP_TYPES: Record<IpType, { label: string; ipClass: 'I' | 'II' }> = {
  inventionPatents: { label: '发明专利（含国防专利）', ipClass: 'I' },
  plantVarieties: { label: '植物新品种', ipClass: 'I' },
  icLayouts: { label: '集成电路布图设计专有权', ipClass: 'I' },
  newDrugs: { label: '国家新药', ipClass: 'I' },
  tcmProtectedVarieties: { label: '国家一级中药保护品种', ipClass: 'I' },
  utilityModels: { label: '实用新型专利', ipClass: 'II' },
  designPatents: { label: '外观设计专利', ipClass: 'II' },
  softwareCopyrights: { label: '软件著作权', ipClass: 'II' },
};

export const QUALIFICATIONS: Record<QualificationKind, { label: string; termYears?: number; untilYearEnd?: boolean }> = {
  'high-tech': { label: '高新技术企业证书', termYears: 3 },
  // 入库登记编号当年有效：the evaluation is renewed every year.
  'tech-sme': { label: '科技型中小企业入库登记编号', untilYearEnd: true },
  'innovative-sme': { label: '创新型中小企业', termYears: 3 },
  'srdi-sme': { label: '专精特新中小企业', termYears: 3 },
  'little-giant': { label: '专精特新“小巨人”企业', termYears: 3 },
};

export const HONOURS: Record<HonourKind, string> = {
  'national-st-award': '国家级科技奖励',
  'provincial-st-award': '省级科技奖励',
  'rd-institution-national': '国家级研发机构',
  'rd-institution-provincial': '省部级研发机构',
  'rd-institution-city': '市级研发机构',
  'standard-international': '主导制定国际标准',
  'standard-national': '主导制定国家标准',
  'standard-industry': '主导制定行业标准',
  'maker-china-500': '“创客中国”大赛全国500强',
};

export const INCIDENTS: Record<IncidentKind, string> = {
  'major-safety': '重大安全事故',
  'major-quality': '重大质量事故',
  'serious-environmental': '严重环境违法行为',
  'cyber-data-security': '网络安全、数据安全事故',
  'research-misconduct': '科研严重失信行为',
  'tax-violation': '偷漏税等违法行为',
  'abnormal-operations-list': '列入经营异常名录',
  'serious-dishonesty-list': '列入严重违法失信名单',
};

/** The Chinese name of a missing fact key such as `revenue.2023`, `ip.utilityModels` or `incidents`. */
export function factLabel(key: string): string {
  const [head, tail] = key.split('.') as [string, string | undefined];
  if (head === 'ip') return tail ? `${IP_TYPES[tail as IpType]?.label ?? tail}数量` : '知识产权数量';
  if (head === 'qualifications') return '已获资质（高企证书、科小入库编号等）';
  if (head === 'honours') return '获奖、研发机构和主导制定标准情况';
  if (head === 'incidents') return '近年是否发生事故、违法失信情况';
  const info = PROFILE_FIELDS[head as FactKey];
  if (!info) return key;
  return tail && info.yearly ? `${tail}年${info.label}` : info.label;
}

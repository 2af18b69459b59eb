/**
 * @module web/format
 * Labels and small formatting rules shared by the cards and the source view.
 */
import type { Guide, ItemKind } from './types';

/** The guide fields of `answer.field`, labelled as a printed 办事指南 labels them. */
export const FIELD_LABELS: Record<string, string> = {
  itemType: '事项类型',
  servedParty: '服务对象',
  conditions: '办理条件',
  materials: '申请材料',
  steps: '办理流程',
  timeLimit: '办理时限',
  visits: '到现场次数',
  fee: '收费标准',
  subsidy: '补贴/奖励标准',
  applicationPeriod: '申报时间',
  place: '办理地点',
  hours: '办公时间',
  phone: '咨询电话',
  onlineUrl: '网上办理',
  complaintPhone: '监督投诉电话',
  result: '办理结果',
  department: '实施部门',
  legalBasis: '设定依据',
  notes: '温馨提示',
  overview: '事项概览',
};

export const KIND_LABELS: Record<ItemKind, string> = {
  guide: '办事指南',
  policy: '政策文件',
  faq: '常见问题',
  article: '资讯文章',
};

export const LEVEL_LABELS: Record<string, string> = {
  national: '国家级',
  provincial: '省级',
  city: '市级',
  zone: '区级',
};

/** A list-valued guide field, as a list; undefined for the others. */
export function fieldList(guide: Guide, field: string): string[] | undefined {
  if (field === 'conditions') return guide.conditions;
  if (field === 'steps') return guide.steps;
  if (field === 'legalBasis') return guide.legalBasis;
  return undefined;
}

/** A text-valued guide field, as text. */
export function fieldText(guide: Guide, field: string): string | undefined {
  const values: Record<string, string | undefined> = {
    itemType: guide.itemType,
    servedParty: guide.servedParty,
    visits: guide.visits,
    fee: guide.fee,
    subsidy: guide.subsidy,
    applicationPeriod: guide.applicationPeriod,
    complaintPhone: guide.complaintPhone,
    result: guide.result,
    place: guide.place,
    hours: guide.hours,
    phone: guide.phone,
    onlineUrl: guide.onlineUrl,
    department: guide.department,
    notes: guide.notes,
  };
  return values[field];
}

/** The answer text without its "【事项】标签：" heading, which the card shows on its own. */
export function answerBody(text: string): string {
  return text.replace(/^【[^】]*】[^：:\n]{0,12}[：:]\s*/, '').trim();
}

export function isWebAddress(value: string | undefined): value is string {
  return !!value && /^https?:\/\/[^\s]+$/i.test(value.trim());
}

/** `2027-12-31` → `2027年12月31日`. */
export function formatDate(date: string | undefined): string {
  const m = date?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : (date ?? '');
}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function isExpired(validUntil: string | undefined): boolean {
  return !!validUntil && validUntil < today();
}

/** Whether a question asks what to bring (the same words the engine listens for). */
export function asksForMaterials(question: string): boolean {
  return /材料|资料|带什么|带啥|要带|携带|提交什么|提供什么|准备什么/.test(question);
}

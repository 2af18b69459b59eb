/**
 * @module knowledge/content
 * Derived views of an item that several parts need: its searchable text and its content hash.
 */
import { createHash } from 'node:crypto';
import type { Item } from './schema.js';

/** The body text of an item as one string, field labels included for guides. */
export function itemBody(item: Item): string {
  switch (item.kind) {
    case 'policy':
      return [item.text, item.interpretation].filter(Boolean).join('\n');
    case 'article':
      return item.text;
    case 'faq':
      return item.answer;
    case 'guide':
      return guideSections(item)
        .map((s) => `${s.label}：${s.text}`)
        .join('\n');
  }
}

export interface GuideSection {
  field: GuideField;
  label: string;
  text: string;
}

/** In the order a guide is printed (the national standard's elements, GB/T 32169 style). */
export const GUIDE_FIELDS = [
  'itemType',
  'servedParty',
  'conditions',
  'materials',
  'steps',
  'timeLimit',
  'visits',
  'fee',
  'subsidy',
  'applicationPeriod',
  'place',
  'hours',
  'phone',
  'complaintPhone',
  'onlineUrl',
  'result',
  'department',
  'legalBasis',
  'notes',
] as const;
export type GuideField = (typeof GUIDE_FIELDS)[number];

export const GUIDE_FIELD_LABELS: Record<GuideField, string> = {
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
  complaintPhone: '监督投诉电话',
  onlineUrl: '网上办理',
  result: '办理结果',
  department: '实施部门',
  legalBasis: '设定依据',
  notes: '温馨提示',
};

/** A guide's filled fields as labelled text, in the order a guide is printed. */
export function guideSections(item: Extract<Item, { kind: 'guide' }>): GuideSection[] {
  const numbered = (list: string[]) => list.map((s, i) => `${i + 1}. ${s}`).join('\n');
  const values: Record<GuideField, string | undefined> = {
    itemType: item.itemType,
    servedParty: item.servedParty,
    conditions: item.conditions.length ? numbered(item.conditions) : undefined,
    materials: item.materials.length
      ? numbered(
          item.materials.map((m) =>
            [m.name, m.form, m.copies ? `${m.copies}份` : undefined, m.notes].filter(Boolean).join('，'),
          ),
        )
      : undefined,
    steps: item.steps.length ? numbered(item.steps) : undefined,
    timeLimit: [
      item.statutoryTimeLimit && `法定时限：${item.statutoryTimeLimit}`,
      item.promisedTimeLimit && `承诺时限：${item.promisedTimeLimit}`,
    ]
      .filter(Boolean)
      .join('；') || undefined,
    visits: item.visits,
    fee: item.fee,
    subsidy: item.subsidy,
    applicationPeriod: item.applicationPeriod,
    place: item.place,
    hours: item.hours,
    phone: item.phone,
    complaintPhone: item.complaintPhone,
    onlineUrl: item.onlineUrl,
    result: item.result,
    department: item.department,
    legalBasis: item.legalBasis.length ? item.legalBasis.join('；') : undefined,
    notes: item.notes,
  };
  return GUIDE_FIELDS.flatMap((field) => {
    const text = values[field];
    return text ? [{ field, label: GUIDE_FIELD_LABELS[field], text }] : [];
  });
}

/** A stable hash of what an item says (not when it was stored), for idempotent re-import. */
export function contentHash(item: Item): string {
  const { createdAt: _c, updatedAt: _u, ...content } = item;
  return createHash('sha256').update(stableJson(content)).digest('hex').slice(0, 32);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether an item is valid on a given day (policies have expiry dates; others are always valid). */
export function isCurrent(item: Item, today: string): boolean {
  if (item.kind !== 'policy') return true;
  if (item.expiryDate && item.expiryDate < today) return false;
  return true;
}

/** The last day an item is valid, when it has one. */
export function validUntil(item: Item): string | undefined {
  return item.kind === 'policy' ? item.expiryDate : undefined;
}

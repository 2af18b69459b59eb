/**
 * @module directory/field-errors
 * Checks a directory entry for people: every problem as `{ field, label, message }` in Chinese,
 * the field named as the form knows it (`areaM2`, `contact.phone`) and as a person does (面积（m²）).
 */
import { z } from 'zod';
import { DIRECTORY_KINDS, DIRECTORY_KIND_LABELS, directoryEntrySchema, type DirectoryEntry } from './model.js';

export interface EntryFieldError {
  field: string;
  label: string;
  message: string;
}

export type EntryCheck = { ok: true; entry: DirectoryEntry } | { ok: false; errors: EntryFieldError[] };

/** Field names in Chinese: the form's hints use them too. */
export const ENTRY_FIELD_LABELS: Record<string, string> = {
  id: '编号',
  kind: '类别',
  name: '名称',
  type: '类型',
  summary: '简介',
  district: '所在园区/片区',
  address: '地址',
  contact: '联系方式',
  'contact.name': '联系人',
  'contact.phone': '联系电话',
  'contact.email': '电子邮箱',
  tags: '标签',
  policyIds: '相关政策（知识库条目编号）',
  url: '网址',
  department: '所属部门',
  hours: '办公时间',
  phone: '电话',
  handles: '受理事项',
  amountMin: '金额下限（万元）',
  amountMax: '金额上限（万元）',
  rate: '利率或贴息比例',
  conditions: '申请条件',
  provider: '出资或承办机构',
  services: '服务内容',
  qualifications: '资质',
  direction: '供需方向',
  enterpriseName: '发布企业',
  quantity: '数量',
  expiresOn: '有效期至',
  employer: '用人单位',
  salaryMin: '月薪下限（元）',
  salaryMax: '月薪上限（元）',
  positions: '招聘人数',
  requirements: '任职要求',
  support: '支持内容',
  building: '楼栋',
  unit: '单元/房号',
  areaM2: '面积（m²）',
  floor: '楼层',
  floorLoadKnM2: '楼面承重（kN/m²）',
  rentYuanM2Month: '租金（元/m²/月）',
  vacant: '是否空置',
  heightM: '层高（m）',
};

const MESSAGES: Record<string, string> = {
  'must be a date written YYYY-MM-DD': '应为日期，写作 YYYY-MM-DD（如 2027-06-30）',
  'must be an id of lower-case letters, digits and -': '只能用小写字母、数字和“-”，不超过64个字符',
  'must start with http:// or https://': '应以 http:// 或 https:// 开头',
  'amountMin must not be above amountMax': '金额下限不能大于上限',
};

const TYPES: Record<string, string> = { number: '应为数字', int: '应为整数', boolean: '应为“是”或“否”（true 或 false）', string: '应为文字', object: '格式不对', array: '应为列表' };

export function checkEntry(input: unknown): EntryCheck {
  const parsed = directoryEntrySchema.safeParse(input);
  if (parsed.success) return { ok: true, entry: parsed.data };
  return { ok: false, errors: parsed.error.issues.flatMap(errorsOf) };
}

function errorsOf(issue: z.core.$ZodIssue): EntryFieldError[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const field = [...path, key].join('.');
      return { field, label: field, message: `这一类条目没有“${field}”这一项` };
    });
  }
  const field = path.join('.') || 'kind';
  return [{ field, label: labelOf(path), message: messageOf(issue, field) }];
}

function labelOf(path: string[]): string {
  const named = path.filter((p) => !/^\d+$/.test(p)).join('.');
  const label = ENTRY_FIELD_LABELS[named] ?? ENTRY_FIELD_LABELS[path[0] ?? ''] ?? (named || '类别');
  const index = path.find((p) => /^\d+$/.test(p));
  return index === undefined ? label : `${label}第${Number(index) + 1}项`;
}

function messageOf(issue: z.core.$ZodIssue, field: string): string {
  const known = MESSAGES[issue.message];
  if (known) return known;
  switch (issue.code) {
    case 'invalid_union':
      // The discriminator itself is missing or unknown.
      return `应为以下之一：${DIRECTORY_KINDS.map((k) => `${k}（${DIRECTORY_KIND_LABELS[k]}）`).join('、')}`;
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? '必须填写' : (TYPES[String(issue.expected)] ?? '格式不对');
    case 'too_small':
      return issue.origin === 'string' ? '不能为空' : issue.origin === 'array' ? `至少${String(issue.minimum)}项` : issue.inclusive ? `不能小于${String(issue.minimum)}` : `应大于${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `最多${String(issue.maximum)}个字符` : issue.origin === 'array' ? `最多${String(issue.maximum)}项` : `不能大于${String(issue.maximum)}`;
    case 'invalid_value':
      return field === 'direction' ? '应为 supply（供应）或 demand（需求）' : `应为以下之一：${issue.values.map(String).join('、')}`;
    default:
      return '格式不对';
  }
}

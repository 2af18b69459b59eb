/**
 * @module enterprise/profiles/field-errors
 * Profile validation for people: every problem as `{ field, label, message }` in Chinese, the
 * field named both as the form knows it (`revenue.2023`) and as the person does (2023年销售（营业）收入).
 * The schema is profile.ts's; only the words are said here.
 */
import { z } from 'zod';
import { HONOURS, INCIDENTS, QUALIFICATIONS, factLabel } from '../profile-fields.js';
import { profileSchema, type EnterpriseProfile } from '../profile.js';

export interface FieldError {
  /** The fact's key (`employees`, `revenue.2023`, `qualifications.0.issuedOn`). */
  field: string;
  /** Its Chinese name. */
  label: string;
  message: string;
}

export type ProfileCheck = { ok: true; profile: EnterpriseProfile } | { ok: false; errors: FieldError[] };

export function checkProfile(input: unknown): ProfileCheck {
  const parsed = profileSchema.safeParse(input);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return { ok: false, errors: parsed.error.issues.flatMap(fieldErrorsOf) };
}

/** The refinements of profile.ts, in Chinese. */
const MESSAGES: Record<string, string> = {
  'must not be negative': '不能为负数',
  'must be a whole number': '应为整数',
  'must be a date written YYYY-MM-DD': '应为日期，写作 YYYY-MM-DD（如 2021-06-30）',
  'is not a real calendar date': '不是真实存在的日期',
  'must be a year written YYYY': '年份应写作四位数字（如 2024）',
  'must be at most 100': '不能超过100',
  'must be a GB/T 4754-2017 industry code such as I6513 or C3911': '应为《国民经济行业分类》（GB/T 4754-2017）代码，如 I6513、C3911',
};

const TYPES: Record<string, string> = {
  number: '应为数字',
  int: '应为整数',
  boolean: '应为“是”或“否”（true 或 false）',
  string: '应为文字',
  object: '格式不对',
  array: '应为列表',
};

const LIST_ITEM_FIELDS: Record<string, string> = {
  kind: '类别',
  number: '编号',
  issuedOn: '发证（认定）日期',
  expiresOn: '有效期至',
  date: '日期',
  rank: '排名',
  name: '名称',
  note: '说明',
  source: '来源',
};
const LIST_NAMES: Record<string, string> = { qualifications: '已获资质', honours: '获奖和研发机构情况', incidents: '事故和违法失信情况' };

function fieldErrorsOf(issue: z.core.$ZodIssue): FieldError[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const field = [...path, key].join('.');
      return { field, label: field, message: `画像中没有“${field}”这一项` };
    });
  }
  // `employees.value` is the fact `employees`; its source and note are named as such.
  const field = path.filter((p, i) => !(p === 'value' && i === path.length - 1)).join('.') || '(画像)';
  return [{ field, label: labelOf(path), message: messageOf(issue) }];
}

function labelOf(path: string[]): string {
  const [head = '', second, third] = path;
  if (head in LIST_NAMES && second !== undefined) {
    const item = `${LIST_NAMES[head]}第${Number(second) + 1}项`;
    return third ? `${item}的${LIST_ITEM_FIELDS[third] ?? third}` : item;
  }
  const key = second !== undefined && second !== 'value' && second !== 'source' && second !== 'note' ? `${head}.${second}` : head;
  const label = head === 'name' ? '企业名称' : factLabel(key);
  const tail = path[path.length - 1];
  if (tail === 'source') return `${label}的来源`;
  if (tail === 'note') return `${label}的说明`;
  return label;
}

function messageOf(issue: z.core.$ZodIssue): string {
  const known = MESSAGES[issue.message];
  if (known) return known;
  switch (issue.code) {
    case 'custom':
      // The credit code's own messages are Chinese already.
      return issue.message;
    case 'invalid_type':
      return TYPES[String(issue.expected)] ?? '格式不对';
    case 'too_small':
      return issue.origin === 'string' ? '不能为空' : `不能小于${String(issue.minimum)}`;
    case 'too_big':
      return `不能大于${String(issue.maximum)}`;
    case 'invalid_value':
      return `应为以下之一：${issue.values.map((v) => choiceLabel(String(v))).join('、')}`;
    case 'invalid_key':
      return '年份应写作四位数字（如 2024）';
    case 'invalid_format':
      return '格式不对';
    default:
      return '格式不对';
  }
}

/** `high-tech (高新技术企业证书)`: the code to send and what it means. */
function choiceLabel(value: string): string {
  const label =
    (QUALIFICATIONS as Record<string, { label: string } | undefined>)[value]?.label ??
    (HONOURS as Record<string, string | undefined>)[value] ??
    (INCIDENTS as Record<string, string | undefined>)[value] ??
    (value === 'self-declared' ? '企业自报' : value === 'verified' ? '工作人员核实' : undefined);
  return label ? `${value}（${label}）` : value;
}

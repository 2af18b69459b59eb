/**
 * @module web/admin/forms/directory-fields
 * The edit form of a directory entry, by kind: which fields, of what sort, and a hint in plain
 * words for each. The server checks the entry (src/directory/model.ts) and names any field at fault.
 */
export type FieldSort = 'text' | 'long' | 'number' | 'list' | 'date' | 'boolean' | 'direction';

export interface FormField {
  key: string;
  sort: FieldSort;
  hint?: string;
  required?: boolean;
}

const COMMON_HEAD: FormField[] = [
  { key: 'name', sort: 'text', required: true, hint: '对外显示的名称，如“智造园A1栋一层”“星河知识产权代理事务所”。' },
  { key: 'type', sort: 'text', required: true, hint: '在类别中的类型，可从建议中选，也可自填（如“知识产权代理”“贷款贴息”“厂房”）。' },
];
const COMMON_TAIL: FormField[] = [
  { key: 'summary', sort: 'long', hint: '一两句话说明特点，群众和企业能看懂。' },
  { key: 'district', sort: 'text', hint: '所在园区或片区，如“东区”；筛选和对话中按它查找。' },
  { key: 'address', sort: 'text' },
  { key: 'contact.name', sort: 'text', hint: '联系人或科室。' },
  { key: 'contact.phone', sort: 'text', hint: '对外公开的电话；不要填个人手机号，除非本人同意公开。' },
  { key: 'tags', sort: 'list', hint: '每行一个；简称也写在这里（如“科技局”），对话中按简称也能找到。' },
  { key: 'policyIds', sort: 'list', hint: '相关政策或办事指南在知识库中的编号，每行一个；“找政策”直接链接原文，不在目录中重复。' },
];

export const FORM_FIELDS: Record<string, FormField[]> = {
  government: [
    { key: 'department', sort: 'text', hint: '窗口所属的部门；部门本身可不填。' },
    { key: 'hours', sort: 'text', hint: '如“工作日 9:00–12:00，13:30–17:30”。' },
    { key: 'phone', sort: 'text' },
    { key: 'handles', sort: 'list', hint: '受理或负责的事项，每行一个。' },
  ],
  fund: [
    { key: 'amountMin', sort: 'number', hint: '单位万元；没有下限可不填。' },
    { key: 'amountMax', sort: 'number', hint: '单位万元；“最高100万元”填100。' },
    { key: 'rate', sort: 'text', hint: '利率或贴息比例，照原文写。' },
    { key: 'conditions', sort: 'list', hint: '申请条件，每行一条；详细条件以政策原文为准。' },
    { key: 'provider', sort: 'text' },
  ],
  service: [
    { key: 'services', sort: 'list', hint: '服务内容，每行一项，如“发明专利申请”；对话中按这些词查找机构。' },
    { key: 'qualifications', sort: 'list', hint: '资质证书，每行一个，如 CMA、CNAS。' },
  ],
  market: [
    { key: 'direction', sort: 'direction', required: true },
    { key: 'enterpriseName', sort: 'text', hint: '发布企业；企业自己提交的以账户名称为准。' },
    { key: 'quantity', sort: 'text' },
    { key: 'expiresOn', sort: 'date', required: true, hint: '到这一天（含）为止对外展示。' },
  ],
  talent: [
    { key: 'employer', sort: 'text' },
    { key: 'salaryMin', sort: 'number', hint: '月薪，单位元。' },
    { key: 'salaryMax', sort: 'number', hint: '月薪，单位元。' },
    { key: 'positions', sort: 'number', hint: '招聘人数，整数。' },
    { key: 'requirements', sort: 'list', hint: '任职要求，每行一条。' },
    { key: 'support', sort: 'list', hint: '人才计划给予的支持，每行一条。' },
    { key: 'expiresOn', sort: 'date', hint: '招聘截止日期；到期后不再展示。' },
  ],
  space: [
    { key: 'building', sort: 'text', required: true, hint: '楼栋，如“智造园A1栋”。' },
    { key: 'unit', sort: 'text', hint: '单元或房号。' },
    { key: 'areaM2', sort: 'number', required: true, hint: '建筑面积，单位平方米（m²）。' },
    { key: 'floor', sort: 'number', hint: '所在楼层，整数；地下一层填 -1。' },
    { key: 'floorLoadKnM2', sort: 'number', hint: '楼面承重，单位 kN/m²；1吨/m² 约等于 9.8 kN/m²。' },
    { key: 'heightM', sort: 'number', hint: '层高，单位米。' },
    { key: 'rentYuanM2Month', sort: 'number', hint: '租金，单位元/m²/月；按天计价的乘以30。' },
    { key: 'vacant', sort: 'boolean', hint: '空置可租时勾选；已出租的不会出现在对话的推荐中。' },
  ],
};

export function fieldsOf(kind: string): FormField[] {
  return [...COMMON_HEAD, ...(FORM_FIELDS[kind] ?? []), ...COMMON_TAIL];
}

/** Reads a dotted key (`contact.phone`) of an entry. */
export function getField(entry: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), entry);
}

/** Sets a dotted key; an empty value removes it (and an emptied `contact`). */
export function setField(entry: Record<string, unknown>, key: string, value: unknown): void {
  const [head, tail] = key.split('.') as [string, string | undefined];
  const empty = value === '' || value === undefined || (Array.isArray(value) && value.length === 0);
  if (!tail) {
    if (empty) delete entry[head];
    else entry[head] = value;
    return;
  }
  const inner = { ...((entry[head] as Record<string, unknown>) ?? {}) };
  if (empty) delete inner[tail];
  else inner[tail] = value;
  if (Object.keys(inner).length) entry[head] = inner;
  else delete entry[head];
}

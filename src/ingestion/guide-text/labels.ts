/**
 * @module ingestion/guide-text/labels
 * The words zones print as a guide's section headings, and the field each one fills. One table
 * for every layout: the splitter finds a heading, this table says what it is.
 */
import type { GuideField } from '../../knowledge/content.js';

/**
 * Where a section goes. Besides the guide's own fields: the item name, the two time limits
 * (a guide may print one, the other or both), the address printed beside the window, and
 * `other`, a labelled section kept in the notes under its own heading (办件类型, 结果送达 …).
 */
export type SectionTarget =
  | Exclude<GuideField, 'timeLimit'>
  | 'name'
  | 'statutoryTimeLimit'
  | 'promisedTimeLimit'
  | 'timeLimit'
  | 'address'
  | 'hoursOrPeriod'
  | 'other';

/** Headings by target, as printed (compared without spaces, numbering and brackets). */
const LABELS: Record<SectionTarget, string[]> = {
  name: ['事项名称', '服务事项名称', '办理事项', '事项全称'],
  itemType: ['事项类型', '事项类别', '权力类型', '权力类别', '事项性质'],
  servedParty: ['服务对象', '办理对象', '适用对象', '申请对象', '申报对象', '受理对象', '申请主体', '申报主体'],
  conditions: ['受理条件', '申请条件', '办理条件', '申报条件', '参保条件', '申领条件', '准予批准的条件', '许可条件', '补助条件', '支持条件', '奖励条件', '申请人条件', '享受条件'],
  materials: ['申请材料', '所需材料', '提交材料', '申报材料', '办理材料', '材料清单', '申请材料目录', '所需资料', '需提交材料', '申请资料', '提交资料'],
  steps: ['办理流程', '办理程序', '办事流程', '申报流程', '办理步骤', '申请流程', '工作流程', '审批流程', '办理环节'],
  timeLimit: ['办理时限', '办结时限', '审批时限', '时限'],
  statutoryTimeLimit: ['法定时限', '法定办结时限', '法定办理时限', '法定期限'],
  promisedTimeLimit: ['承诺时限', '承诺办结时限', '承诺办理时限', '承诺期限'],
  visits: ['到现场次数', '跑动次数', '到办事现场次数', '最多跑几次', '跑腿次数', '到窗口次数'],
  fee: ['收费标准', '收费依据', '是否收费', '收费情况', '收费', '收费项目'],
  subsidy: ['补贴标准', '奖励标准', '资助标准', '补助标准', '扶持标准', '支持标准', '补贴金额', '奖励金额', '补助金额', '资助金额', '补贴额度', '补贴内容', '奖励内容'],
  applicationPeriod: ['申报时间', '申报期限', '申请时间', '申报时限', '受理期限', '申报截止时间'],
  hoursOrPeriod: ['受理时间'],
  place: ['办理地点', '受理地点', '窗口位置', '办公地点', '受理窗口', '办理窗口', '服务窗口', '窗口', '办理场所'],
  address: ['办公地址', '办理地址', '受理地址', '地址', '详细地址'],
  hours: ['办公时间', '办理时间', '受理时间段', '服务时间', '窗口办公时间', '工作时间'],
  phone: ['咨询电话', '联系电话', '咨询方式', '业务咨询', '咨询', '联系方式'],
  complaintPhone: ['监督投诉电话', '投诉电话', '监督电话', '监督投诉', '投诉方式', '监督投诉方式', '投诉举报电话'],
  onlineUrl: ['网上办理', '办理网址', '在线办理', '网上办理渠道', '网办地址', '网上申报', '网上办理地址', '在线办理入口', '网上办理入口'],
  result: ['办理结果', '结果名称', '审批结果', '办结结果', '结果文书', '证照名称', '审批结果名称'],
  department: ['实施主体', '实施部门', '实施机关', '实施机构', '办理部门', '受理部门', '责任部门', '主管部门'],
  legalBasis: ['设定依据', '法律依据', '办理依据', '政策依据', '实施依据', '依据'],
  notes: ['温馨提示', '注意事项', '其他', '其他事项', '特别提示', '备注', '常见问题', '特别说明'],
  other: ['基本编码', '事项编码', '办件类型', '结果送达', '办理形式', '受理机构', '数量限制', '通办范围', '审查标准', '中介服务', '行使层级'],
};

const BY_LABEL = new Map<string, SectionTarget>(
  (Object.entries(LABELS) as Array<[SectionTarget, string[]]>).flatMap(([target, labels]) => labels.map((l) => [l, target] as const)),
);

/** The longest heading first, so that 法定办结时限 is read before 时限. */
export const KNOWN_LABELS: string[] = [...BY_LABEL.keys()].sort((a, b) => b.length - a.length);

/** A heading's target; a joined heading (`收费依据及标准`, `咨询及监督电话`) by its first known part. */
export function targetOf(label: string): SectionTarget | undefined {
  const bare = label.replace(/\s+/g, '');
  const exact = BY_LABEL.get(bare);
  if (exact || bare.length > 12) return exact;
  const parts = bare.split(/[及和与、/]/u);
  if (parts.length < 2) return undefined;
  // `收费依据及标准`: the second part borrows the first one's head (收费 + 标准).
  const head = parts[0]!.slice(0, 2);
  for (const part of parts) {
    const target = BY_LABEL.get(part) ?? BY_LABEL.get(head + part);
    if (target) return target;
  }
  return undefined;
}

/** Labels of fields that only a guide prints; a few of them mark the text as a guide. */
export const CORE_TARGETS: ReadonlySet<SectionTarget> = new Set([
  'conditions', 'materials', 'steps', 'timeLimit', 'statutoryTimeLimit', 'promisedTimeLimit', 'place', 'hours',
  'hoursOrPeriod', 'fee', 'phone', 'complaintPhone', 'onlineUrl', 'result', 'visits',
]);

/**
 * @module directory/intent
 * Whether a question asks to *find* a directory entry, and which: the kind (厂房, 机构, 资金 …), the
 * type within it (知识产权代理, 贷款贴息), a department by name. A question about a policy or a
 * procedure (条件, 怎么申请, 材料, 补贴) is left to the knowledge base: the directory never takes
 * over what a guide or a policy answers better.
 */
import { searchableText } from './filter.js';
import type { DirectoryKind, StoredEntry } from './model.js';
import { DIRECTORY_TYPES } from './model.js';

/** Words of a policy or procedure question: the knowledge base answers those. */
const KNOWLEDGE_QUESTION =
  /政策|文件|文号|依据|条件|(?:怎么|如何|怎样|咋)(?:申请|申报|办理|认定|办)|需要(?:什么|哪些)(?:材料|资料)|要带|(?:带|交|提交|准备|提供|要)(?:什么|哪些)?(?:材料|资料)|好处|有什么用|有啥用|作用|材料(?:清单|有哪些|是什么)|流程|步骤|多久|多长时间|几个工作日|补贴|补助|奖励|奖补|减免|优惠|有效期|是什么意思|什么是|靠谱|可靠|正规|合法吗|收费|费用|要钱|骗/;

/** Asking to find something: 找, 有没有, 有哪些, 哪家, 推荐, 租 … */
const FIND = /找|哪里可以|哪里能|哪儿能|去哪(?:里|儿)?(?:做|找)|有没有|有无|有什么|有哪些|哪些|哪家|哪几家|哪个机构|哪里有|哪儿有|什么地方有|推荐|介绍|求租|想租|要租|租个|租一|出租|招租|列出|列一下|给我看|能贷|可以贷|贷到|能借|想融资|要融资|需要融资|招聘|招人|求购|采购|供应/;

const KIND_CUES: Record<Exclude<DirectoryKind, 'government'>, RegExp> = {
  space: /厂房|写字楼|办公室|办公楼|办公场地|办公空间|办公用房|仓库|库房|车间|孵化器|场地|楼宇|工位|房源|平米|平方|㎡/,
  service: /机构|服务商|服务公司|事务所|律所|律师|会计|记账|代账|检测|检验|测试|化验|认证|猎头|中介|咨询公司|第三方|代理/,
  fund: /资金|基金|贷款|贴息|担保|融资|投资|风投|创投|天使|信贷|借款|授信|资本/,
  talent: /人才计划|人才项目|引才|招聘|招人|岗位|职位|求职|找工作|工作机会|用工/,
  market: /供应|供货|采购|求购|供需|需求信息|买家|卖家|货源|订单|合作伙伴|商机/,
};

/** Everyday words for a type, beyond the type's own name. */
const TYPE_CUES: Record<string, RegExp> = {
  知识产权代理: /知识产权|专利|商标|版权|著作权/,
  财税: /财税|财务|记账|代账|税务|报税|审计|会计/,
  法律: /法律|律师|律所|合同|诉讼|仲裁/,
  检验检测: /检验|检测|测试|化验|计量/,
  人力资源: /人力资源|人事|猎头|劳务|社保代理|招聘服务/,
  科技咨询: /科技咨询|项目申报咨询|高企辅导/,
  技术转移: /技术转移|成果转化|技术交易/,
  认证: /认证|体系认证|ISO/i,
  贷款贴息: /贴息/,
  融资担保: /担保/,
  股权投资基金: /股权|风投|创投|天使|投资基金|产业基金/,
  科技贷款: /科技贷|信用贷|贷款/,
  风险补偿: /风险补偿|风险池/,
  专项资金: /专项资金/,
  厂房: /厂房|车间|生产/,
  写字楼: /写字楼|办公室|办公楼|办公场地|办公空间|办公用房|工位/,
  仓库: /仓库|库房|仓储/,
  孵化器: /孵化器|众创空间|加速器/,
  招聘: /招聘|岗位|职位|求职|找工作|招人/,
  人才计划: /人才计划|人才项目|引才/,
  供应: /供应|供货|出售|货源/,
  需求: /需求|求购|采购|收购/,
};

/** The question without the words that only say what is sought (找, 有哪些, 融资, 机构): what is left names the thing itself. */
export function withoutCueWords(question: string): string {
  let q = question.normalize('NFKC');
  for (const cue of [FIND, ...Object.values(KIND_CUES), ...Object.values(TYPE_CUES)]) q = q.replace(new RegExp(cue.source, `g${cue.flags}`), ' ');
  return q;
}

/** What a department, window or hall is asked about. */
export const GOVERNMENT_ASPECTS = {
  place: /在哪|哪里|哪儿|地址|位置|怎么走|几楼|几号窗口|办公地点|在什么地方/,
  hours: /几点|时间|上班|下班|开门|关门|营业|周末|周六|中午/,
  phone: /电话|联系方式|怎么联系|号码|热线/,
  handles: /负责|管什么|管哪些|办什么|办哪些|职能|业务范围/,
} as const;
export type GovernmentAspect = keyof typeof GOVERNMENT_ASPECTS;

export interface DirectoryIntent {
  kind: DirectoryKind;
  /** The type asked for, when one is named. */
  type?: string;
  /** For government: the entries named, and what is asked of them. */
  named?: StoredEntry[];
  aspects?: GovernmentAspect[];
}

/** Cheap first look, before any entry is read: could this question be for the directory at all? */
export function mayAskDirectory(question: string): boolean {
  const q = question.normalize('NFKC');
  if (KNOWLEDGE_QUESTION.test(q)) return false;
  return FIND.test(q) || Object.values(KIND_CUES).some((cue) => cue.test(q)) || Object.values(GOVERNMENT_ASPECTS).some((cue) => cue.test(q));
}

/** The kind and type a question asks to find, or undefined when it is not a directory question. */
export function directoryIntent(question: string, entries: readonly StoredEntry[], numeric: { space: boolean; amount: boolean }): DirectoryIntent | undefined {
  const q = question.normalize('NFKC').replace(/\s+/g, '');
  if (KNOWLEDGE_QUESTION.test(q)) return undefined;

  const named = namedGovernment(q, entries);
  const aspects = (Object.keys(GOVERNMENT_ASPECTS) as GovernmentAspect[]).filter((a) => GOVERNMENT_ASPECTS[a].test(q));
  if (named.length && (aspects.length || FIND.test(q))) return { kind: 'government', named, aspects };

  const scored = (Object.keys(KIND_CUES) as Exclude<DirectoryKind, 'government'>[])
    .map((kind) => ({ kind, hits: (q.match(new RegExp(KIND_CUES[kind].source, 'g')) ?? []).length + (kind === 'space' && numeric.space ? 2 : 0) + (kind === 'fund' && numeric.amount && /贷|融资|投资|基金/.test(q) ? 1 : 0) }))
    .filter((k) => k.hits > 0)
    .sort((a, b) => b.hits - a.hits);
  const best = scored[0] ?? (FIND.test(q) ? kindByWords(q, entries) : undefined);
  if (!best) return undefined;
  // “找”, “有没有”, or a figure for space: a wish to find, not a question about a rule.
  if (!FIND.test(q) && !(best.kind === 'space' && numeric.space)) return undefined;
  if (!entries.some((s) => s.entry.kind === best.kind)) return undefined;
  return { kind: best.kind, ...withType(q, best.kind, entries) };
}

/**
 * No kind named (“哪家能做材料成分分析”): the kind whose entry shares the most of the question's own
 * words, when one shares at least three character pairs of them (one word in common is chance).
 */
function kindByWords(q: string, entries: readonly StoredEntry[]): { kind: Exclude<DirectoryKind, 'government'> } | undefined {
  const rest = withoutCueWords(q);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < rest.length; i++) if (/^\p{Script=Han}{2}$/u.test(rest.slice(i, i + 2))) pairs.add(rest.slice(i, i + 2));
  let best: { kind: Exclude<DirectoryKind, 'government'>; shared: number } | undefined;
  for (const s of entries) {
    if (s.entry.kind === 'government') continue;
    const text = searchableText(s.entry);
    const shared = [...pairs].filter((p) => text.includes(p)).length;
    if (shared >= 3 && (!best || shared > best.shared)) best = { kind: s.entry.kind, shared };
  }
  return best && { kind: best.kind };
}

/** The longest type of `kind` the question names, by its own name or its everyday words. */
function withType(q: string, kind: DirectoryKind, entries: readonly StoredEntry[]): { type?: string } {
  const types = new Set<string>([...DIRECTORY_TYPES[kind], ...entries.filter((s) => s.entry.kind === kind).map((s) => s.entry.type)]);
  const found = [...types].filter((t) => q.includes(t) || TYPE_CUES[t]?.test(q)).sort((a, b) => (q.includes(b) ? 1 : 0) - (q.includes(a) ? 1 : 0) || b.length - a.length);
  return found[0] ? { type: found[0] } : {};
}

/** Organisation words in the question (科技局, 行政审批局, 企业开办窗口). */
const ORG_WORD = /[\p{Script=Han}]{1,10}?(?:局|委员会|委|办公室|管委会|中心|窗口|服务站|大厅|所|署|队)/gu;

/**
 * The government entries the question names: by name, tag or department, or by a short form whose
 * characters appear in order in the name with the same first two and last (科技局 → 科技创新局).
 */
function namedGovernment(q: string, entries: readonly StoredEntry[]): StoredEntry[] {
  const government = entries.filter((s) => s.entry.kind === 'government');
  const words = [...q.matchAll(ORG_WORD)].map((m) => m[0].replace(/^(?:请问|你好|我想问|问一下|那个|去)+/, ''));
  const found = government.filter((s) => {
    const e = s.entry;
    const names = [e.name, shortName(e.name), ...(e.tags ?? []), ...(e.kind === 'government' && e.department ? [] : [])].filter((n) => n.length >= 2);
    if (names.some((n) => q.includes(n))) return true;
    return words.some((w) => w.length >= 3 && names.some((n) => abbreviates(w, n)));
  });
  // A department named and a window of it both match 科技局: the department itself first.
  return found.sort((a, b) => a.entry.name.length - b.entry.name.length);
}

/** 星河高新区科技创新局 → 科技创新局: the zone's name is often left out. */
const shortName = (name: string) => name.replace(/^.*?(?:高新区|开发区|园区|[市区县])(?=.{2,})/, '');

function abbreviates(word: string, name: string): boolean {
  const n = shortName(name);
  if (word.slice(0, 2) !== n.slice(0, 2) || word.at(-1) !== n.at(-1)) return false;
  let i = 0;
  for (const c of n) if (c === word[i]) i++;
  return i === word.length;
}

/**
 * @module answering/intent
 * What a question asks about a service guide (materials, place, fee …) and whether it is a
 * follow-up that leans on the previous turn ("那要多长时间？").
 */
import type { GuideField } from '../knowledge/index.js';

/** A guide field as people ask for it; `place` answers with the place and the opening hours. */
export type FieldIntent = Exclude<GuideField, 'notes' | 'servedParty'>;

// Most specific first: "办公时间" is about hours, "多长时间" about the time limit.
const FIELD_PATTERNS: [FieldIntent, RegExp][] = [
  ['hours', /几点|办公时间|上班时间|工作时间|开门|关门|营业时间|周末|节假日|星期|礼拜|午休/],
  ['timeLimit', /多久|多长时间|几天|多少天|几个工作日|时限|办结|多快|什么时候能(拿|办好|下来)|要等/],
  ['fee', /多少钱|收费|收不收|要钱|免费|花钱|交钱|工本费|(办理|办证|申请|登记)的?费用|费用(是)?多少|什么费用/],
  ['phone', /电话|热线|联系方式|怎么联系|咨询号码|号码/],
  ['onlineUrl', /网上|网址|链接|线上|在线|网站|app|小程序|网办|不见面|掌上/i],
  ['materials', /材料|资料|带什么|带啥|要带|携带|提交什么|提供什么|准备什么|需要什么证|哪些证件|证件/],
  ['place', /在哪里|在哪儿|在哪|哪里|哪儿|地点|地址|哪个窗口|去哪|什么地方|几楼|位置|怎么走/],
  ['conditions', /条件|资格|符合|够不够|门槛|谁可以|哪些人|能不能申请|可以申请吗|能申请吗|满足/],
  ['steps', /流程|步骤|程序|怎么办理|如何办理|怎么申请|如何申请|怎么弄|怎么操作|环节/],
  ['department', /哪个部门|什么部门|谁负责|主管部门|哪个单位|归谁管|哪个局/],
  ['legalBasis', /依据|法律|(?<!办)法规|根据什么/],
];

/** The guide field a question asks about, if any. Expects normalised text. */
export function detectFieldIntent(question: string): FieldIntent | undefined {
  for (const [field, pattern] of FIELD_PATTERNS) if (pattern.test(question)) return field;
  return undefined;
}

/** Question words that name a field; removed before judging whether a question names a topic. */
export function stripIntentWords(question: string): string {
  let rest = question;
  for (const [, pattern] of FIELD_PATTERNS) rest = rest.replace(new RegExp(pattern.source, 'gi'), '');
  return rest;
}

const FOLLOW_UP_OPENERS = /^(那|那么|那这个|这个|它|还有|另外|再问|那如果|如果是|然后)/;

/**
 * Whether a question leans on the previous turn: it opens like a follow-up, or once the field
 * words and stop words are gone, nothing is left that could name a topic.
 */
export function looksLikeFollowUp(question: string, contentWords: string[]): boolean {
  if (FOLLOW_UP_OPENERS.test(question)) return true;
  return contentWords.length === 0;
}

/** "第二个" / "2" / "选1" → 1-based choice number. */
export function parseChoice(question: string): number | undefined {
  const m = question.trim().match(/^(?:选|要|是)?(?:第)?([1-9一二三四五六七八九])(?:个|项|条)?(?:吧|的|。|！|!)?$/);
  if (!m) return undefined;
  const digit = '一二三四五六七八九'.indexOf(m[1]!);
  return digit >= 0 ? digit + 1 : Number(m[1]);
}

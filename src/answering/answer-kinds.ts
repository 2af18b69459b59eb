/**
 * @module answering/answer-kinds
 * What kind of value a question asks for (a date, a clock time, a duration, an amount of money,
 * a count, a phone number, a place, an online channel) and where values of that kind stand in a
 * text. Extraction prefers the sentence, and the clause, holding a value of the asked kind next
 * to the question's own words: "几点到几点" is answered by "17:30至20:00", not by the lead paragraph.
 */

import { charPinyin } from '../language/index.js';

export type AnswerKind = 'phone' | 'clock' | 'effectiveDate' | 'date' | 'duration' | 'money' | 'quantity' | 'place' | 'channel';

/**
 * Question wording → kind, the most specific first: "电话是多少" asks a phone number, not any
 * number; "几点" a clock time, not a date; "什么时候起施行" the date a rule takes effect, not the
 * date it was signed. Expects normalised text with colloquial question words tidied (see
 * `tidyQuestionWords`).
 */
const ASKED: [AnswerKind, RegExp][] = [
  ['phone', /电话|热线|联系方式|号码/],
  ['clock', /几点|几时几分|办公时间|上班时间|工作时间|营业时间|开门|关门|下班/],
  // The date from which a rule applies: asked with 施行/生效/实施 and a question word of time.
  ['effectiveDate', /(什么时候|什么时间|何时|哪天|几号|哪一天|几月).{0,4}(施行|实施|实行|生效|起算|开始算|开始执行)|(施行|实施|实行|生效)(日期|时间)/],
  ['duration', /多久|多长时间|多少天|几天|几个月|多少个月|几年|多少年|几个工作日|多少个工作日|期限|时长|有效期(多长|是多久|几年)/],
  ['date', /什么时候|什么时间|何时|哪天|几号|哪一天|几月|哪年|日期|截止|到期/],
  ['money', /多少钱|几块钱|多少万|金额|额度|(奖励|补贴|补助|资助|奖补|贴息|补偿|给予|给|拿|领|奖|补|贷)(多少|几)/],
  ['quantity', /多少|(?<!哪)几[个项家名位次条所台种批人户件]|比例|百分之几|占比/],
  // 在哪个网站/平台 asks an online channel, not a place to go.
  ['place', /在哪(?!个?(?:网站|网址|平台|app|公众号|小程序|链接))|哪里|哪儿|什么地方|地点|地址|哪个窗口|几楼|几号窗口|去哪/i],
  ['channel', /网址|网站|平台|渠道|app|公众号|小程序|链接/i],
];

/** The kind of value a question asks for, if it asks for one. */
export function askedKind(question: string): AnswerKind | undefined {
  return ASKED.find(([kind, pattern]) => (kind === 'phone' ? asksPhone(question) : pattern.test(question)))?.[0];
}

// The question words of `slot.ts` and the spoken ones (tidied): whether a question has one.
const QUESTION_WORD = /什么|多少|多久|哪|如何|怎|何时|何地|几|谁|是否/;
// A phone number is asked by a question word next to the phone words: 电话是多少, 打哪个电话,
// 怎么打电话咨询.
const PHONE_ASKED =
  /(电话|热线|号码|联系方式)(号码)?(是|为)?(多少|什么|几号)|(什么|哪个|哪些|多少)(电话|热线|号码|联系方式)|(如何|怎么|怎样)(打|拨打|通过)?(电话|热线)/;

/**
 * Whether the question asks a phone number. A hotline named elsewhere only sets the scene:
 * 「热线从什么时候开通」 asks a date, 「热线受理了多少件」 a count, 「热线电话是多少」 the number. A
 * question without a question word ("社保中心的咨询电话") asks for what it names.
 */
function asksPhone(question: string): boolean {
  return QUESTION_WORD.test(question) ? PHONE_ASKED.test(question) : ASKED[0]![1].test(question);
}

const NUM = '(?:\\d[\\d.,]*|[一二两三四五六七八九十百千零〇半]+)';
const DATE = '(?:\\d{4}年\\d{1,2}月(?:\\d{1,2}[日号])?|\\d{1,2}月\\d{1,2}[日号]|\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}|\\d{4}年\\d{1,2}月|\\d{1,2}月(?:上旬|中旬|下旬|底|初))';

/** Where values of each kind stand in (normalised) text. */
const VALUES: Record<AnswerKind, RegExp> = {
  phone: /\d{3,4}-\d{6,8}|\d{5,}/g,
  clock: /\d{1,2}[:：]\d{2}|(?:上午|下午|晚上|早上|中午)?\d{1,2}[点时](?:\d{1,2}分|半)?/g,
  effectiveDate: new RegExp(`(?:自|从|于)?(?:${DATE}|即日|公布之日|发布之日|印发之日)起?(?:施行|实施|实行|生效|执行)`, 'g'),
  date: new RegExp(`${DATE}|即日起`, 'g'),
  duration: new RegExp(`${NUM}(?:个)?(?:工作日|自然日|小时|分钟|天|日|周|星期|个月|年)(?:内|以内|以上)?`, 'g'),
  money: new RegExp(`${NUM}(?:[万亿千百])?(?:余|多)?元`, 'g'),
  quantity: new RegExp(`${NUM}(?:[万亿千])?(?:余|多|馀)?(?:%|[个家人名位元件项条次户张台辆所吨份批间处座场期类种倍])`, 'g'),
  place: /[\p{Script=Han}\d]{1,12}(?:路|街|大道|大厦|广场|中心|大厅|窗口|楼|室|号)/gu,
  channel: /https?:\/\/\S+|www\.\S+|[\p{Script=Han}a-z\d]{1,12}(?:app|网|平台|公众号|小程序)/giu,
};

/** Offsets of the values of `kind` in `text`. */
export function valuesOf(kind: AnswerKind, text: string): { start: number; end: number }[] {
  const pattern = VALUES[kind];
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)]
    .filter((m) => !((kind === 'quantity' || kind === 'duration') && /^\d{4}年$/.test(m[0])))
    // Pieces of a date (the 1日 of 6月1日, the 2024年 of 2024年6月) are no lengths of time.
    .filter((m) => !(kind === 'duration' && (/[年月\d]/.test(text[m.index - 1] ?? '') || /^\d+[月日号]/.test(text.slice(m.index + m[0].length)))))
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Whether the text holds a value of the kind (an effective date counts as a date too). */
export function holdsKind(kind: AnswerKind, text: string): boolean {
  return valuesOf(kind, text).length > 0;
}

/**
 * The colloquial question words citizens use, rewritten to the ones written Chinese uses, so that
 * the question's shape (see `slot.ts`) and the asked kind are read the same for "这政策啥时候开始算"
 * and "本措施什么时候开始算". Same length is not kept: use the result for reading the question only.
 */
const COLLOQUIAL: [RegExp, string][] = [
  [/啥时候|啥时|多会儿|几时/g, '什么时候'],
  [/啥样/g, '什么样'],
  [/啥/g, '什么'],
  [/咋样/g, '怎么样'],
  [/咋/g, '怎么'],
  [/哪块儿|哪块|哪旮旯/g, '哪里'],
  // 十几年, 二十几个: a rough number the asker tells, not a question word (几年).
  [/(?<=十)几/g, '多'],
];

export function tidyQuestionWords(question: string): string {
  return readQuestionWordsBySound(COLLOQUIAL.reduce((q, [pattern, written]) => q.replace(pattern, written), question));
}

/**
 * Question words a speech recogniser writes with other characters of the same sound: "措施包括纳协"
 * asks 哪些, "增加夺绍额度" 多少, "有申么要求" 什么. Only words no common written word shares a sound
 * with (not 何时: 核实, 合适; not 几个: 及格), and the length is kept.
 */
const SOUNDED_QUESTION_WORDS = ['哪些', '哪里', '哪几', '多少', '什么', '如何', '有何', '怎么', '怎样'];
const soundOf = (text: string): string => [...text].map(charPinyin).join('_');
const QUESTION_WORD_BY_SOUND = new Map(SOUNDED_QUESTION_WORDS.map((w) => [soundOf(w), w]));

export function readQuestionWordsBySound(question: string): string {
  const chars = [...question];
  for (let i = 0; i + 1 < chars.length; i++) {
    const written = QUESTION_WORD_BY_SOUND.get(`${charPinyin(chars[i]!)}_${charPinyin(chars[i + 1]!)}`);
    if (!written || chars[i]! + chars[i + 1]! === written) continue;
    chars[i] = written[0]!;
    chars[i + 1] = written[1]!;
    i++;
  }
  return chars.join('');
}

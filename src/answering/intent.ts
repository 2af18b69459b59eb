/**
 * @module answering/intent
 * What a question asks about a service guide (materials, place, fee, subsidy …) and whether it
 * is a follow-up that leans on the previous turn ("那要多长时间？").
 */
import type { GuideField } from '../knowledge/index.js';

/**
 * A guide field as people ask for it; `place` answers with the place, the opening hours and the
 * online link. `servedParty` is asked as `conditions` (谁可以办).
 */
export type FieldIntent = Exclude<GuideField, 'servedParty'>;

/** One pattern from alternatives written on lines of their own, for a table people can read. */
function anyOf(...parts: RegExp[]): RegExp {
  return new RegExp(parts.map((p) => p.source).join('|'));
}

/**
 * Questions that sound like a field but ask what no standard field holds; they are answered by
 * the guide's sentence that states it (`field-notes.ts`), not by a section that only looks alike.
 */
const NOT_A_FIELD: RegExp[] = [
  // The applicant's own deadline — "出生后多长时间内申报", "到期前多少天要提交", "最晚什么时候交申请"
  // — is not the office's time limit (办理时限) nor the yearly application window.
  /(后|前|起|之日)(的)?(多长时间|多久|几天|多少天|几个月|多少日|几日|几年)(之内|以内|内|(要|得|必须|应当?|需要)去?(申报|申请|办理|提交|报|登记|补缴|备案|补办|换))/,
  /(多长时间|多久|几天|多少天|几个月|几日)(之内|以内|内)(要|得|必须|需要|应|应当|可以|能)?(去|到)?(申报|申请|办理|提交|报|登记|补缴|备案|补办)/,
  // (最晚什么时候申报 asks the end of the yearly window: that is the application period.)
  /(最晚|最迟)(要|得|在)?((什么|啥)时候|哪天|几号)(?!.{0,3}(申报|报名))/,
  // A contribution paid every month or year (医保每月最低缴费多少) is not a processing fee.
  /(每月|每个月|每年|按月|按年|最低|最高|一个月|一年)(要|得|需要)?(最低|最少|最多)?(缴|交)(费|纳|存)?(多少|几)/,
  /(缴费|缴存|缴纳)(的)?(基数|比例|档次|金额|标准)|(缴费|缴存)(多少|几)/,
];

/**
 * The first pattern that matches wins, so the table runs from the most specific wording to the
 * most general. Money is the delicate part: 「多少钱」 alone asks the fee, but money the applicant
 * receives (能拿/补/奖/给多少, 补贴多少钱) asks the subsidy, and money the applicant pays
 * (要交/收/付多少) the fee even when a subsidy is named.
 */
const FIELD_PATTERNS: [FieldIntent, RegExp][] = [
  // 监督投诉电话 before 电话 (phone): "投诉电话是多少" asks where to complain, not where to ask.
  ['complaintPhone', /投诉|举报|监督电话|监督投诉|不满意找谁|效能监督/],
  // Paying comes before receiving: "补贴申请要交多少钱" asks what it costs to apply.
  ['fee', /(要|得|需要|需)(交|缴|付|花|给|掏|出)(多少|几)|(交|缴|付|收)(多少|几[百千万块])|收钱|收不收钱|要不要钱|要钱不|花不花钱|掏钱/],
  // Receiving: 拿/领/补/奖/给/发/返 + an amount, or a benefit word + 多少/标准. "给多少钱" without
  // 要 is what the office gives ("区里给多少钱"); with 要 it was caught as a fee above. "补领多少个
  // 工作日" counts days, not money. The benefit word sits in a lookbehind or lookahead so that
  // stripIntentWords keeps it as the topic (失业金每月多少钱 is about 失业金).
  [
    'subsidy',
    anyOf(
      /(拿|领|补|奖|给|发|返|报销)(个|了)?(多少|几[百千万块])(?!个?(工作日|天|日|月|年|次|趟|小时))/,
      /(?<=(补贴|补助|奖励|奖金|资助|津贴|贴息|奖补|安家费|返还|失业金|保险金|养老金|救助金|补偿金)的?)(标准|金额|额度|数额|比例)?(是|有|能|能有|可以|大概|一共|一般|每月|每个月|一个月|每年|每人|一次)*(多少|几[百千万块])/,
      /(?<=补贴|补助|奖励|资助|奖补|发放)(标准|金额|额度|数额)/,
      /(有|拿|领|享受)(什么|哪些|啥)(?=补贴|补助|奖励|奖金|资助|奖补)/,
      /有(没有)?(?=(补贴|补助|奖励|奖金|资助|奖补)(吗|没有|不))/,
    ),
  ],
  // Days of the week and times of day before the time limit: "周六能办吗" asks the opening hours.
  ['hours', /几点|办公时间|上班时间|工作时间|开门|开不开门|关门|营业时间|周末|周[一二三四五六日天]|节假日|放假|星期[一二三四五六日天]?|礼拜[一二三四五六日天]?|午休|中午|晚上|早上|下班后/],
  // When applications are taken, before the time limit: "什么时候申报" is not "什么时候能办好".
  [
    'applicationPeriod',
    anyOf(
      /((什么|啥)时候|何时)(可以|能|开始)?(申报|申请|报名|受理|报)/,
      /(哪个|几)月份?(可以|能|开始)?(申报|申请|报名|报)/,
      /(申报|申请|报名|受理)(的)?(时间|日期|期限|截止|窗口期)|申报期|截止(日期|时间)|哪天截止|几号截止/,
      /还能(申报|报)吗|常年受理/,
    ),
  ],
  ['timeLimit', /多久|多长时间|几天|多少天|(几|多少)个?工作日|时限|办结|多快|((什么|啥)时候|何时)(能|可以)?(拿到|拿|办好|下来|出结果|有结果)|要等/],
  ['fee', /多少钱|收费|收不收|要钱|免费|花钱|交钱|工本费|(办理|办证|申请|登记)的?费用|费用(是)?多少|什么费用/],
  // 到现场次数: how often one must come in person.
  // "本人需要去窗口吗" asks whether one must come in person at all: the same field.
  [
    'visits',
    anyOf(
      /(跑|去|来|到)(几|多少)(趟|次|回)|(跑|去|来)一(趟|次)就|(到|去)现场(几|多少)?次?|跑动次数|最多跑|不用跑|零跑/,
      /(本人)?(要|需要|用|得|必须|还要|还得)(亲自|本人)?(去|到|跑|来)(一趟)?(窗口|现场|大厅|政务中心|服务中心)?(吗|不|么|嘛)/,
      /本人(要|需要|必须|得)?(到场|亲自)/,
    ),
  ],
  ['phone', /(咨询|联系|服务)?电话|热线|联系方式|怎么联系|咨询号码|号码/],
  // 办理结果 before materials: "给发什么证" names the certificate obtained, "需要什么证" one to bring.
  [
    'result',
    anyOf(
      /办理结果|(什么|啥)(样的)?结果/,
      /(办完|办好|办下来|办成|批下来)(了|以后|之后|后)?(能|会|可以)?(拿到|拿|得到|领到|领|给|发)(个)?(什么|啥)/,
      /(拿到|领到|得到)(的是)?(什么|啥)(证|照|东西|文件)?/,
      /(发|颁发|出具|核发|给发)(个)?(什么|啥|哪些)(证|照|文件|凭证)/,
      // "登记完了给个啥证明": what the office hands over once done ("要给什么证明" is one to bring).
      /(完|好|下来|结束)(了|以后|之后|后)?.{0,4}(?<!要|需|需要|得)(给|发|出|开)(个|张|份)?(什么|啥)/,
      // Where the money goes (打给个人还是单位, 钱打到哪个账户): the result of a funding item.
      /(打|拨|转|汇|发|付)(给|到|至|进)(个人|单位|企业|公司|本人|谁|哪)|(打|拨|转|汇)到?(哪个|什么)?账户/,
    ),
  ],
  ['onlineUrl', /网上|网址|链接|线上|在线|网站|app|小程序|网办|不见面|掌上/i],
  // "材料交到哪": where to hand them in, though 材料 is named.
  [
    'place',
    anyOf(
      /(交|送|递交|提交|报送|寄|拿|报)(到|去|往)(哪里|哪儿|哪个窗口|哪个部门|什么地方|哪(?![些一个种类样]))/,
      /(交|送|递交|提交|报送)给?(哪里|哪儿|哪个窗口|什么地方)/,
    ),
  ],
  ['materials', /材料|资料|带什么|带啥|要带|携带|提交什么|提供什么|准备什么|需要什么证|哪些证件|证件/],
  ['place', /在哪里|在哪儿|在哪|哪里|哪儿|地点|地址|哪个窗口|去哪|什么地方|几楼|位置|怎么走/],
  [
    'conditions',
    anyOf(
      /条件|资格|符合|够不够|门槛|谁可以|谁能|哪些人|能不能申请|可以申请吗|能申请吗|满足/,
      // 哪些企业可以申请, 什么单位能申报: who may apply, asked by the kind of applicant.
      /(哪些|什么|哪类|哪种|啥)(样的)?(企业|单位|公司|人员|人|对象|机构)(可以|能|才能|可|有资格)?(申请|申报|办理|办|享受|领|拿)/,
      /申请对象|适用对象|申报对象/,
    ),
  ],
  ['steps', /流程|步骤|程序|怎么办理|如何办理|怎么申请|如何申请|怎么弄|怎么操作|环节/],
  ['department', /哪个部门|什么部门|谁负责|主管部门|哪个单位|归谁管|哪个局/],
  ['legalBasis', /依据|法律|(?<!办)法规|根据什么/],
  ['itemType', /事项类型|什么类型的事项|属于什么事项|哪类事项/],
  // Last: "材料要注意什么" asks about the materials; only a bare 注意什么 asks for the notes.
  ['notes', /注意事项|要注意|注意什么|注意啥|温馨提示|特别提示|有什么提醒|需要提醒/],
];

/**
 * The guide field a question asks about, if any. Expects normalised text. A question of several
 * sentences asks last what it wants to know, after the circumstances and the hearsay: in
 * 「听说注销不用跑，是真的吗？在哪个网上办？」 the 不用跑 repeats what was heard, 在哪个网上办 is
 * asked. So the last sentence that names a field (or a fact no field holds) decides.
 */
export function detectFieldIntent(question: string): FieldIntent | undefined {
  const sentences = question.split(/[。？?！!]+/u).filter((s) => s.trim());
  for (const sentence of sentences.length > 1 ? sentences.reverse() : []) {
    const read = fieldOf(sentence);
    if (read !== NO_FIELD_NAMED) return read;
  }
  const read = fieldOf(question);
  return read === NO_FIELD_NAMED ? undefined : read;
}

/** The text names no field at all (as opposed to asking a fact no field holds). */
const NO_FIELD_NAMED = Symbol('no field named');

function fieldOf(text: string): FieldIntent | undefined | typeof NO_FIELD_NAMED {
  if (NOT_A_FIELD.some((p) => p.test(text))) return undefined;
  for (const [field, pattern] of FIELD_PATTERNS) if (pattern.test(text)) return field;
  return NO_FIELD_NAMED;
}

/** Question words that name a field; removed before judging whether a question names a topic. */
export function stripIntentWords(question: string): string {
  let rest = question;
  for (const pattern of NOT_A_FIELD) rest = rest.replace(new RegExp(pattern.source, 'gi'), '');
  for (const [, pattern] of FIELD_PATTERNS) rest = rest.replace(new RegExp(pattern.source, 'gi'), '');
  return rest;
}

const FOLLOW_UP_OPENERS = /^(那|那么|那这个|这个|它|还有|另外|再问|那如果|如果是|然后|他|她|他们|她们|该事项)/;

/** Words of time that set no topic: "今年什么时候申报" asks about the topic already named. */
const TIME_WORDS = /^(今年|明年|去年|今天|明天|现在|目前|最近|本月|下月|这个月|下个月|上个月|本周|下周|马上|以后|之后|后来|平时)$/;

/**
 * Whether a question leans on the previous turn: it opens like a follow-up ("那…", "他本人…"), or
 * once the field words, stop words and words of time are gone, nothing is left that could name a
 * topic — or nothing the conversation's topic item does not already hold ("硕士能拿多少" after a
 * question on the talent housing subsidy, whose guide names 硕士).
 */
export function looksLikeFollowUp(
  question: string,
  contentWords: string[],
  heldByTopic: (word: string) => boolean = () => false,
): boolean {
  if (FOLLOW_UP_OPENERS.test(question)) return true;
  return contentWords.filter((w) => !TIME_WORDS.test(w)).every(heldByTopic);
}

/**
 * "那博士呢？", "重新认定的呢": a follow-up that names only what changes, asking the previous
 * question again about it (the field asked before still holds).
 */
export function isElliptical(question: string): boolean {
  return /呢[?？。!！]*$/.test(question) && !detectFieldIntent(question);
}

/** "第二个" / "2" / "选1" → 1-based choice number. */
export function parseChoice(question: string): number | undefined {
  const m = question.trim().match(/^(?:选|要|是)?(?:第)?([1-9一二三四五六七八九])(?:个|项|条)?(?:吧|的|。|！|!)?$/);
  if (!m) return undefined;
  const digit = '一二三四五六七八九'.indexOf(m[1]!);
  return digit >= 0 ? digit + 1 : Number(m[1]);
}

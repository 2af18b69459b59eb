/**
 * @module answering/extract
 * Picks the stretch of a document that answers a question, in three steps:
 *
 * 1. locate the sentence that best restates the question (IDF-weighted character pairs, the
 *    question's own clause counting most, plus how well the question lines up in place);
 * 2. delimit the answer: it starts after the clauses that only restate the question, or after a
 *    line that introduces it (a heading, "…如下：", "问：…？"), and runs on through a list, and
 *    for open questions (如何, 有哪些措施) to the end of the paragraph;
 * 3. narrow a question for one fact or thing (多少, 何时, 哪个平台) to where its question word
 *    stands in the source (see `slot.ts`).
 *
 * Everything returned is a verbatim span of the source; nothing is generated.
 */
import type { AnalysedQuery } from '../search/query.js';
import type { SentenceEntry, TermStatistics } from '../search/rerank.js';
import type { SynonymTable } from '../language/lexicon.js';
import { askedKind, holdsKind, tidyQuestionWords, valuesOf, type AnswerKind } from './answer-kinds.js';
import { MAX_ANCHOR, questionShape, slotIn, type QuestionShape } from './slot.js';
import { synonymAliases, withAliases, type Alias } from './synonym-aliases.js';

export interface ExtractedSpan {
  start: number;
  end: number;
  /** How much of the question the chosen sentence restates (0–1). */
  support: number;
  /** The chosen sentence's selection score (support, type and in-place match), for comparing documents. */
  score: number;
}

export interface ExtractOptions {
  /** Clauses whose own character pairs are at least this much in the question only restate it. */
  givenThreshold: number;
  /** An answer shorter than this (characters) is extended with the following sentence. */
  minAnswerChars: number;
  /** After a line that introduces it, the answer runs on until it has at least this many characters. */
  headingAnswerChars: number;
  /** Answers run on (through a list, to the end of the paragraph) up to this many characters. */
  runOnChars: number;
  /** A list (numbered items, a "；" series, what "…：" introduces) runs on up to this many characters. */
  listRunOnChars: number;
  /** Never return more than this many characters. */
  maxAnswerChars: number;
  /** Answer "how many / when / which platform" questions with the stretch that states it. */
  narrowFactoids: boolean;
  /** Sentences longer than this many characters have their support discounted… */
  referenceChars: number;
  /** …by (referenceChars / length) to this power. */
  lengthExponent: number;
  /** Factor for question words that also occur in the document's title line. */
  topicDiscount: number;
  /** How strongly a word's spread over the document's sentences lowers its weight. */
  spreadWeight: number;
  /** Extra weight of the question words in the question's own clause (the one with 什么/如何…). */
  focusWeight: number;
  /** Weight of the match between the question's type (how many, when…) and the sentence. */
  typeWeight: number;
  /** Weight of how well the question lines up in place around new material in the sentence. */
  slotWeight: number;
  /**
   * A sentence without a value of the kind asked (a date for 何时, a clock time for 几点) has its
   * support multiplied by this, when some sentence of the document holds one.
   */
  missingKindFactor: number;
  /**
   * A sentence continuing a series after "；" ("新认定为省级的，给予…") leaves out what the series
   * is about; it inherits the question words of the sentence before at this factor.
   */
  seriesInherit: number;
  /** A question word a sentence says in other words (周四 for 礼拜四) counts this much of one it says. */
  aliasWeight: number;
}

export const DEFAULT_EXTRACT: ExtractOptions = {
  givenThreshold: 0.6,
  minAnswerChars: 6,
  headingAnswerChars: 90,
  runOnChars: 200,
  listRunOnChars: 300,
  maxAnswerChars: 300,
  narrowFactoids: true,
  referenceChars: 150,
  lengthExponent: 0.5,
  topicDiscount: 0.1,
  spreadWeight: 1,
  focusWeight: 2,
  typeWeight: 0.1,
  slotWeight: 0.2,
  missingKindFactor: 0.5,
  seriesInherit: 0.8,
  aliasWeight: 0.5,
};

interface Span {
  start: number;
  end: number;
}

/**
 * Chooses the answer span within one item's body, given its sentences (offsets into the body).
 * `body` is the original text the offsets refer to.
 */
export function extractAnswer(
  body: string,
  sentences: SentenceEntry[],
  query: AnalysedQuery,
  stats: TermStatistics,
  normalize: (s: string) => string,
  options: ExtractOptions = DEFAULT_EXTRACT,
  synonyms?: SynonymTable,
): ExtractedSpan | undefined {
  if (!sentences.length) return undefined;
  const questionPairs = new Set(charPairs(query.normalized));
  // "啥时候", "咋" read as "什么时候", "怎么": what is asked does not depend on the register.
  const asked = tidyQuestionWords(query.normalized);
  const shape = questionShape(asked);
  // Asked when a rule takes effect, in a document that never says "起施行": any date will do.
  const askedFor = askedKind(asked);
  const kind = askedFor === 'effectiveDate' && !sentences.some((s) => holdsKind('effectiveDate', s.norm)) ? 'date' : askedFor;
  const aliases = synonymAliases(query.normalized, synonyms);
  const best = locate(sentences, query, stats, shape, kind, aliases, questionPairs, options);
  const sentence = sentences[best.index]!;
  const textOf = (s: Span) => body.slice(s.start, s.end).trim();

  // Where the answer starts: after the clauses that only restate the question
  // ("对于因疫情影响暂停举办的展会项目，…"), or after the whole sentence when it only introduces
  // what follows ("四、实施援企稳岗政策。", "…通知如下：", "问：…？").
  const fact = factTest(asked, kind);
  // The opening sentence of a flattened page begins with the page's title: the answer does not.
  const opening = textOf(sentence);
  const title = best.index === 0 ? titleLine(opening) : opening;
  let start = title.length < opening.length ? sentence.start + title.length : sentence.start;
  while (start < sentence.end && /\s/.test(body[start]!)) start++;
  for (const clause of clausesOf(body, { start, end: sentence.end })) {
    const norm = normalize(body.slice(clause.start, clause.end));
    // "全国铁路预计发送旅客85万人次，" restates most of "…发送旅客多少人次" but holds the answer.
    if (givenShare(norm, questionPairs) < options.givenThreshold || (fact && fact(norm) && holdsNewNumber(norm, query.normalized))) break;
    start = clause.end;
  }
  let last = best.index;
  let span: Span = { start, end: sentence.end };
  const introduced = (start >= sentence.end || isLeadIn(textOf(sentence))) && last + 1 < sentences.length;
  if (introduced) {
    last++;
    span = { start: sentences[last]!.start, end: sentences[last]!.end };
    // Q&A pages: "问：…？ 答：…" answers without its label.
    const label = /^答[：:]\s*/.exec(body.slice(span.start, span.end));
    if (label && span.start + label[0].length < span.end) span.start += label[0].length;
  } else if (span.start >= span.end) {
    span = { start: sentence.start, end: sentence.end };
  }

  // How far it runs: through a list (a sentence ending in "：" or "；" goes on in the next, and
  // an introduced list through its numbered items), to a minimum length, and for open questions or
  // introduced answers to the end of the paragraph; never into the next section.
  const open = !shape || shape.scope === 'open';
  const series = numberingOf(textOf(sentences[last]!));
  while (last + 1 < sentences.length) {
    const current = textOf(sentences[last]!);
    const next = sentences[last + 1]!;
    const nextText = textOf(next);
    const introducesList = /[：:]$/.test(current);
    // After "…如下：" every numbered line is an item; in an introduced answer, the next of its series.
    const item = numberingOf(nextText);
    const listItem = item !== undefined && (introducesList || (introduced && item === series));
    if (!listItem && (isSectionHeading(nextText) || isNumberedTitle(nextText))) break;
    const length = visibleLength(body.slice(span.start, span.end));
    const sameParagraph = !/\s/.test(body.slice(sentences[last]!.end, next.start));
    const inList = introducesList || listItem || /[；;]$/.test(current);
    const continues =
      inList ||
      length < options.minAnswerChars ||
      (introduced && length < options.headingAnswerChars) ||
      ((open || introduced) && sameParagraph);
    if (!continues || next.end - span.start > (inList ? options.listRunOnChars : options.runOnChars)) break;
    span = { start: span.start, end: next.end };
    last++;
  }

  // A question for one fact or thing is answered where its question word stands in the source.
  if (options.narrowFactoids) {
    const whole = span;
    const slot = shape && !introduced ? narrowToSlot(body, span, shape, fact, questionPairs, normalize) : undefined;
    span = slot ?? (fact ? narrowToFact(body, span, fact, questionPairs, normalize) : span);
    // "多少 / 几" ask for a quantity: the number with its measure word ("200个", "570亿元").
    // Not for a clock time or a phone number: "几点" is not answered by "32项".
    const counted = kind === undefined || kind === 'money' || kind === 'quantity' || kind === 'duration';
    if (shape && /^(多少|几)$/.test(shape.wh) && counted) {
      // "开放了多少床位": of "9个方舱医院，有6960多张床位" the quantity of beds, wherever the slot fell.
      // The slot's own quantity stands, unless it counts something else and another one counts it.
      const thing = countedThing(asked, shape.wh);
      const quantity = quantityIn(body, span);
      const counts = !thing || (quantity && countedQuantity(body, quantity, thing));
      span = (counts ? quantity : countedQuantity(body, whole, thing) ?? quantity) ?? span;
    }
    // A bare value is not an answer people understand: "最长7天", "自2025年4月1日起施行".
    if (kind) span = readableValue(body, span, kind, normalize);
  }
  span = beforeAdministrativeTail(body, span, options.minAnswerChars);
  if (span.end - span.start > options.maxAnswerChars) span.end = cutAtClause(body, span.start, options.maxAnswerChars);
  return { ...span, support: best.support, score: best.score };
}

// "（责任单位：市税务局、市财政局）": who carries a measure out, filed after it for the offices;
// the citizen asked what the measure is, and what follows the note is the next measure.
const ADMINISTRATIVE_TAIL = /\s*[（(](?:牵头单位|责任单位|配合单位|责任部门|牵头部门)[：:]/;

function beforeAdministrativeTail(body: string, span: Span, minChars: number): Span {
  const m = ADMINISTRATIVE_TAIL.exec(body.slice(span.start, span.end));
  return m && m.index >= minChars ? { start: span.start, end: span.start + m.index } : span;
}

/** The sentence that best restates the question, with its support (0–1) and score. */
function locate(
  sentences: SentenceEntry[],
  query: AnalysedQuery,
  stats: TermStatistics,
  shape: QuestionShape | undefined,
  kind: AnswerKind | undefined,
  aliases: readonly Alias[],
  questionPairs: Set<string>,
  options: ExtractOptions,
): { index: number; support: number; score: number } {
  // Words of the document's title line and place names locate the document, not the sentence
  // within it; so do words the document repeats in many sentences. The question's own clause
  // ("…，对于免税进口物资已征收的怎么办") says what is asked; the rest often only sets the scene.
  const topic = sentences.length > 1 ? titleLine(sentences[0]!.norm) : undefined;
  const focus = focusOf(tidyQuestionWords(query.normalized), shape);
  // Sentences as matched: with the question's words they say in other words (周四 for 礼拜四).
  const matched = sentences.map((s) => withAliases(s.norm, aliases));
  const weights = query.bigrams.map((b) => {
    const topical = topic?.includes(b) || query.places.some((p) => p.includes(b));
    const count = matched.filter((m) => m.includes(b)).length;
    const spread = 1 + options.spreadWeight * Math.log(1 + count);
    return (stats.idf(b) * (topical ? options.topicDiscount : 1) * (focus.includes(b) ? 1 + options.focusWeight : 1)) / spread;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  // A question for a phone number is answered by a sentence holding one, when the item has any.
  const phoneOnly = kind === 'phone' && sentences.some((s) => PHONE.test(s.norm));
  // Sentences without a value of the kind asked are unlikely answers, when the document has one.
  // (Places and channels are told by words too common to rule a sentence out: 室, 中心, 网.)
  const kindIn = kind && kind !== 'place' && kind !== 'channel' ? sentences.map((s) => holdsKind(kind, s.norm)) : [];
  const kindSomewhere = kindIn.some(Boolean);
  const asksPage = PAGE_WORDS.test(query.normalized);
  // What each sentence holds of the question; one continuing a series after "；" also what the
  // sentence before it holds, less surely (it is about the same thing, named there only).
  let previous: number[] = [];
  let best = { index: 0, support: 0, score: -Infinity };
  sentences.forEach((s, i) => {
    const own = query.bigrams.map((b) => (s.norm.includes(b) ? 1 : matched[i]!.includes(b) ? options.aliasWeight : 0));
    const continues = i > 0 && /[；;]$/.test(sentences[i - 1]!.norm);
    const holds = own.map((h, k) => Math.max(h, continues ? options.seriesInherit * (previous[k] ?? 0) : 0));
    // The whole series shares its subject: the third item inherits as much as the second.
    previous = own.map((h, k) => Math.max(h, continues ? (previous[k] ?? 0) : 0));
    // A document's opening line is usually its title: it names the topic, not the answer.
    if (i === 0 && sentences.length > 1 && s.end - s.start <= 60) return;
    if (phoneOnly && !PHONE.test(s.norm)) return;
    // A web page's byline (来源, 发布时间, 浏览次数) answers nothing but questions about the page.
    if (!asksPage && PAGE_LINE.test(s.norm)) return;
    let found = 0;
    holds.forEach((h, k) => {
      found += h * weights[k]!;
    });
    const support = total ? found / total : 0;
    const kindFactor = kindSomewhere && !kindIn[i] ? options.missingKindFactor : 1;
    // Long sentences match many words by chance: their support is discounted by length.
    const lengthFactor = Math.min(1, Math.pow(options.referenceChars / Math.max(1, s.norm.length), options.lengthExponent));
    const score =
      support * lengthFactor * kindFactor +
      options.typeWeight * (kind ? kindMatch(kind, s.norm) : answerTypeMatch(query.normalized, s.norm)) +
      (shape ? options.slotWeight * slotShare(s.norm, shape, questionPairs, topic) : 0);
    if (score > best.score) best = { index: i, support, score };
  });
  return best;
}

/**
 * The document's title line: its opening sentence, or only the head of it when a page flattened
 * onto one line runs the title into the first paragraph ("…热线的通告 为认真做好…，…提供…服务。"):
 * the paragraph's words answer questions, they do not only name the topic.
 */
function titleLine(opening: string): string {
  const head = /^(\S{4,60}?)\s+\S/u.exec(opening)?.[1];
  return head && opening.length - head.length > head.length ? head : opening;
}

/** The clause of the question that holds its question word (the whole question without one). */
function focusOf(question: string, shape: QuestionShape | undefined): string {
  if (!shape) return question;
  const at = question.indexOf(shape.wh);
  const from = Math.max(...[...'，,；;'].map((p) => question.lastIndexOf(p, at))) + 1;
  const ends = [...'，,；;'].map((p) => question.indexOf(p, at)).filter((i) => i >= 0);
  return question.slice(from, ends.length ? Math.min(...ends) : question.length);
}

/**
 * How well the question, its question word taken out, lines up around new material in the
 * sentence (0–1). Title words on either side do not count: they locate the document, not the answer.
 */
function slotShare(norm: string, shape: QuestionShape, questionPairs: Set<string>, topic: string | undefined): number {
  const slot = slotIn(norm, shape);
  if (!slot || givenShare(norm.slice(slot.start, slot.end), questionPairs) > 0.5) return 0;
  const most = Math.min(MAX_ANCHOR, shape.before.length) + Math.min(MAX_ANCHOR, shape.after.length);
  const counts = (anchor: string) => (topic?.includes(anchor) ? 0 : anchor.length);
  return (counts(norm.slice(slot.start - slot.before, slot.start)) + counts(norm.slice(slot.end, slot.end + slot.after))) / most;
}

/**
 * The stretch of a span where the question's word stands: for a fact or a thing, the part of
 * one clause between what the question says before and after its question word; for an open
 * question only the start moves, past what restates the question ("市卫生部门采取…" stays whole,
 * "全国铁路预计发送旅客85万人" becomes "85万人"). Undefined when the question does not line up.
 */
function narrowToSlot(
  body: string,
  span: Span,
  shape: QuestionShape,
  fact: FactTest | undefined,
  questionPairs: Set<string>,
  normalize: (s: string) => string,
): Span | undefined {
  const clauses = clausesOf(body, span);
  // A fact or thing sits in one clause, any of the span's; a longer answer starts in the first.
  const candidates = shape.scope === 'open' ? clauses.slice(0, 1) : clauses;
  let best: (Span & { clauseEnd: number }) | undefined;
  let bestAnchor = 0;
  for (const c of candidates) {
    const slot = slotIn(sameLengthNorm(body.slice(c.start, c.end), normalize), shape);
    if (!slot) continue;
    // What stands where the question word stood must be new, and of the kind asked: after "产能"
    // in "全市17家口罩企业在逐步恢复产能，" nothing is (the 17家 before it counts firms, not output).
    const proper = normalize(body.slice(c.start + slot.start, c.start + slot.end));
    if (!/[\p{L}\p{N}]/u.test(proper) || (fact && !fact(proper))) continue;
    let start = c.start + slot.start;
    let anchor = slot.before + slot.after;
    // Only what restates the question may be cut off the front.
    if (givenShare(normalize(body.slice(c.start, start)), questionPairs) < 0.5) {
      start = c.start;
      anchor = slot.after;
    }
    // The slot must hold something the question does not already say, of the kind asked for.
    const end = c.start + slot.end;
    if (end <= start || givenShare(normalize(body.slice(start, end)), questionPairs) > 0.5) continue;
    if (fact && !fact(normalize(body.slice(start, end)))) continue;
    if (!best || anchor > bestAnchor) {
      bestAnchor = anchor;
      best = { start, end, clauseEnd: c.end };
    }
  }
  if (!best) return undefined;
  let start = best.start;
  while (start < best.clauseEnd && /[\s，,：:、的为是了]/.test(body[start]!)) start++;
  if (shape.scope === 'open') return start < span.end ? { start, end: span.end } : undefined;
  let end = shape.scope === 'fact' ? best.end : best.clauseEnd;
  while (end > start && /[，,：:；;。\s]/.test(body[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

/** Questions for a number, a date, a phone number, and what such a fact looks like. */
const FACT_PATTERNS: [RegExp, RegExp][] = [
  [/多少|几[个项家天月年条名次万%]|比例|金额|额度/, /\d/],
  [/什么时[候间]|何时|哪天|几月|几号|哪一天/, /\d+[年月日时]|日起|即日/],
  [/电话|热线|号码/, /\d{5,}|\d{3,4}-\d{6,}/],
];

/** Whether a stretch of (normalised) text states a fact of the kind asked. */
type FactTest = (norm: string) => boolean;

// Calendar dates are not amounts: "2025年惠企政策宣讲会" holds no count of anything.
const CALENDAR = /\d{4}年|\d{1,2}月\d{1,2}[日号]|\d{1,2}月/g;

function factTest(asked: string, kind: AnswerKind | undefined): FactTest | undefined {
  switch (kind) {
    case 'money':
    case 'quantity':
      return (t) => /\d/.test(t.replace(CALENDAR, '')) || holdsKind('quantity', t);
    case 'duration': {
      // "几天" is answered in days, not by "毕业两年内" in the same sentence.
      const unit = DURATION_UNITS.find(([asks]) => asks.test(asked))?.[1];
      return (t) => valuesOf(kind, t).some((v) => !unit || unit.test(t.slice(v.start, v.end)));
    }
    case 'clock':
    case 'effectiveDate':
      return (t) => holdsKind(kind, t);
    case 'phone':
      return (t) => PHONE.test(t);
    case 'place':
    case 'channel':
      return undefined;
    case 'date':
    case undefined: {
      const pattern = FACT_PATTERNS.find(([asks]) => asks.test(asked))?.[1];
      return pattern && ((t) => pattern.test(t));
    }
  }
}

/** The unit a question for a length of time names, and the units that answer it. */
const DURATION_UNITS: [RegExp, RegExp][] = [
  [/几天|多少天|几日|多少日|几个工作日|多少个工作日/, /天|日/],
  [/几个月|多少个月/, /月/],
  [/几年|多少年/, /年/],
  [/几个小时|多少小时|几小时|多少个小时/, /小时/],
];

// Words that qualify an amount and belong with it: 每人每次最长7天, 单户最高可贷500万元, 不超过2小时.
const QUALIFIER =
  /(?:每[人户家年月次天个]){0,2}(?:最高|最长|最多|最少|最低|不超过|不高于|不低于|不少于|不足|超过|高于|低于|约|大约|共计|共|累计|总计|合计|近|逾|一般)?(?:可贷|可获|可得|可)?$/;

/**
 * A value the span cuts short or leaves bare, made whole: the span grows to the whole value of
 * the asked kind it overlaps ("2025年4月1日" → "自2025年4月1日起施行") and, for an amount or a
 * length of time, takes the words qualifying it ("7天" → "每人每次最长7天"). Within its clause.
 */
function readableValue(body: string, span: Span, kind: AnswerKind, normalize: (s: string) => string): Span {
  const clause = clausesOf(body, { start: clauseStart(body, span.start), end: clauseEnd(body, span.end) });
  if (clause.length !== 1) return span;
  const c = clause[0]!;
  const norm = sameLengthNorm(body.slice(c.start, c.end), normalize);
  let { start, end } = span;
  const values = valuesOf(kind, norm).map((v) => ({ start: c.start + v.start, end: c.start + v.end }));
  for (const v of values) {
    if (v.end > start && v.start < end) {
      start = Math.min(start, v.start);
      end = Math.max(end, v.end);
    }
  }
  // "详见区税务局网站https://…": a web address or phone number follows the noun the question
  // asked with (哪个网站, 什么电话), so the stretch in place of the question word only names its
  // owner; the value after it is the answer.
  if (APPOSITIVE_KINDS.has(kind)) {
    const after = values.find((v) => v.start >= end && v.start - end <= APPOSITIVE_GAP);
    if (after) end = after.end;
  }
  if (kind === 'money' || kind === 'quantity' || kind === 'duration') {
    const qualifier = QUALIFIER.exec(body.slice(c.start, start))?.[0] ?? '';
    start -= qualifier.length;
  }
  return { start, end };
}

/** Kinds of value written after the noun that names them: 网站 https://…, 电话 0000-8888666. */
const APPOSITIVE_KINDS = new Set<AnswerKind>(['channel', 'phone']);
/** The noun between the stretch and the value it names: 站, 电话：. */
const APPOSITIVE_GAP = 4;

/** Where the clause holding `at` begins (after the last clause mark before it). */
function clauseStart(body: string, at: number): number {
  let i = at;
  while (i > 0 && !(CLAUSE_MARK.test(body[i - 1]!) && !isInnerMark(body, i - 1))) i--;
  return i;
}

/** Where the clause holding the character before `at` ends (at the next clause mark). */
function clauseEnd(body: string, at: number): number {
  let i = Math.max(at, 0);
  while (i < body.length && !(CLAUSE_MARK.test(body[i]!) && !isInnerMark(body, i))) i++;
  return i;
}

/**
 * A mark that does not end a clause: the colon of a clock time (17:30) or of a web address
 * (http://…), and a comma or semicolon inside brackets ("至2月2日（农历正月初九，星期日）",
 * "审批表(申请人自备,纸质)"): what is bracketed belongs to the clause it qualifies.
 */
function isInnerMark(body: string, i: number): boolean {
  if (/[:：]/.test(body[i]!)) {
    if (/\d/.test(body[i - 1] ?? '') && /\d/.test(body[i + 1] ?? '')) return true;
    if (body.startsWith('//', i + 1)) return true;
  }
  return /[，,；;]/.test(body[i]!) && insideBrackets(body, i);
}

/** Brackets close within this many characters, or they are not read as brackets. */
const BRACKET_REACH = 40;

/** Whether position `i` stands between an opening bracket and its closing one, on one line. */
function insideBrackets(body: string, i: number): boolean {
  const opens = (c: string) => c === '（' || c === '(';
  const closes = (c: string) => c === '）' || c === ')';
  let opened = false;
  for (let k = i - 1; k >= Math.max(0, i - BRACKET_REACH); k--) {
    const c = body[k]!;
    if (closes(c) || c === '。' || c === '\n') break;
    if (opens(c)) {
      opened = true;
      break;
    }
  }
  if (!opened) return false;
  for (let k = i + 1; k < Math.min(body.length, i + BRACKET_REACH); k++) {
    const c = body[k]!;
    if (opens(c) || c === '。' || c === '\n') return false;
    if (closes(c)) return true;
  }
  return false;
}

const CLAUSE_MARK = /[，,：:；;。！？!?\n]/;

/** Words of a web page's byline: a sentence with one is about the page, not its subject. */
const PAGE_LINE = /(来源|发布时间|发布日期|浏览次数|阅读次数|点击数|作者)[:：]|【(打印|关闭|字体)/;
const PAGE_WORDS = /来源|发布|作者|浏览|阅读/;

/** 0–1: how well a sentence holds a value of the kind asked; a span of time beats a lone clock time. */
function kindMatch(kind: AnswerKind, norm: string): number {
  if (!holdsKind(kind, norm)) return 0;
  if (kind === 'clock') return /\d{1,2}[:：点]\d{0,2}\s*[至到~—\-－–]+\s*\d{1,2}[:：点]/.test(norm) ? 1 : 0.6;
  return 1;
}

// A number with its measure word, or with 万 / 亿 (85万人, 570亿元, 十二条), and the words that
// qualify it (超过2000万张, 大约70亿元). Dates, calendar years and a lone 一 / 两 (一次性, 一个) are not
// quantities.
const MEASURE =
  '(?:个工作日|个月|人次|万元|亿元|平方米|公里|毫升|公斤|方面|小时|分钟|[个家人名位元件项条次户张台辆所吨只份双副套批箱支瓶幅间处座场期类种米亩升克床倍天年周岁%])';
const QUANTITY = new RegExp(
  `(?<!不)(?:超过|大约|约)?(?:\\d[\\d.,]*|[一二两三四五六七八九十百千零〇]+)(?:余|多|馀)?(?:[万亿千]?(?:余|多|馀)?${MEASURE}|[万亿])`,
  'gu',
);

/** What a "多少 / 几" question counts: the measure word it names (件, 人次) and the thing (床位). */
interface Counted {
  measure?: string;
  thing?: string;
}

const LEADING_MEASURE = new RegExp(`^${MEASURE}`, 'u');
const HAN_NOUN = /^\p{Script=Han}{2,}$/u;

/**
 * "咨询多少件" counts 件, "开放了多少床位" 床位 (the head of the noun phrase after the question word:
 * "多少新冠肺炎防控补助资金" counts 资金). Money (多少钱) and a question word ending the question count nothing.
 */
function countedThing(asked: string, wh: string): Counted | undefined {
  const at = asked.indexOf(wh);
  const phrase = asked.slice(at + wh.length).split(/[，,。；;？?！!\s吗呢]/)[0]!;
  const measure = LEADING_MEASURE.exec(phrase)?.[0];
  // 床位 is a thing, not 床 + 位: a measure word starts the phrase only when a noun follows it.
  const noun = [phrase.slice(measure?.length ?? 0), phrase].map((p) => p.replace(/^(的|种|类)/, '')).find((p) => HAN_NOUN.test(p));
  const thing = noun && !/钱|资金$/.test(noun) ? noun.slice(-2) : undefined;
  return measure || thing ? { ...(measure ? { measure } : {}), ...(thing ? { thing } : {}) } : undefined;
}

/**
 * The quantity of the span that counts what was asked: one in the unit asked ("590余件" for 多少件),
 * or one standing next to the thing counted ("6960多张床位", "各类单位986户"). Undefined when none does.
 */
function countedQuantity(body: string, span: Span, counted: Counted): Span | undefined {
  for (const c of clausesOf(body, span)) {
    const text = body.slice(c.start, c.end);
    for (const m of text.matchAll(QUANTITY)) {
      if (/^\d{4}年$|^[一两].$/.test(m[0])) continue;
      const end = m.index + m[0].length;
      const thing = counted.thing;
      const inUnit = [counted.measure, thing].some((unit) => unit !== undefined && m[0].endsWith(unit));
      const nextTo =
        thing !== undefined && (text.slice(end, end + thing.length + 1).includes(thing) || text.slice(Math.max(0, m.index - thing.length - 2), m.index).includes(thing));
      if (inUnit || nextTo) return { start: c.start + m.index, end: c.start + end };
    }
  }
  return undefined;
}

/** Whether a clause holds a number the question does not: it says something new ("85万人次"). */
function holdsNewNumber(clause: string, question: string): boolean {
  return (clause.match(/\d+(?:\.\d+)?/g) ?? []).some((n) => !question.includes(n));
}

const HAN_START = /^\p{Script=Han}{2}/u;
/** The noun after a quantity: what it counts (up to ten characters). */
const HAN_RUN = /^\p{Script=Han}{1,10}(?![\p{Script=Han}])/u;

/** The stretch of a span's first clause with a quantity, from its first to its last quantity. */
function quantityIn(body: string, span: Span): Span | undefined {
  for (const c of clausesOf(body, span)) {
    const text = body.slice(c.start, c.end);
    const found = [...text.matchAll(QUANTITY)].filter((m) => !/^\d{4}年$|^[一两].$/.test(m[0]));
    if (!found.length) continue;
    const first = found[0]!;
    const last = found[found.length - 1]!;
    let end = last.index + last[0].length;
    // "11个消杀企业、5个防护类企业": when the first quantity names what it counts, so does the last.
    const second = found[1];
    if (second && HAN_START.test(text.slice(first.index + first[0].length, second.index))) {
      end += HAN_RUN.exec(text.slice(end))?.[0].length ?? 0;
    }
    return { start: c.start + first.index, end: c.start + end };
  }
  return undefined;
}

/** The clause of a span that holds the asked-for fact. */
function narrowToFact(body: string, span: Span, wanted: FactTest, questionPairs: Set<string>, normalize: (s: string) => string): Span {
  // The fact sits next to the words the question asks about ("租房补贴每月1000元"): among the
  // clauses that hold a fact of the asked kind, take the one sharing most with the question.
  let best: Span | undefined;
  let bestShared = -1;
  for (const c of clausesOf(body, span)) {
    const text = normalize(body.slice(c.start, c.end));
    if (!wanted(text)) continue;
    const shared = charPairs(text).filter((p) => questionPairs.has(p)).length;
    if (shared > bestShared) {
      bestShared = shared;
      best = c;
    }
  }
  if (!best) return span;
  let end = best.end;
  while (end > best.start && /[，,：:；;。\s]/.test(body[end - 1]!)) end--;
  return { start: best.start, end };
}

// Service hotlines have five digits (12345, 12320); other numbers have an area code.
const PHONE = /\d{5,}|\d{3,4}-\d{6,}/;

/**
 * 1 when the sentence holds the kind of thing the question asks for (a number, a date), else 0.
 * For questions of no kind in `answer-kinds.ts` (a phone number asked is one: 「热线电话是多少」).
 */
export function answerTypeMatch(question: string, sentence: string): number {
  if (/多少|几[个项家天月年条名次]|比例|金额|标准是/.test(question)) return /\d/.test(sentence) ? 1 : 0;
  if (/什么时[候间]|何时|哪天|截止|期限|多久|多长时间/.test(question)) return /\d+个?(工作日|小时|[年月日时天周])|日起|之前|以前/.test(sentence) ? 1 : 0;
  if (/网址|网站|平台|渠道|app/i.test(question)) return /http|www|app|网|平台|公众号|小程序/i.test(sentence) ? 1 : 0;
  return 0;
}

/** Character pairs of normalised text, skipping punctuation and spaces. */
function charPairs(norm: string): string[] {
  const chars = [...norm.replace(/[^\p{Script=Han}\p{L}\p{N}%.]/gu, '')];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Share of a text's character pairs that are in the question (1 for a text without any). */
function givenShare(norm: string, questionPairs: Set<string>): number {
  const pairs = charPairs(norm);
  return pairs.length ? pairs.filter((p) => questionPairs.has(p)).length / pairs.length : 1;
}

/** One normalised character per source character, so that offsets carry over. */
function sameLengthNorm(text: string, normalize: (s: string) => string): string {
  const whole = normalize(text);
  if (whole.length === text.length) return whole;
  return [...text]
    .map((c) => {
      const n = normalize(c);
      return n.length === c.length ? n : c;
    })
    .join('');
}

/** Titles and the clause before "如下：" are short; a clause longer than this says something itself. */
const TITLE_CHARS = 20;

const NUMBERING = /^(第[一二三四五六七八九十百]+[章节条部分]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|[①-⑳])/;

/** The numbering style of a numbered line ("1." and "2." share one, "（一）" another), if any. */
function numberingOf(text: string): string | undefined {
  return NUMBERING.exec(text)?.[0].replace(/[一二三四五六七八九十百\d]+/, '#').replace(/[①-⑳]/, '①');
}

/** Short lines without closing punctuation, or numbered lines such as "二、…", are headings. */
function isHeading(text: string): boolean {
  const t = text.trim();
  if (t.length > 40) return false;
  // A numbered line ending in a full stop is a whole clause (二、…。), not a heading.
  return !/[。！？!?；;]$/.test(t);
}

/**
 * A line that introduces what follows rather than answering: a heading, a short numbered title
 * ("四、实施援企稳岗政策。"), a question ("问：…？"), or a sentence ending in a short "…如下：".
 * "…现就全面实行分级就医公告如下：" says something itself and is not one.
 */
function isLeadIn(text: string): boolean {
  if (isHeading(text) || /[？?]$/.test(text) || isNumberedTitle(text)) return true;
  return /[：:]$/.test(text) && visibleLength(text.split(/[，,；;]/).pop()!) <= TITLE_CHARS;
}

/** A numbered line with a short title and no clauses: "四、实施援企稳岗政策。", "（二）保障装备精良。" */
function isNumberedTitle(text: string): boolean {
  const numbered = NUMBERING.exec(text);
  if (!numbered) return false;
  const rest = text.slice(numbered[0].length);
  return !/[，,]/.test(rest) && visibleLength(rest) <= TITLE_CHARS;
}

/** A numbered section heading ("第三章 申报方式", "三、…", "（二）…") without closing punctuation. */
function isSectionHeading(text: string): boolean {
  return text.length <= 40 && !/[。！？!?；;]$/.test(text) && (NUMBERING.test(text) || /^#+\s/.test(text));
}

function visibleLength(text: string): number {
  return text.replace(/[\s\p{P}]/gu, '').length;
}

function clausesOf(body: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  for (let i = span.start; i < span.end; i++) {
    if ('，,：:；;'.includes(body[i]!) && !isInnerMark(body, i)) {
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < span.end) out.push({ start, end: span.end });
  return out;
}

/** The end offset of the last whole clause within `max` characters from `start`. */
function cutAtClause(body: string, start: number, max: number): number {
  const limit = start + max;
  for (let i = limit; i > start + max / 2; i--) if ('，,；;。'.includes(body[i - 1]!)) return i;
  return limit;
}

/**
 * @module answering/extract
 * Picks the shortest stretch of a document that answers a question: the sentence that best
 * restates the question, minus the clauses that only repeat what was asked. Everything returned
 * is a verbatim span of the source; nothing is generated.
 */
import type { AnalysedQuery } from '../search/query.js';
import type { SentenceEntry, TermStatistics } from '../search/rerank.js';

export interface ExtractedSpan {
  start: number;
  end: number;
  /** How much of the question the chosen sentence restates (0–1). */
  support: number;
  /** The chosen sentence's selection score (support, context, type match), for comparing documents. */
  score: number;
}

export interface ExtractOptions {
  /** Clauses whose own character pairs are at least this much in the question only restate it. */
  givenThreshold: number;
  /** An answer shorter than this (characters) is extended with the following sentence. */
  minAnswerChars: number;
  /** After a heading, the answer runs on until it has at least this many characters. */
  headingAnswerChars: number;
  /** Sentences longer than this many characters have their support discounted… */
  referenceChars: number;
  /** …by (referenceChars / length) to this power. */
  lengthExponent: number;
  /** Factor for question words that also occur in the document's title line. */
  topicDiscount: number;
  /** How strongly a word's spread over the document's sentences lowers its weight. */
  spreadWeight: number;
  /** Weight of the preceding sentence's support (context). */
  contextWeight: number;
  /** Weight of the share of a sentence that is new relative to the question. */
  noveltyWeight: number;
  /** Weight of the match between the question's type (how many, when…) and the sentence. */
  typeWeight: number;
  /** Answers to "which ones / how" questions run on to about this many characters. */
  listAnswerChars: number;
  /** Answer "how many / when / which number" questions with the one clause that states it. */
  narrowFactoids: boolean;
  /** Never return more than this many characters. */
  maxAnswerChars: number;
}

export const DEFAULT_EXTRACT: ExtractOptions = { givenThreshold: 0.6, minAnswerChars: 6, headingAnswerChars: 90, maxAnswerChars: 300, listAnswerChars: 120, narrowFactoids: true, referenceChars: 150, lengthExponent: 0.5, topicDiscount: 0.1, spreadWeight: 1, contextWeight: 0, noveltyWeight: 0, typeWeight: 0.1 };

/** Character pairs of normalised text, skipping punctuation and spaces. */
function charPairs(norm: string): string[] {
  const chars = [...norm.replace(/[^\p{Script=Han}\p{L}\p{N}%.]/gu, '')];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

export function sentenceSupport(
  sentence: SentenceEntry,
  query: AnalysedQuery,
  stats: TermStatistics,
  topic?: string,
  topicDiscount = 1,
  spread?: Map<string, number>,
): number {
  let found = 0;
  let total = 0;
  for (const b of query.bigrams) {
    // Words of the document's title and place names locate the document, not the sentence
    // within it; so do words the document repeats in many sentences.
    const topical = topic?.includes(b) || query.places.some((p) => p.includes(b));
    const idf = (stats.idf(b) * (topical ? topicDiscount : 1)) / (spread?.get(b) ?? 1);
    total += idf;
    if (sentence.norm.includes(b)) found += idf;
  }
  return total ? found / total : 0;
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
): ExtractedSpan | undefined {
  if (!sentences.length) return undefined;
  const questionPairs = new Set(charPairs(query.normalized));
  const topic = sentences.length > 1 ? sentences[0]!.norm : undefined;
  const spread = new Map<string, number>();
  for (const b of query.bigrams) {
    const count = sentences.filter((s) => s.norm.includes(b)).length;
    spread.set(b, 1 + options.spreadWeight * Math.log(1 + count));
  }
  const supports = sentences.map((s) => sentenceSupport(s, query, stats, topic, options.topicDiscount, spread));
  let bestIndex = 0;
  let bestScore = -Infinity;
  sentences.forEach((s, i) => {
    // A document's opening line is usually its title: it names the topic, not the answer.
    if (i === 0 && sentences.length > 1 && s.end - s.start <= 60) return;
    const given = givenShare(s.norm, questionPairs);
    // What the sentence shares with the question, what the line before it shares (a heading
    // or the restated question often comes just before the answer), and how much it adds.
    // Long sentences match many words by chance: their support is discounted by length.
    const length = Math.max(1, s.norm.length);
    const lengthFactor = Math.min(1, Math.pow(options.referenceChars / length, options.lengthExponent));
    const score =
      supports[i]! * lengthFactor +
      options.contextWeight * (supports[i - 1] ?? 0) +
      options.noveltyWeight * (1 - given) +
      options.typeWeight * answerTypeMatch(query.normalized, s.norm);
    if (score > bestScore) {
      bestScore = score;
      bestIndex = i;
    }
  });
  const bestSupport = supports[bestIndex]!;
  const sentence = sentences[bestIndex]!;
  let start = sentence.start;
  const end = sentence.end;
  // Drop leading clauses that only restate the question ("对于因疫情影响暂停举办的展会项目，…").
  for (const clause of clausesOf(body, sentence)) {
    if (givenShare(normalize(body.slice(clause.start, clause.end)), questionPairs) < options.givenThreshold) break;
    start = clause.end;
  }
  let span = { start, end };
  // A sentence that is all question, or a heading such as "（四）明确网上办税缴费事项。",
  // answers with what follows it.
  const headingLike = isHeading(body.slice(sentence.start, sentence.end));
  let next = bestIndex + 1;
  if (headingLike && next < sentences.length) span = { start: sentences[next]!.start, end: sentences[next]!.start };
  while (
    visibleLength(body.slice(span.start, span.end)) < (headingLike ? options.headingAnswerChars : options.minAnswerChars) &&
    next < sentences.length
  ) {
    const following = sentences[next]!;
    // The next heading starts another section: the answer ends before it.
    if (span.end > span.start && isSectionHeading(body.slice(following.start, following.end))) break;
    next++;
    span = { start: span.end > span.start ? span.start : following.start, end: following.end };
  }
  if (span.end <= span.start) span = { start: sentence.start, end: sentence.end };
  // "有哪些措施" / "如何…" ask for several things: a sentence that introduces a list ("…：") or a
  // short one runs on into the sentences that follow, up to a bound.
  if (asksForList(query.normalized)) {
    const introducesList = /[：:]$/.test(body.slice(span.start, span.end).trim());
    while (
      next < sentences.length &&
      (introducesList || span.end - span.start < options.listAnswerChars) &&
      sentences[next]!.end - span.start <= options.listAnswerChars * 2
    ) {
      span = { start: span.start, end: sentences[next++]!.end };
      if (!introducesList) break;
    }
  }
  // "多少 / 几 / 什么时候 / 电话" ask for one fact: narrow to the clause that states it.
  if (options.narrowFactoids) span = narrowToFact(body, span, query.normalized, questionPairs, normalize);
  if (span.end - span.start > options.maxAnswerChars) span.end = cutAtClause(body, span.start, options.maxAnswerChars);
  return { ...span, support: bestSupport, score: bestScore };
}

const FACT_PATTERNS: [RegExp, RegExp][] = [
  [/多少|几[个项家天月年条名次万%]|比例|金额|额度/, /\d/],
  [/什么时[候间]|何时|哪天|几月|几号|哪一天/, /\d+[年月日时]|日起|即日/],
  [/电话|热线|号码/, /\d{5,}|\d{3,4}-\d{6,}/],
];

/** The clause of a span that holds the asked-for fact, if the question asks for one. */
function narrowToFact(
  body: string,
  span: { start: number; end: number },
  question: string,
  questionPairs: Set<string>,
  normalize: (s: string) => string,
): { start: number; end: number } {
  const wanted = FACT_PATTERNS.find(([q]) => q.test(question))?.[1];
  if (!wanted) return span;
  const clauses = clausesOf(body, { start: span.start, end: span.end, norm: '' });
  // The fact sits next to the words the question asks about ("租房补贴每月1000元"): among the
  // clauses that hold a fact of the asked kind, take the one sharing most with the question.
  let best: { start: number; end: number } | undefined;
  let bestShared = -1;
  for (const c of clauses) {
    const text = normalize(body.slice(c.start, c.end));
    if (!wanted.test(text)) continue;
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

function asksForList(question: string): boolean {
  return /哪些|有何|什么措施|哪几|措施|举措|如何|怎样|怎么/.test(question);
}

function givenShare(norm: string, questionPairs: Set<string>): number {
  const pairs = charPairs(norm);
  return pairs.length ? pairs.filter((p) => questionPairs.has(p)).length / pairs.length : 1;
}

/** 1 when the sentence holds the kind of thing the question asks for (a number, a date), else 0. */
export function answerTypeMatch(question: string, sentence: string): number {
  if (/多少|几[个项家天月年条名次]|比例|金额|标准是/.test(question)) return /\d/.test(sentence) ? 1 : 0;
  if (/什么时[候间]|何时|哪天|截止|期限|多久|多长时间/.test(question)) return /\d+[年月日时天]|日起|之前|以前/.test(sentence) ? 1 : 0;
  if (/电话|热线|联系方式/.test(question)) return /\d{3,}-?\d{4,}/.test(sentence) ? 1 : 0;
  if (/网址|网站|平台|渠道|app/i.test(question)) return /http|www|app|网|平台|公众号|小程序/i.test(sentence) ? 1 : 0;
  return 0;
}

/** Short lines without closing punctuation, or numbered lines such as "二、…", are headings. */
function isHeading(text: string): boolean {
  const t = text.trim();
  if (t.length > 40) return false;
  // A numbered line ending in a full stop is a whole clause (二、…。), not a heading.
  return !/[。！？!?；;]$/.test(t);
}

/** A numbered section heading ("第三章 申报方式", "三、…", "（二）…") without closing punctuation. */
function isSectionHeading(text: string): boolean {
  const t = text.trim();
  return (
    t.length <= 40 &&
    !/[。！？!?；;]$/.test(t) &&
    /^(第[一二三四五六七八九十百]+[章节条部分]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|#+\s)/.test(t)
  );
}

function visibleLength(text: string): number {
  return text.replace(/[\s\p{P}]/gu, '').length;
}

function clausesOf(body: string, sentence: SentenceEntry): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = sentence.start;
  for (let i = sentence.start; i < sentence.end; i++) {
    if ('，,：:；;'.includes(body[i]!)) {
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < sentence.end) out.push({ start, end: sentence.end });
  return out;
}

/** The end offset of the last whole clause within `max` characters from `start`. */
function cutAtClause(body: string, start: number, max: number): number {
  const limit = start + max;
  for (let i = limit; i > start + max / 2; i--) if ('，,；;。'.includes(body[i - 1]!)) return i;
  return limit;
}

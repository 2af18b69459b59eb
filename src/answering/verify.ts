/**
 * @module answering/verify
 * Whether the item chosen to answer a question is about what the question is about (issue #10).
 * Ranking always finds a best item; this step asks whether that item covers the question's topic
 * words — the rarer, more specific ones weighing more (社保卡 over 补办, 提取 over 公积金) — and
 * whether a named entity conflicts: another zone, a card or certificate, a degree level, a year. When it fails the question
 * gets an honest "not found" with the closest items as suggestions, not another service's answer.
 */
import type { TextAnalyzer } from '../language/index.js';
import type { SearchIndex } from '../search/search-index.js';
import type { AnalysedQuery } from '../search/query.js';
import { isContextWord, questionFocus } from './question-focus.js';
import { actsConflict, isSibling } from './service-conflicts.js';
import { questionShape } from './slot.js';
import { stripIntentWords } from './intent.js';

/** A word of the question as written and as its synonym group's canonical word. */
export interface TopicWord {
  word: string;
  forms: string[];
  /**
   * Only in clauses telling the asker's circumstances, none asking (see answering/question-focus);
   * `self` when only where the asker introduces themselves (我们公司有个德国工程师, 我是人事).
   */
  context?: 'circumstance' | 'self';
  /** jieba calls it a noun (补贴, 变更登记, 奖励 as vn, 高企 as j): it names a subject, not how one asks (拨打, 处理). */
  noun?: boolean;
}

/**
 * The question's topic words, whole: precise segmentation, so 社保卡 stays one word (search mode
 * would add 社保, which means 社会保险 and is held by every social-insurance item). Only words that
 * can name a topic count — nouns, verbs, abbreviations, idioms — not pronouns, numbers, adverbs or
 * adjectives (自己, 第一次, 不大), nor pieces jieba guessed (签了, 没报) unless the knowledge base
 * or the synonyms know them. `normalized` is the question without its field and question words;
 * `skip` are words that ask without naming a topic; `question`, the question as written, tells
 * which words only describe the asker's circumstances (answering/question-focus).
 */
export function topicWordsOf(
  analyzer: TextAnalyzer,
  normalized: string,
  skip: ReadonlySet<string>,
  known: (word: string) => boolean,
  question?: string,
): TopicWord[] {
  const words = new Map<string, TopicWord>();
  const tokens = new Map<string, string[]>();
  for (const { word: token, tag } of analyzer.segmenter.tagPrecise(normalized)) {
    if (token.length < 2 || !WORD.test(token) || analyzer.stopwords.has(token) || skip.has(token)) continue;
    // 有何, 哪几个: how the question asks (question-words.txt), never what it is about.
    if (asksOnly(analyzer, token)) continue;
    const canonical = analyzer.synonyms.canonical.get(token);
    // One-way synonyms: the words documents write for what people say (马路 → 道路).
    const written = (analyzer.synonyms.expansions.get(token) ?? []).map((w) => analyzer.synonyms.canonical.get(w) ?? w);
    const listed = !!canonical || written.length > 0;
    if (!listed && NOT_TOPIC_TAGS.test(tag)) continue;
    if (!listed && tag === 'x' && !known(token)) continue;
    if (!listed && (tag === 'x' || tag.startsWith('v')) && VERB_PHRASE.test(token)) continue;
    const word = canonical ?? token;
    if (!words.has(word)) {
      words.set(word, { word, forms: [...new Set([word, token, ...written])], ...(NOUN_TAGS.test(tag) ? { noun: true } : {}) });
    }
    tokens.set(word, [...(tokens.get(word) ?? []), token]);
  }
  const found = [...words.values()];
  if (!question) return found;
  // The question as written (its clauses and question words): which words tell circumstances.
  const said = [...tokens.values()].flat();
  const { asking, notAboutAsker: rest } = questionFocus(question, (clause) => said.some((t) => clause.includes(t)));
  const only = (w: TopicWord, clauses: readonly string[]): boolean => tokens.get(w.word)!.every((t) => isContextWord(t, clauses));
  let context = found.filter((w) => only(w, asking));
  // No asking clause names a topic: the question asks about what it said, except where the asker
  // introduced themselves.
  if (context.length === found.length) context = found.filter((w) => only(w, rest));
  for (const w of context) w.context = only(w, rest) ? 'self' : 'circumstance';
  return found;
}

const questionWordSets = new WeakMap<TextAnalyzer, Set<string>>();

/** Whether a token is one of the words people ask with (question-words.txt and a zone's own). */
function asksOnly(analyzer: TextAnalyzer, token: string): boolean {
  let words = questionWordSets.get(analyzer);
  if (!words) questionWordSets.set(analyzer, (words = new Set(analyzer.questionWords)));
  return words.has(token);
}

/** jieba tags of words that do not name a topic: pronouns, numerals, adverbs, adjectives, particles… */
/**
 * A modal and a verb (要交, 想办) or a verb and its result or direction (交到, 办好, 签了, 批下来,
 * 调过来): how the question asks, not what about.
 */
const VERB_PHRASE = /^[要想能得该需会可][\p{Script=Han}]$|^[\p{Script=Han}][到了过着完好]$|^[\p{Script=Han}]{1,2}(下来|出来|上来|起来|下去|过来|回来)$/u;

const NOUN_TAGS = /^(n.*|vn|j)$/;

const NOT_TOPIC_TAGS = /^(r|m|mq|d|a|ad|ag|p|c|u.*|y|e|o|q|f|s|t|z.*)$/;

const WORD = /^[\p{Script=Han}A-Za-z0-9]+$/u;

export interface VerifyPolicy {
  /** Share (0–1) of the topic words' weight the item must hold, anywhere in it. */
  minCoverage: number;
  /**
   * The same for a question of at most `shortQuestionWords` topic words: in 社保卡丢了咋补办 each
   * word carries the question, and holding 补办 but not 社保卡 is another service.
   */
  minShortCoverage: number;
  /**
   * The same for a policy or an article answering a longer question: a document is worded its
   * own way (取得了哪些成绩 for its 成效), and its best sentences are scored by confidence already.
   */
  minDocumentCoverage: number;
  /**
   * Share of that weight a guide's or FAQ's head (its title, tags, questions) must hold: their
   * head names the service, so a topic word only in their text (居住证 as one of the materials of
   * a pension registration) is not what they are about.
   */
  minHeadCoverage: number;
  /**
   * Weight of a topic word no item holds, relative to its IDF, in a question of more than
   * `shortQuestionWords` topic words: in a long, chatty question most such words are chatter
   * (奶茶店, 听人说). In a short one the unknown word is what is asked (公积金怎么提取).
   */
  unknownWordWeight: number;
  /**
   * Weight of a topic word the item lacks when the word only tells the asker's circumstances
   * (我开了个奶茶店，…注销在哪办): a long question's context is not what the item must be about.
   */
  missingContextWeight: number;
  shortQuestionWords: number;
  /**
   * An item that passes and holds at least this share of the topic words' weight answers even
   * when the question restates none of its sentences closely (a long, chatty question). Tuned on
   * guides-qingxi's odd half (0.8 → 0.7, and no separate share of the head beyond
   * `minHeadCoverage`), confirmed on the even half.
   */
  vouchCoverage: number;
  /**
   * Credit, as a share of an exact match, for a topic word the question holds only as heard by the
   * item's sounds (防空 read as the item's 防控: `SearchIndex.heard`), and the same share of
   * confidence: a speech recogniser's homophone is most likely the item's word, not surely.
   */
  soundAlikeCredit: number;
}

export const DEFAULT_VERIFY_POLICY: VerifyPolicy = {
  minCoverage: 0.5,
  minShortCoverage: 0.5,
  minDocumentCoverage: 0.2,
  minHeadCoverage: 0.05,
  unknownWordWeight: 0.3,
  missingContextWeight: 0.25,
  shortQuestionWords: 2,
  vouchCoverage: 0.7,
  soundAlikeCredit: 0.75,
};

export type VerifyFailure = 'topic' | 'head' | 'degree' | 'year' | 'certificate' | 'sibling' | 'act' | 'zone';

export interface Verdict {
  ok: boolean;
  /** Why the item does not answer the question, when it does not. */
  failure?: VerifyFailure;
  /** Weighted share of the topic words the item holds anywhere (1 with no topic words). */
  coverage: number;
  /** Weighted share it holds in its head. */
  headCoverage: number;
  /** Topic words the item holds nowhere. */
  missing: string[];
  /** How many topic words the question has (none: nothing to vouch for). */
  words: number;
}

/** Below any real difference of two shares: what floating-point rounding leaves. */
const ROUNDING = 1e-9;

/** Credit for a missing word of three or more characters, per share of its character pairs the item holds. */
const PART_CREDIT = 0.5;

function pairShare(word: string, text: string): number {
  const chars = [...word];
  if (chars.length < 3) return 0;
  let held = 0;
  for (let i = 0; i + 1 < chars.length; i++) if (text.includes(chars[i]! + chars[i + 1]!)) held++;
  return held / (chars.length - 1);
}

/**
 * Whether `short` (3 or more characters) is written out in `text` as a longer phrase holding its
 * characters in order, at most two others between each: how Chinese shortens a name (社保卡 =
 * 社会保障卡, 工作证 = 工作许可证, 公租房 = 公共租赁住房).
 */
export function abbreviationIn(short: string, text: string): boolean {
  const chars = [...short];
  if (chars.length < 3 || !chars.every((c) => /\p{Script=Han}/u.test(c))) return false;
  const gap = '[\\p{Script=Han}]{0,2}';
  return new RegExp(chars.join(gap), 'u').test(text);
}

/** A card, certificate or licence (社会保障卡, 居住证, 营业执照): an item that never names it is about another. */
const CERTIFICATE = /\p{Script=Han}{2,}(卡|证|证书|证件|执照|护照)$/u;

/**
 * Degree levels by how they are written, longest first (博士后 is not 博士, and the 研究生 of
 * 博士研究生 is the 博士): a question about one is not answered by an item naming only others.
 */
const DEGREES: [string, string][] = [
  ['博士后', '博士后'], ['博士研究生', '博士'], ['硕士研究生', '硕士'], ['博士', '博士'], ['硕士', '硕士'],
  ['研究生', '研究生'], ['本科', '本科'], ['学士', '本科'], ['大专', '专科'], ['专科', '专科'], ['中专', '中专'],
];
/** 研究生 is either 博士 or 硕士. */
const GRADUATE = ['博士', '硕士'];

const YEAR = /(?<!\d)(19|20)\d{2}(?=年)/g;

/**
 * Verifies that `itemId` answers a question whose topic words (content words, field and question
 * words removed, synonyms read as one) are `topicWords`. `query` gives its places and its text.
 */
export function verifyItem(
  index: SearchIndex,
  itemId: string,
  topicWords: TopicWord[],
  query: AnalysedQuery,
  policy: VerifyPolicy = DEFAULT_VERIFY_POLICY,
): Verdict {
  const item = index.getItem(itemId);
  const curated = item?.kind === 'guide' || item?.kind === 'faq';
  const text = index.itemText(itemId);
  // Where the item applies is ranking's place fit to judge (a city's item answers for its
  // province); here a place named in the question is no topic word.
  // Nor is a zone (青溪高新区, 本区): another zone's item fails on its own, below.
  const words = topicWords.filter(
    (w) => !w.forms.some((f) => query.places.some((p) => f.includes(p)) || query.zones.some((z) => z.includes(f) || f.includes(z))),
  );
  // Short questions are held to each of their words only by a guide or FAQ, which names one
  // service; a policy or article is worded its own way throughout.
  const short = curated && words.length <= policy.shortQuestionWords;
  let total = 0;
  let found = 0;
  let inHead = 0;
  const missing: string[] = [];
  const head = index.headOf(itemId);
  // The question as said, also without its field words (their removal may join two words into one).
  const said = `${query.normalized}\n${stripIntentWords(query.normalized)}`;
  for (const { word, forms, context } of words) {
    const known = forms.some((f) => index.stats.has(f));
    // Not in the question as said: read by the item's sounds (防空 as 防控), worth less when held.
    const credit = forms.some((f) => said.includes(f)) ? 1 : policy.soundAlikeCredit;
    let weight = index.termWeight(word) * (known || short ? 1 : policy.unknownWordWeight);
    const places = forms.map((f) => index.holds(itemId, f));
    // 社保卡 for 社会保障卡, 工作证 for 工作许可证: the short form people say, written out in the item.
    const abbreviated = !places.some(Boolean) && forms.some((f) => abbreviationIn(f, text));
    const where = places.includes('head') ? 'head' : (places.find(Boolean) ?? (abbreviated ? 'body' : undefined));
    // A context word naming another service (灵活就业想自己交养老保险，怎么参保) still says what is asked.
    // Who is asking is never what the item must be about.
    if (!where && context === 'self') weight = 0;
    else if (!where && context && !forms.some((f) => index.namesAnItem(f))) weight *= policy.missingContextWeight;
    total += weight;
    if (where) found += weight * credit;
    else {
      missing.push(word);
      // 沥青路 for 沥青混凝土车行道: a long word the item does not hold whole may still be half said.
      found += weight * PART_CREDIT * pairShare(word, text);
    }
    if (where === 'head') inHead += weight * credit;
    // 博士后创新实践基地 against a title 博士后科研工作站（创新实践基地）: most of it is in the head.
    else inHead += weight * PART_CREDIT * pairShare(word, head);
  }
  const coverage = total ? found / total : 1;
  const headCoverage = total ? inHead / total : 1;
  const verdict = (failure?: VerifyFailure): Verdict => ({
    ok: !failure,
    ...(failure ? { failure } : {}),
    coverage,
    headCoverage,
    missing,
    words: words.length,
  });

  if (index.otherZone(itemId, query)) return verdict('zone');
  if (words.some((w) => CERTIFICATE.test(w.word) && missing.includes(w.word))) return verdict('certificate');
  const lacking = words.filter((w) => missing.includes(w.word));
  const named = (w: TopicWord) => (m: string): boolean => !w.context || index.namesAnItem(m);
  const sibling = (w: TopicWord): boolean => w.forms.some((f) => isSibling(f, head, named(w), (t) => index.kindsOf(t)));
  if (curated && lacking.some(sibling)) return verdict('sibling');
  if (curated && item && actsConflict(query.normalized, index.analyzer.normalize(item.title))) return verdict('act');
  if (degreesConflict(degreesIn(query.normalized), degreesIn(text))) return verdict('degree');
  if (conflicts(yearsIn(query.normalized), yearsIn(text))) return verdict('year');
  const least = short ? policy.minShortCoverage : curated ? policy.minCoverage : policy.minDocumentCoverage;
  // A noun no item holds may be misheard (贵定 for 规定): only a thing the knowledge base knows is asked for.
  const namesKnownThing = (w: TopicWord): boolean => !!w.noun && w.forms.some((f) => index.stats.has(f));
  // 通知作了哪些规定 asks for a whole statement, in the document's own words: its 规定 is no thing to hold.
  const open = questionShape(query.normalized)?.scope === 'open';
  if (coverage < least || (!open && onlyCircumstances(words, missing, text, namesKnownThing))) return verdict('topic');
  // Equal weights make shares such as 0.05 exactly, give or take rounding: a share at the bound fails.
  if (curated && headCoverage < policy.minHeadCoverage + ROUNDING) return verdict('head');
  return verdict();
}

/**
 * Whether the item holds only what the question tells of the asker's circumstances and none of
 * what it asks, where that names a thing (a noun: 奖励, 变更登记): 「我们企业在外区认定了高企，
 * 奖励是多少」 is not answered by a text on 高企认定 that never names an award, however much of the
 * question it holds. An asking clause of verbs only (拨打哪个电话, 受到什么处理) says how one asks.
 */
function onlyCircumstances(
  words: readonly TopicWord[],
  missing: readonly string[],
  text: string,
  namesThing: (w: TopicWord) => boolean,
): boolean {
  if (!words.some((w) => w.context)) return false;
  const asked = words.filter((w) => !w.context);
  const lacks = (w: TopicWord): boolean => missing.includes(w.word) && pairShare(w.word, text) < 0.5;
  return asked.some(namesThing) && asked.every(lacks);
}

/** Whether a verdict is sure enough to answer a question that scored low on its sentences. */
export function vouches(verdict: Verdict, policy: VerifyPolicy = DEFAULT_VERIFY_POLICY): boolean {
  return verdict.ok && verdict.words > 0 && verdict.coverage >= policy.vouchCoverage;
}

/** The question names some of a kind and the item names others of that kind, none of the question's. */
function conflicts(asked: string[], named: string[]): boolean {
  return asked.length > 0 && named.length > 0 && !asked.some((a) => named.includes(a));
}

function degreesConflict(asked: string[], named: string[]): boolean {
  const fits = (a: string): boolean =>
    named.includes(a) ||
    (GRADUATE.includes(a) && named.includes('研究生')) ||
    (a === '研究生' && GRADUATE.some((g) => named.includes(g)));
  return asked.length > 0 && named.length > 0 && !asked.some(fits);
}

function degreesIn(text: string): string[] {
  let rest = text;
  const found: string[] = [];
  for (const [written, level] of DEGREES) {
    if (!rest.includes(written)) continue;
    found.push(level);
    rest = rest.split(written).join(' ');
  }
  return [...new Set(found)];
}

function yearsIn(text: string): string[] {
  return [...new Set(text.match(YEAR) ?? [])];
}

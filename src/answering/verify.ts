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

/** A word of the question as written and as its synonym group's canonical word. */
export interface TopicWord {
  word: string;
  forms: string[];
}

/**
 * The question's topic words, whole: precise segmentation, so 社保卡 stays one word (search mode
 * would add 社保, which means 社会保险 and is held by every social-insurance item). Only words that
 * can name a topic count — nouns, verbs, abbreviations, idioms — not pronouns, numbers, adverbs or
 * adjectives (自己, 第一次, 不大), nor pieces jieba guessed (签了, 没报) unless the knowledge base
 * or the synonyms know them. `normalized` is the question without its field and question words;
 * `skip` are words that ask without naming a topic.
 */
export function topicWordsOf(
  analyzer: TextAnalyzer,
  normalized: string,
  skip: ReadonlySet<string>,
  known: (word: string) => boolean,
): TopicWord[] {
  const words = new Map<string, TopicWord>();
  for (const { word: token, tag } of analyzer.segmenter.tagPrecise(normalized)) {
    if (token.length < 2 || !WORD.test(token) || analyzer.stopwords.has(token) || skip.has(token)) continue;
    const canonical = analyzer.synonyms.canonical.get(token);
    if (!canonical && NOT_TOPIC_TAGS.test(tag)) continue;
    if (!canonical && tag === 'x' && !known(token)) continue;
    if (!canonical && (tag === 'x' || tag.startsWith('v')) && VERB_PHRASE.test(token)) continue;
    const word = canonical ?? token;
    if (!words.has(word)) words.set(word, { word, forms: [...new Set([word, token])] });
  }
  return [...words.values()];
}

/** jieba tags of words that do not name a topic: pronouns, numerals, adverbs, adjectives, particles… */
/**
 * A modal and a verb (要交, 想办) or a verb and its result (交到, 办好, 签了): how the question asks,
 * not what about.
 */
const VERB_PHRASE = /^[要想能得该需会可][\p{Script=Han}]$|^[\p{Script=Han}][到了过着完好]$/u;

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
  shortQuestionWords: number;
  /**
   * An item holding at least this share of the topic words' weight, and `vouchHeadCoverage` of
   * it in its head, answers even when the question restates none of its sentences closely.
   */
  vouchCoverage: number;
  vouchHeadCoverage: number;
}

export const DEFAULT_VERIFY_POLICY: VerifyPolicy = {
  minCoverage: 0.5,
  minShortCoverage: 0.5,
  minDocumentCoverage: 0.2,
  minHeadCoverage: 0.05,
  unknownWordWeight: 0.3,
  shortQuestionWords: 2,
  vouchCoverage: 0.8,
  vouchHeadCoverage: 0.5,
};

export type VerifyFailure = 'topic' | 'head' | 'degree' | 'year' | 'certificate' | 'zone';

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

/** Credit for a missing word of three or more characters, per share of its character pairs the item holds. */
const PART_CREDIT = 0.5;

function pairShare(word: string, text: string): number {
  const chars = [...word];
  if (chars.length < 3) return 0;
  let held = 0;
  for (let i = 0; i + 1 < chars.length; i++) if (text.includes(chars[i]! + chars[i + 1]!)) held++;
  return held / (chars.length - 1);
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
  for (const { word, forms } of words) {
    const known = forms.some((f) => index.stats.has(f));
    const weight = index.termWeight(word) * (known || short ? 1 : policy.unknownWordWeight);
    total += weight;
    const places = forms.map((f) => index.holds(itemId, f));
    const where = places.includes('head') ? 'head' : places.find(Boolean);
    if (where) found += weight;
    else {
      missing.push(word);
      // 沥青路 for 沥青混凝土车行道: a long word the item does not hold whole may still be half said.
      found += weight * PART_CREDIT * pairShare(word, text);
    }
    if (where === 'head') inHead += weight;
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
  if (degreesConflict(degreesIn(query.normalized), degreesIn(text))) return verdict('degree');
  if (conflicts(yearsIn(query.normalized), yearsIn(text))) return verdict('year');
  const least = short ? policy.minShortCoverage : curated ? policy.minCoverage : policy.minDocumentCoverage;
  if (coverage < least) return verdict('topic');
  if (curated && headCoverage < policy.minHeadCoverage) return verdict('head');
  return verdict();
}

/** Whether a verdict is sure enough to answer a question that scored low on its sentences. */
export function vouches(verdict: Verdict, policy: VerifyPolicy = DEFAULT_VERIFY_POLICY): boolean {
  return verdict.ok && verdict.words > 0 && verdict.coverage >= policy.vouchCoverage && verdict.headCoverage >= policy.vouchHeadCoverage;
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

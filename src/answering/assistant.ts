/**
 * @module answering/assistant
 * The question-answering engine: keeps a search index in step with the store, understands a
 * question in the context of its session, and composes a cited answer — a guide field, an FAQ,
 * the passage of a document that answers it, a clarifying choice, or an honest "not found".
 */
import { randomUUID } from 'node:crypto';
import { GUIDE_FIELD_LABELS, itemBody, type Guide, type Item } from '../knowledge/index.js';
import { TextAnalyzer, type AnalyzerOptions } from '../language/index.js';
import { redact } from '../language/redact.js';
import { SearchIndex, type ItemHit, type SearchFilters } from '../search/search-index.js';
import type { AnalysedQuery } from '../search/query.js';
import { DenseIndex, denseItemRanking } from '../search/dense-index.js';
import { readChanges } from './store-changes.js';
import { buildFromStore, FULL_REBUILD_SHARE, startIndex } from './index-start.js';
import { EmbeddingsClient, type EmbeddingsConfig } from '../search/dense-client.js';
import type { SessionState, Store } from '../storage/index.js';
import type { Answer } from './answer.js';
import {
  clarifyAnswer,
  faqAnswer,
  guideFieldAnswer,
  guideFieldText,
  guideQuestionAnswer,
  notFoundAnswer,
  passageAnswer,
  type FieldAnswerContext,
} from './compose.js';
import { askedKind, holdsKind, tidyQuestionWords, valuesOf } from './answer-kinds.js';
import { asksWhatARuleSays } from './source-preference.js';
import { answerFromDirectory, DirectoryCatalog, mayAskDirectory } from '../directory/index.js';
import { extractAnswer } from './extract.js';
import { detectFieldIntent, isElliptical, looksLikeFollowUp, parseChoice, stripIntentWords, type FieldIntent } from './intent.js';
import { DEFAULT_POLICY, type AnswerPolicy } from './policy.js';
import { weightedDice } from './similarity.js';
import { topicWordsOf, verifyItem, vouches, type Verdict } from './verify.js';

export interface AssistantOptions {
  /** Service hotline offered when nothing answers the question. */
  hotline?: string;
  /**
   * "Today" for validity checks, `YYYY-MM-DD`: fixed (tests, eval) or asked on every question (a
   * server running for months). Unset: the UTC date.
   */
  today?: string | (() => string);
  analyzer?: AnalyzerOptions;
  /** Optional OpenAI-compatible embeddings endpoint; dense retrieval is off without it. */
  embeddings?: EmbeddingsConfig;
  policy?: Partial<AnswerPolicy>;
  /**
   * The home zone (XIAOXIN_ZONE_NAME, e.g. 星河高新区政务服务中心): a question naming no zone, or
   * "本区"/"区里", is about it when several zones hold the same service. A name that names no
   * zone (高新区政务服务中心) sets none.
   */
  zoneName?: string;
  /** Where the search index is saved and read back at the next start (answering/index-start); unset: built at every start. */
  indexFile?: string;
  /** Notes for the operator (the index read from its file or built, and why). */
  log?: (message: string) => void;
}

export interface Response {
  answer: Answer;
  /** Ranked item ids retrieved, best first (up to 10). */
  retrieved: string[];
  sessionId?: string;
}

export interface AskOptions {
  /** The conversation the question belongs to; its state is read from the store unless `session` is given. */
  sessionId?: string;
  /** The conversation's state as the caller already read it (`{ turns: 0 }` for a new one): saves a read per question. */
  session?: SessionState;
}

export class Assistant {
  private index: SearchIndex;
  private revision: number;
  /** Content hash of every item the index holds: what changed is read against it (answering/store-changes). */
  private hashes: Map<string, string>;
  private refreshing: Promise<boolean> = Promise.resolve(false);
  private readonly policy: AnswerPolicy;
  private dense?: DenseIndex;
  /** The 七找 directory, for questions that ask to find an entry (directory/chat). */
  private readonly directory: DirectoryCatalog;
  /** Analysed FAQ questions by FAQ id; valid for the current index only. */
  private readonly faqCache = new Map<string, { field?: FieldIntent; bigrams: string[] }[]>();

  private constructor(
    private readonly store: Store,
    private readonly analyzer: TextAnalyzer,
    index: SearchIndex,
    revision: number,
    hashes: Map<string, string>,
    private readonly options: AssistantOptions,
  ) {
    this.index = index;
    this.revision = revision;
    this.hashes = hashes;
    this.policy = { ...DEFAULT_POLICY, ...options.policy };
    this.directory = new DirectoryCatalog(store, analyzer);
  }

  /** Builds the search index from every item in the store. */
  static async create(store: Store, options: AssistantOptions = {}): Promise<Assistant> {
    const analyzer = new TextAnalyzer(options.analyzer);
    const revision = await store.revision();
    const { index, hashes } = await startIndex(store, analyzer, options);
    const assistant = new Assistant(store, analyzer, index, revision, hashes, options);
    await assistant.buildDense();
    return assistant;
  }

  /** Embeds every passage when an embeddings endpoint is configured (unchanged texts come from the cache). */
  private async buildDense(): Promise<void> {
    if (!this.options.embeddings) return;
    const embedder = this.dense?.embedder ?? new EmbeddingsClient(this.options.embeddings);
    this.dense = await DenseIndex.build(this.index.passageEntries(), embedder, this.dense?.cache);
  }

  /**
   * Brings the index up to the store when its revision moved: the items changed since are updated
   * in place (a publish is answerable in well under a second at ten thousand items), or, when more
   * than `FULL_REBUILD_SHARE` of them changed, a new index is built beside the one answering.
   * Returns whether the index changed. Refreshes run one after another.
   */
  refresh(): Promise<boolean> {
    const run = this.refreshing.catch(() => false).then(() => this.catchUp());
    this.refreshing = run;
    return run;
  }

  private async catchUp(): Promise<boolean> {
    const revision = await this.store.revision();
    if (revision === this.revision) return false;
    const { changes, hashes } = await readChanges(this.store, this.hashes);
    const count = changes.upserts.length + changes.removals.length;
    if (count > FULL_REBUILD_SHARE * this.index.size) {
      const built = await buildFromStore(this.store, this.analyzer, this.options);
      this.index = built.index;
      this.hashes = built.hashes;
    } else if (count) {
      await this.index.update(changes);
      this.hashes = hashes;
    }
    this.revision = revision;
    if (!count) return false;
    this.faqCache.clear();
    await this.buildDense();
    return true;
  }

  get searchIndex(): SearchIndex {
    return this.index;
  }

  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    return (await this.respond(question, options)).answer;
  }

  async respond(question: string, options: AskOptions = {}): Promise<Response> {
    const session: SessionState = options.session ?? ((options.sessionId && (await this.store.getSession(options.sessionId))) || { turns: 0 });
    const found = await this.fromDirectory(question);
    const dense = !found && this.dense ? denseItemRanking(await this.dense.searchText(question, 50)) : undefined;
    const { answer, retrieved, topic } = found ? { answer: found, retrieved: [], topic: undefined } : this.answer(question, session, dense);
    if (options.sessionId) {
      await this.store.saveSession(options.sessionId, {
        turns: session.turns + 1,
        // Kept a day in the database: personal data is taken out, as in the question log.
        lastQuestion: redact(question),
        ...(topic ? { topicItemId: topic } : session.topicItemId ? { topicItemId: session.topicItemId } : {}),
        ...(answer.choices ? { offeredItemIds: answer.choices.map((c) => c.id) } : {}),
      });
    }
    return { answer, retrieved, ...(options.sessionId ? { sessionId: options.sessionId } : {}) };
  }

  /** The directory's answer when the question asks to find an entry of it; the store is read only then. */
  private async fromDirectory(question: string): Promise<Answer | undefined> {
    if (!mayAskDirectory(question)) return undefined;
    const today = this.todayString();
    // The directory is an extra: when it cannot be read (a database outage), the knowledge base answers.
    const index = await this.directory.current(today).catch(() => undefined);
    return index?.entries.length ? answerFromDirectory(question, index.entries, today) : undefined;
  }

  /** "Today" as the options give it, else the UTC date (as the search filters default). */
  private todayString(): string {
    const today = this.options.today;
    return (typeof today === 'function' ? today() : today) ?? new Date().toISOString().slice(0, 10);
  }

  /** A fresh session id for channels that start conversations. */
  newSessionId(): string {
    return randomUUID();
  }

  private answer(
    question: string,
    session: SessionState,
    dense?: string[],
  ): { answer: Answer; retrieved: string[]; topic?: string } {
    const normalized = this.analyzer.normalize(question).trim();
    const field = detectFieldIntent(normalized);
    const filters: SearchFilters = { today: this.todayString() };

    // A reply to a clarifying question: "第二个", or the title of one of the choices.
    const chosen = this.chosenItem(normalized, session);
    if (chosen) {
      const previous = session.lastQuestion ? this.analyzer.normalize(session.lastQuestion) : normalized;
      const answer = this.answerFromItem(chosen, this.index.analyse(previous), detectFieldIntent(previous), 0.9, []);
      return { answer, retrieved: [chosen.id], topic: chosen.id };
    }

    // A follow-up ("那要多长时间？", "硕士能拿多少") is answered about the conversation's topic.
    const topicItem = session.topicItemId ? this.index.getItem(session.topicItemId) : undefined;
    const topicWords = this.topicWords(normalized);
    // Choices were just offered ("补贴怎么申请" → which one?) and the reply asks a field instead of
    // choosing: offer them again; the choice then answers this question.
    const offered = this.offeredItems(session);
    if (offered.length && field && looksLikeFollowUp(normalized, topicWords)) {
      return { answer: clarifyAnswer(offered, 0.5), retrieved: offered.map((i) => i.id) };
    }
    if (topicItem && this.followsUp(normalized, topicWords, topicItem, filters)) {
      // "那博士呢？" asks the previous question's field again, about what it names.
      const previous = session.lastQuestion ? this.analyzer.normalize(session.lastQuestion) : '';
      const asked = field ?? (isElliptical(normalized) ? detectFieldIntent(previous) : undefined);
      const guide = topicItem.kind === 'guide' ? topicItem : this.linkedGuide(topicItem);
      if (guide && asked) {
        const answer = guideFieldAnswer(guide, asked, 0.9, [], this.fieldContext(normalized));
        return { answer, retrieved: [guide.id], topic: guide.id };
      }
      // The question alone: the item is settled, and its title's words would only pull the
      // extract towards the document's opening lines.
      const query = this.index.analyse(question);
      return { answer: this.answerFromItem(topicItem, query, asked, 0.7, []), retrieved: [topicItem.id], topic: topicItem.id };
    }

    const result = this.index.search(question, filters, 10, dense);
    const hits = result.hits;
    const retrieved = hits.map((h) => h.item.id);
    const suggestions = (skip: number) => hits.slice(skip, skip + 3).map((h) => h.item.title);
    if (!hits.length) return { answer: notFoundAnswer(this.hotline, []), retrieved };

    const notFound = () => ({ answer: notFoundAnswer(this.hotline, hits.slice(0, 3).map((h) => h.item.title)), retrieved });
    // Another zone's items than the one the question is about (named, or here) answer nothing:
    // not as the FAQ written for it, the guide stating a field, a choice offered or a policy.
    const candidates = hits.filter((h) => !this.index.otherZone(h.item.id, result.query));
    // The question read as the top item's words (homophones settled) names the topic to verify.
    const refined = this.index.refine(result.query, hits[0]!.item.id);
    // And as heard by the top item's sounds (防空 → its 防控): such words count for less (verify).
    const heard = this.index.heard(refined, hits[0]!.item.id);
    const verifiedWords = topicWordsOf(
      this.analyzer,
      stripIntentWords(heard.normalized),
      GENERIC_WORDS,
      (w) => this.index.stats.has(w),
      heard.normalized,
    );
    // The same items are checked at several steps (the gate, the answering item, a stating policy).
    const verdicts = new Map<string, Verdict>();
    const verify = (item: Item): Verdict => {
      let verdict = verdicts.get(item.id);
      if (!verdict) verdicts.set(item.id, (verdict = verifyItem(this.index, item.id, verifiedWords, refined, this.policy.verify)));
      return verdict;
    };

    // A curated FAQ whose question is close to this one wins: staff wrote it for exactly this.
    const faq = this.bestFaq(candidates, result.query, field);
    if (faq && faq.similarity >= this.policy.faqSimilarity) {
      if (!verify(faq.item).ok) return notFound();
      const answer = faqAnswer(faq.item, Math.min(1, faq.similarity + 0.2), suggestions(1));
      return { answer, retrieved, topic: faq.item.id };
    }

    const top = hits[0]!;
    // "火星上的邮局几点开门": the opening hours match, but what the question is about appears nowhere
    // in the knowledge base, so the hours found are not its answer. Confidence reads the question
    // against the top item's own words (a misheard 间设 is its 建设); extraction keeps the question
    // as corrected for the whole knowledge base, which measured better on `--noise asr`.
    const scored = this.knowsAnyOf(topicWords) ? this.confidence(top, refined, heard, field, topicWords) : 0;
    // A long, chatty question restates little of any sentence, so it scores low; an item whose
    // title and text hold all it is about answers it all the same, with the least confidence
    // that answers.
    const vouched = scored < this.policy.notFoundBelow && vouches(verify(top.item), this.policy.verify);
    const confidence = vouched ? this.policy.notFoundBelow : scored;
    if (confidence < this.policy.notFoundBelow) return notFound();

    const ambiguous = this.ambiguousCandidates(candidates, topicWords);
    if (ambiguous) return { answer: clarifyAnswer(ambiguous, confidence), retrieved };

    const guide = field && candidates.length ? this.fieldGuide(candidates, field) : undefined;
    // A news report came first, the policy it retells close behind: the policy answers what it rules.
    const ruling = guide ? undefined : this.rulingPolicy(candidates, result.query, normalized, field, verify);
    const answerItem = guide ?? ruling?.item ?? top.item;
    // Before answering: is the item about what was asked (社保卡 is not 营业执照)?
    if (!verify(answerItem).ok) return notFound();
    const answer = guide && field
      ? guideFieldAnswer(guide, field, confidence, suggestions(1), this.fieldContext(normalized))
      : this.answerFromItem(answerItem, ruling?.query ?? result.query, field, confidence, suggestions(1));
    // The guide lacks the field asked for (and its notes do not state it), or the top FAQ answers
    // another question: an FAQ asking for the same field, somewhat less close than one that wins
    // outright, answers better than 「未写明」 or than that other question's answer.
    const answersOther = !guide && !!field && this.asksOtherField(top.item, field);
    if ((answer.missingField || answersOther) && faq && faq.similarity >= this.policy.missingFieldFaqSimilarity) {
      return { answer: faqAnswer(faq.item, Math.min(1, faq.similarity + 0.2), suggestions(1)), retrieved, topic: faq.item.id };
    }
    // The guide does not say (「签了技术转让合同，卖方能拿多少奖励」: the registration guide names no
    // award); the policy that sets the award does, in a sentence holding a value of the kind asked.
    if (answer.missingField) {
      const stated = this.documentStating(candidates, answerItem, result.query, normalized, verify, confidence);
      if (stated) return { answer: stated.answer, retrieved, topic: stated.id };
    }
    return { answer, retrieved, topic: answerItem.id };
  }

  /**
   * For a question about what a policy rules (its application window, its term, its amounts) and
   * asking a kind of value (a date, an amount), when the top item is a news article whose passage
   * holds such a value: a policy scoring at least `ruleOverReportRatio` of it, about the question
   * too, whose passage states another value of that kind (answering/source-preference). When the
   * article alone states a value (a policy interpretation quoting the amounts), or both state the
   * same, the article answers as ranked. The policy's passage is sought with the field's label
   * too: people say 啥时候报, the policy prints 申报时间.
   */
  private rulingPolicy(
    hits: ItemHit[],
    query: AnalysedQuery,
    normalized: string,
    field: FieldIntent | undefined,
    verify: (item: Item) => Verdict,
  ): { item: Item; query: AnalysedQuery } | undefined {
    const top = hits[0];
    if (top?.item.kind !== 'article' || !asksWhatARuleSays(normalized, field)) return undefined;
    const kind = askedKind(tidyQuestionWords(normalized));
    if (!kind) return undefined;
    const values = (item: Item, q: AnalysedQuery): string[] => {
      const text = this.analyzer.normalize(this.answerFromItem(item, q, undefined, 0, []).text);
      return valuesOf(kind, text).map((v) => text.slice(v.start, v.end));
    };
    const reported = values(top.item, query);
    if (!reported.length) return undefined;
    const least = top.score * this.policy.ruleOverReportRatio;
    const labelled = field ? this.index.analyse(`${normalized} ${GUIDE_FIELD_LABELS[field]}`) : query;
    for (const hit of hits) {
      if (hit.score < least) break;
      if (hit.item.kind !== 'policy' || !verify(hit.item).ok) continue;
      const ruled = values(hit.item, labelled);
      // The report states what the policy states: either answers, and the ranking stands.
      if (ruled.length && ruled.some((v) => !reported.some((r) => r.includes(v) || v.includes(r)))) {
        return { item: hit.item, query: labelled };
      }
    }
    return undefined;
  }

  /**
   * A policy or article among the close candidates (scoring `missingFieldDocumentRatio` of the
   * best) that is about the question and whose extracted passage holds a value of the kind the
   * question asks (an amount, a date, a length of time…).
   */
  private documentStating(
    hits: ItemHit[],
    skip: Item,
    query: AnalysedQuery,
    normalized: string,
    verify: (item: Item) => Verdict,
    confidence: number,
  ): { answer: Answer; id: string } | undefined {
    const kind = askedKind(normalized);
    if (!kind || !hits.length) return undefined;
    const least = hits[0]!.score * this.policy.missingFieldDocumentRatio;
    for (const hit of hits) {
      if (hit.score < least) break;
      if (hit.item === skip || (hit.item.kind !== 'policy' && hit.item.kind !== 'article') || !verify(hit.item).ok) continue;
      const answer = this.answerFromItem(hit.item, query, undefined, confidence, []);
      const text = this.analyzer.normalize(answer.text);
      // An award is often a rate (成交额的3%): a share answers "多少钱" too.
      if (holdsKind(kind, text) || (kind === 'money' && /\d%|百分之/.test(text))) return { answer, id: hit.item.id };
    }
    return undefined;
  }

  private answerFromItem(
    item: Item,
    query: AnalysedQuery,
    field: FieldIntent | undefined,
    confidence: number,
    suggestions: string[],
  ): Answer {
    switch (item.kind) {
      case 'guide':
        return field
          ? guideFieldAnswer(item, field, confidence, suggestions, this.fieldContext(query.normalized))
          : guideQuestionAnswer(item, confidence, suggestions, this.fieldContext(query.normalized));
      case 'faq':
        return faqAnswer(item, confidence, suggestions);
      case 'policy':
      case 'article': {
        const body = itemBody(item);
        const span = extractAnswer(body, this.index.sentencesOf(item.id), query, this.index.stats, (t) =>
          this.analyzer.normalize(t), undefined, this.analyzer.synonyms,
        );
        const text = span ? body.slice(span.start, span.end).trim() : body.slice(0, 200);
        return passageAnswer(item, text, confidence, suggestions);
      }
    }
  }

  /**
   * 0–1: how much of the question the best item covers, by words and by its best sentences. The
   * whole question counts here, its places too (ranking judged the topic and the place apart);
   * for a field question about a guide, its topic without the field words counts as well.
   */
  private confidence(
    hit: ItemHit,
    query: AnalysedQuery,
    heard: AnalysedQuery,
    field: FieldIntent | undefined,
    topicWords: string[],
  ): number {
    const said = this.coverageScore(hit, query);
    // A misheard word read as the item's (防空 as its 防控) counts, less than one said.
    const credit = this.policy.verify.soundAlikeCredit;
    const whole = heard === query ? said : Math.max(said, said + credit * (this.coverageScore(hit, heard) - said));
    // "一次性创业补贴周六能办吗": a guide answers a field question with one of its sections, so the
    // words asking for the field (周六能办吗, 要跑几趟) need not appear in it; the topic words must.
    if (!field || hit.item.kind !== 'guide' || !topicWords.length) return whole;
    const topic = this.index.refine(this.index.analyse(topicWords.join(' ')), hit.item.id);
    return Math.max(whole, this.coverageScore(hit, topic));
  }

  private coverageScore(hit: ItemHit, query: AnalysedQuery): number {
    const match = this.index.match(hit.item.id, query, { bySound: true });
    const window = Math.max(match.window.share, this.index.headShare(hit.item.id, query));
    const coverage = match.coverage;
    return Math.max(0, Math.min(1, 0.6 * coverage + 0.4 * window));
  }

  /**
   * Whether the knowledge base holds at least one of the question's topic words (true when it has
   * none). Only when every one is unknown is the question surely about something else: a single
   * unknown word may just be segmented differently in the documents (停检 for 停止检查).
   */
  private knowsAnyOf(topicWords: string[]): boolean {
    const words = topicWords.filter((w) => HAN_WORD.test(w));
    return !words.length || words.some((w) => this.index.stats.anywhere(w));
  }

  /** An FAQ's questions as analysed, once per index (this runs for every question asked). */
  private faqQuestions(faq: Extract<Item, { kind: 'faq' }>): { field?: FieldIntent; bigrams: string[] }[] {
    let analysed = this.faqCache.get(faq.id);
    if (!analysed) {
      analysed = [faq.title, ...faq.similarQuestions].map((q) => ({
        field: detectFieldIntent(this.analyzer.normalize(q)),
        bigrams: this.index.analyse(q).bigrams,
      }));
      this.faqCache.set(faq.id, analysed);
    }
    return analysed;
  }

  private bestFaq(
    hits: ItemHit[],
    query: AnalysedQuery,
    field: FieldIntent | undefined,
  ): { item: Extract<Item, { kind: 'faq' }>; similarity: number } | undefined {
    let best: { item: Extract<Item, { kind: 'faq' }>; similarity: number } | undefined;
    for (const hit of hits) {
      if (hit.item.kind !== 'faq') continue;
      for (const q of this.faqQuestions(hit.item)) {
        // "…需要什么条件" and "…需要什么材料" differ in one word and mean different things.
        if (field && q.field !== field) continue;
        const similarity = weightedDice(query.bigrams, q.bigrams, (t) => this.index.termWeight(t));
        if (!best || similarity > best.similarity) best = { item: hit.item, similarity };
      }
    }
    return best;
  }

  /**
   * A question about one field of a service (要带什么材料, 在哪里办) is answered from a guide that
   * states that field: the guide the best FAQ links to, or else one scoring at least
   * `fieldGuideRatio` of the best. An FAQ or a policy on the same subject that ranks a little
   * higher answers another question (its conditions, its terms); the guide has what was asked.
   * When the top FAQ asks about another field altogether ("办完拿到什么" → an FAQ on whether a
   * licence is needed), a close guide that lacks the field still answers: its 「未写明」 and phone
   * are honest, the FAQ's answer to another question is not.
   */
  private fieldGuide(hits: ItemHit[], field: FieldIntent): Guide | undefined {
    const top = hits[0];
    if (!top || top.item.kind === 'guide') return undefined;
    const states = (item: Item | undefined): item is Guide => item?.kind === 'guide' && !!guideFieldText(item, field);
    // Staff linked the FAQ to the guide of its service: that guide is the one meant.
    const linked = this.linkedGuide(top.item);
    if (linked) return states(linked) || this.asksOtherField(top.item, field) ? linked : undefined;
    const least = top.score * this.policy.fieldGuideRatio;
    const close = hits.filter((h) => h.score >= least).map((h) => h.item);
    const stating = close.find(states);
    if (stating || !this.asksOtherField(top.item, field)) return stating;
    return close.find((item): item is Guide => item.kind === 'guide');
  }

  /** Whether an FAQ's questions all ask about some field other than `field`, or none at all. */
  private asksOtherField(item: Item, field: FieldIntent): boolean {
    return item.kind === 'faq' && this.faqQuestions(item).every((q) => q.field !== field);
  }

  /**
   * Several guides or FAQs fit a short question about equally well ("补贴怎么申请？"): offer them
   * rather than guess. Long, specific questions are never ambiguous in this sense.
   */
  private ambiguousCandidates(hits: ItemHit[], topicWords: string[]): Item[] | undefined {
    if (topicWords.length > this.policy.clarifyMaxTopicWords || hits.length < 2) return undefined;
    const top = hits[0]!;
    const close = hits.filter(
      (h) => h.item.kind !== 'article' && h.score >= top.score * this.policy.clarifyScoreRatio,
    );
    if (close.length < 2 || top.item.kind === 'article') return undefined;
    return close.slice(0, 3).map((h) => h.item);
  }

  /** The service guide an FAQ or policy links to, for field follow-ups ("在哪里办"). */
  private linkedGuide(item: Item): Guide | undefined {
    if (item.kind !== 'faq') return undefined;
    for (const id of item.links) {
      const linked = this.index.getItem(id);
      if (linked?.kind === 'guide') return linked;
    }
    return undefined;
  }

  /**
   * Whether a question continues the conversation about its topic item: it reads like a follow-up,
   * or every word naming its topic is one the topic item holds — unless the item the question
   * finds first names one of those words in its title and the topic item does not (after 个体户注销,
   * "营业执照怎么补办" is about the licence, though the 注销 guide mentions it).
   */
  private followsUp(normalized: string, topicWords: string[], topicItem: Item, filters: SearchFilters): boolean {
    if (looksLikeFollowUp(normalized, topicWords)) return true;
    // The words that name a topic, as verification reads them: no numbers, pronouns or modal + verb.
    const named = topicWordsOf(this.analyzer, stripIntentWords(normalized), GENERIC_WORDS, (w) => this.index.stats.has(w));
    const held = (w: string) => named.some((t) => t.word === w && t.forms.some((f) => this.index.holds(topicItem.id, f)));
    if (!looksLikeFollowUp(normalized, named.map((t) => t.word), held)) return false;
    if (!named.length) return true;
    const top = this.index.search(normalized, filters, 1).hits[0]?.item;
    if (!top || top.id === topicItem.id) return true;
    return !named.some((t) => this.index.holds(top.id, t.word) === 'head' && this.index.holds(topicItem.id, t.word) !== 'head');
  }

  private offeredItems(session: SessionState): Item[] {
    return (session.offeredItemIds ?? []).map((id) => this.index.getItem(id)).filter((i): i is Item => !!i);
  }

  private chosenItem(normalized: string, session: SessionState): Item | undefined {
    const offered = this.offeredItems(session);
    if (!offered.length) return undefined;
    const n = parseChoice(normalized);
    if (n && n <= offered.length) return offered[n - 1];
    return offered.find((item) => this.analyzer.normalize(item.title) === normalized);
  }

  /** The words of a question that could name a topic, once field words and filler are gone. */
  private topicWords(normalized: string): string[] {
    return this.analyzer
      .analyze(stripIntentWords(normalized), { normalized: true })
      .words.filter((w) => w.length >= 2 && !GENERIC_WORDS.has(w));
  }

  /** The question's words (to pick a notes sentence) and the hotline, for a guide-field answer. */
  private fieldContext(normalized: string): FieldAnswerContext {
    const questionWords = this.analyzer.analyze(normalized, { normalized: true }).words;
    // A pair no item uses weighs less: such pairs are mostly chatter, and no sentence holds them.
    const pairWeight = (pair: string) => this.index.termWeight(pair) * (this.index.stats.has(pair) ? 1 : UNKNOWN_PAIR_WEIGHT);
    return { questionWords, hotline: this.hotline, normalized, pairWeight };
  }

  private get hotline(): string {
    return this.options.hotline ?? '12345';
  }
}

const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/** Weight of a question's character pair no item uses, as a share of its IDF (field-notes.ts). */
const UNKNOWN_PAIR_WEIGHT = 0.3;

/** Verbs and fillers that ask about a topic without naming one. */
export const GENERIC_WORDS = new Set([
  '办理', '申请', '需要', '可以', '什么', '怎么', '多少', '如何', '哪些', '一下', '问题', '时候', '要求', '情况',
  '能办', '办吗', '可办', '能不能', '办事', '办得', '能否', '准备', '我要', '我想', '想要', '得要', '听说', '不要', '不想',
]);


/**
 * @module search/search-index
 * The in-memory lexical index over a knowledge base: one MiniSearch index of whole items and one
 * of passages, both over analysed terms (words, character bigrams, pinyin bigrams). Built from the
 * store on start-up and rebuilt when the store's revision changes. See docs/SEARCH.md for the
 * ranking formula and its knobs.
 */
import type MiniSearch from 'minisearch';
import { isCurrent, type Item, type ItemKind, type Audience } from '../knowledge/index.js';
import type { TextAnalyzer } from '../language/index.js';
import { createAnalysedIndex, type AnalysedDoc } from './minisearch-fields.js';
import { searchOr } from './or-scorer.js';
import { holdsTerm } from './postings.js';
import { BulkAdder } from './bulk-add.js';
import { addDocuments, packLoose, removeDocument } from './packed-index.js';
import type { SearchIndexState } from './index-state.js';
import { miniSearchState, restoreMiniSearch } from './minisearch-state.js';
import type { Passage } from './passages.js';
import { analyseItem, itemText, outlineItem, termsOfItem, type ItemAnalysis, type ItemOutline, type ItemTerms } from './item-analysis.js';
import { wordFinder } from './word-finder.js';
import { WordList } from './word-list.js';
import { analyseQuery, type AnalysedQuery, type QueryTerms } from './query.js';
import { DEFAULT_RANKING, type RankingWeights } from './ranking.js';
import { reciprocalRankFusion } from './fusion.js';
import { countPairs, heardAs, HomophoneCorrector, soundOf } from './homophones.js';
import { bestWindow, TermStatistics, type SentenceEntry, type WindowMatch } from './rerank.js';
import { withinBudget } from './term-budget.js';
import { quotedNames, quotedShare } from './quoted-names.js';
import { ZoneScopes, type ItemScope, type ItemZoneText, type QuestionScope } from './zone-scope.js';
import { zoneSpans } from '../language/zones.js';

export interface SearchFilters {
  kinds?: ItemKind[];
  category?: string;
  audience?: Audience;
  /** Expired policies are left out unless this is set. */
  includeExpired?: boolean;
  /** `YYYY-MM-DD`; defaults to today. */
  today?: string;
}

export interface PassageHit {
  passage: Passage;
  score: number;
}

export interface ItemHit {
  item: Item;
  score: number;
  /** Share of the query's weight this item matched (0–1), for confidence. */
  matchedShare: number;
  /** The item's passages the question matched, best first (filled for the hits `search` returns). */
  passages: PassageHit[];
  /** Query terms that matched, for hit testing ("which words counted"). */
  matchedTerms: string[];
  /** The sentences of the item that best restate the question (set for re-ranked hits). */
  window?: WindowMatch;
  /** Share of the question's word weight found anywhere in the item (set for re-ranked hits). */
  coverage?: number;
}

export interface IndexOptions {
  /** The home zone's name (XIAOXIN_ZONE_NAME): preferred for questions naming no zone. */
  homeZone?: string;
}

export interface SearchResult {
  query: AnalysedQuery;
  hits: ItemHit[];
}

const PASSAGE_FIELDS = ['hw', 'hb', 'w', 'b', 'p'];
/** Longest stretch of index building between two yields to the event loop. */
const BUILD_SLICE_MS = 20;
/**
 * Longest stretch of an update's changes applied in one go: between two such steps the index
 * answers as if the items changed so far were all that changed (see `update`).
 */
const UPDATE_STEP_MS = 15;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const ITEM_FIELDS = ['hw', 'hb', 'w', 'b'];

/** The passages a question matched, in the order the first stage met them, and their scores. */
interface PassageMatches {
  passages: Passage[];
  scores: number[];
}

interface FirstStage {
  hits: ItemHit[];
  passages: PassageMatches;
}

/**
 * Lists each hit's matched passages, best first; equal scores in the order they were met, as a
 * stable sort of all the matches by score would list them.
 */
function listPassages(hits: readonly ItemHit[], matches: PassageMatches): void {
  const byItem = new Map(hits.map((hit) => [hit.item.id, hit]));
  for (let i = 0; i < matches.passages.length; i++) {
    const passage = matches.passages[i]!;
    byItem.get(passage.itemId)?.passages.push({ passage, score: matches.scores[i]! });
  }
  for (const hit of hits) hit.passages.sort((a, b) => b.score - a.score);
}

/** Items to add or replace (by id) and ids to take out: one change of the knowledge base. */
export interface IndexChanges {
  upserts: readonly Item[];
  removals: readonly string[];
}

export interface UpdateReport {
  /** Items taken out, added or replaced, those whose analysis a new dictionary word changed included. */
  changed: number;
  /** Longest time the update held the event loop in one go (ms). */
  longestStepMs: number;
}

/**
 * Best first; items scoring exactly alike (reposted copies of one notice) in id order, as a build
 * from the store adds them: not in the order an updated index happened to take them in.
 */
const byScoreThenId = (a: ItemHit, b: ItemHit): number => b.score - a.score || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0);

/** Dictionary terms of the knowledge base: titles and departments segment whole everywhere. */
const dictionaryTerms = (items: readonly Item[]): string[] =>
  items.flatMap((i) => [i.title, ...(i.kind === 'guide' && i.department ? [i.department] : [])]);

export class SearchIndex {
  private readonly items = new Map<string, Item>();
  private readonly passages = new Map<string, Passage>();
  private readonly sentences = new Map<string, SentenceEntry[]>();
  private readonly wordSets = new Map<string, WordList>();
  private readonly wordSounds = new Map<string, Set<string>>();
  private readonly heads = new Map<string, string>();
  private readonly headWords = new Map<string, WordList>();
  private allHeads?: { words: Set<string>; text: string };
  private readonly tailKinds = new Map<string, number>();
  /** Place names in each item's title line: where it applies (none: everywhere, e.g. a national policy). */
  private readonly titlePlaces = new Map<string, string[]>();
  /** How many items' titles name each place, for `homePlaces`. */
  private readonly titlePlaceCounts = new Map<string, number>();
  /** Places in the titles of a large share of the items: the zone's own, not a narrower scope. */
  private homePlaces = new Set<string>();
  /** The zones each item names itself; which zone it belongs to is read over all items (`readZones`). */
  private readonly zonesNamed = new Map<string, string[]>();
  /** Each item's zone, read once the whole knowledge base is in (an FAQ takes its guide's). */
  private zoneScopes: ZoneScopes;
  /** Items whose terms the word statistics hold as another zone's (see `countItem`). */
  private readonly outside = new Set<string>();
  readonly stats = new TermStatistics();
  /** Document frequencies of pinyin pairs, for the first stage's budget. */
  private readonly soundStats = new TermStatistics();
  private readonly homophones: HomophoneCorrector;
  private readonly itemIndex: MiniSearch<AnalysedDoc>;
  private readonly passageIndex: MiniSearch<AnalysedDoc>;

  private constructor(
    readonly analyzer: TextAnalyzer,
    readonly weights: RankingWeights,
    private readonly homeZone: string | undefined,
    /** A saved state whose Maps the index takes over as they are (copies would be garbage at start-up). */
    saved?: SearchIndexState,
  ) {
    if (saved) {
      this.items = saved.items;
      this.heads = saved.heads;
      this.titlePlaces = saved.titlePlaces;
      this.sentences = saved.sentences;
      this.zonesNamed = saved.zonesNamed;
      this.passages = saved.passages;
      this.outside = saved.outside;
    }
    this.itemIndex = createAnalysedIndex(ITEM_FIELDS);
    this.passageIndex = createAnalysedIndex(PASSAGE_FIELDS);
    this.homophones = new HomophoneCorrector((text) => analyzer.segmenter.cutKnownWords(text));
    this.zoneScopes = new ZoneScopes([], undefined, weights);
  }

  /**
   * Builds the index in slices of a few milliseconds, yielding to the event loop between them:
   * a server rebuilding after an import keeps answering with its previous index meanwhile.
   */
  static async build(
    items: Item[],
    analyzer: TextAnalyzer,
    weights: RankingWeights = DEFAULT_RANKING,
    options: IndexOptions = {},
  ): Promise<SearchIndex> {
    // Titles and departments become dictionary words first, so they segment whole everywhere.
    analyzer.addTerms(dictionaryTerms(items));
    const index = new SearchIndex(analyzer, weights, options.homeZone);
    let sliceStart = performance.now();
    const pause = async (): Promise<void> => {
      if (performance.now() - sliceStart <= BUILD_SLICE_MS) return;
      await yieldToEventLoop();
      sliceStart = performance.now();
    };
    // Zones are read over every item's outline before any item's terms are counted (see `countItem`)…
    const outlines: ItemOutline[] = [];
    for (const item of items) {
      const outline = outlineItem(analyzer, item);
      index.keepOutline(outline);
      outlines.push(outline);
      await pause();
    }
    index.readZones();
    // …then each item's terms are made, counted and indexed at once, and dropped.
    const itemAdder = new BulkAdder(index.itemIndex);
    const passageAdder = new BulkAdder(index.passageIndex);
    for (const outline of outlines) {
      const terms = termsOfItem(analyzer, outline);
      index.keepTerms(outline.item.id, terms);
      index.countItem(outline.item.id, terms.terms);
      itemAdder.add(terms.itemDoc);
      for (const doc of terms.passageDocs) passageAdder.add(doc);
      await pause();
    }
    itemAdder.finish();
    passageAdder.finish();
    index.homophones.trust(analyzer.questionWords);
    index.homophones.seal();
    index.findHomePlaces();
    return index;
  }

  /**
   * Everything the index holds, for saving (search/index-file): its own Maps, not copies, so it is
   * to be serialised before the index changes again (the caller serialises updates and saving).
   */
  state(): SearchIndexState {
    const texts = (lists: Map<string, WordList>) => new Map([...lists].map(([id, list]): [string, string] => [id, list.text]));
    return {
      items: this.items,
      heads: this.heads,
      titlePlaces: this.titlePlaces,
      sentences: this.sentences,
      zonesNamed: this.zonesNamed,
      passages: this.passages,
      words: texts(this.wordSets),
      headWords: texts(this.headWords),
      outside: this.outside,
      stats: this.stats.counted(),
      soundStats: this.soundStats.counted(),
      homophones: this.homophones.counted(),
      itemIndex: miniSearchState(this.itemIndex),
      passageIndex: miniSearchState(this.passageIndex),
    };
  }

  /**
   * The index a saved state was taken of, without analysing an item: answers as that index did,
   * given an analyzer with the same lexicon (search/index-file checks it). The state is taken over.
   */
  static restore(
    state: SearchIndexState,
    analyzer: TextAnalyzer,
    weights: RankingWeights = DEFAULT_RANKING,
    options: IndexOptions = {},
  ): SearchIndex {
    analyzer.addTerms(dictionaryTerms([...state.items.values()]));
    const index = new SearchIndex(analyzer, weights, options.homeZone, state);
    for (const [id, text] of state.words) index.wordSets.set(id, WordList.fromText(text));
    for (const [id, text] of state.headWords) index.headWords.set(id, WordList.fromText(text));
    for (const places of state.titlePlaces.values()) index.countTitlePlaces(places, 1);
    index.stats.restore(state.stats);
    index.soundStats.restore(state.soundStats);
    restoreMiniSearch(index.itemIndex, state.itemIndex);
    restoreMiniSearch(index.passageIndex, state.passageIndex);
    index.homophones.restore(state.homophones);
    index.homophones.seal();
    index.readZones();
    index.findHomePlaces();
    return index;
  }

  /**
   * Takes items out, adds and replaces them in place, so that the index then answers as one
   * built afresh over the same items would (docs/SEARCH.md, "Keeping the index current").
   * The items are analysed first, in slices, touching nothing the answers read; then the changes
   * are applied a few items at a time, each step followed by what depends on every item (zones,
   * which items the statistics count, home places, the homophone pairs), so between two turns of
   * the event loop the index is always whole: a question is never answered from a half-changed
   * one. Items whose text holds a new title (now a dictionary word) are analysed again, as a
   * fresh build would segment them. One update at a time (the caller serialises them).
   */
  async update(changes: IndexChanges): Promise<UpdateReport> {
    let longestStepMs = 0;
    let sliceStart = performance.now();
    const pause = async (force = false): Promise<void> => {
      const spent = performance.now() - sliceStart;
      if (!force && spent <= BUILD_SLICE_MS) return;
      longestStepMs = Math.max(longestStepMs, spent);
      await yieldToEventLoop();
      sliceStart = performance.now();
    };
    const upserts = new Map(changes.upserts.map((item) => [item.id, item]));
    const newWords = this.analyzer.newTerms(dictionaryTerms([...upserts.values()]));
    // Items a new dictionary word may segment otherwise: taken out and added again.
    const resegmented: Item[] = [];
    if (newWords.length) {
      const naming = wordFinder(newWords);
      for (const [id, item] of this.items) {
        if (upserts.has(id) || changes.removals.includes(id)) continue;
        if (naming(this.heads.get(id) ?? '') || this.sentencesOf(id).some((s) => naming(s.norm))) resegmented.push(item);
        await pause();
      }
    }
    // What each changed item was indexed as, made again before the dictionary moves.
    const steps: { id: string; old?: ItemAnalysis; next?: ItemAnalysis }[] = [];
    for (const id of new Set([...changes.removals, ...upserts.keys(), ...resegmented.map((i) => i.id)])) {
      const present = this.items.get(id);
      steps.push({ id, ...(present ? { old: analyseItem(this.analyzer, present) } : {}) });
      await pause();
    }
    this.analyzer.addTerms(newWords);
    const incoming = new Map([...resegmented.map((i): [string, Item] => [i.id, i]), ...upserts]);
    for (const step of steps) {
      const item = incoming.get(step.id);
      if (item) step.next = analyseItem(this.analyzer, item);
      await pause();
    }
    await pause(true);
    // Applied in steps of a few items; each step leaves the index whole.
    let at = 0;
    while (at < steps.length) {
      const added: ItemAnalysis[] = [];
      const gone: string[] = [];
      let zonesNamed = false;
      const stepStart = performance.now();
      do {
        const { id, old, next } = steps[at++]!;
        if (old) this.takeOut(id, old);
        if (next) this.putIn(next);
        if (next) added.push(next);
        else if (old) gone.push(id);
        zonesNamed ||= !!old?.zones.length || !!next?.zones.length;
      } while (at < steps.length && performance.now() - stepStart < UPDATE_STEP_MS);
      this.settle(added, gone, zonesNamed);
      longestStepMs = Math.max(longestStepMs, performance.now() - stepStart);
      if (at < steps.length) await yieldToEventLoop();
    }
    // The terms MiniSearch changed in its Maps are packed again (search/packed-index), in slices.
    sliceStart = performance.now();
    for (const index of [this.itemIndex, this.passageIndex]) await packLoose(index, { pause: () => pause() });
    longestStepMs = Math.max(longestStepMs, performance.now() - sliceStart);
    return { changed: steps.length, longestStepMs: Math.round(longestStepMs) };
  }

  /** Keeps what the index holds of one item for answering (the documents and statistics apart). */
  private keep(a: ItemAnalysis): void {
    this.keepOutline(a);
    this.keepTerms(a.item.id, a);
  }

  private keepOutline(a: ItemOutline): void {
    const id = a.item.id;
    this.items.set(id, a.item);
    this.heads.set(id, a.head);
    this.titlePlaces.set(id, a.titlePlaces);
    this.countTitlePlaces(a.titlePlaces, 1);
    this.sentences.set(id, a.sentences);
    this.zonesNamed.set(id, a.zones);
    for (const passage of a.passages) this.passages.set(passage.key, passage);
  }

  /** Counts an item's title places in (`by` 1) or out (-1); a place no title names any more is dropped. */
  private countTitlePlaces(places: readonly string[], by: 1 | -1): void {
    for (const place of places) {
      const n = (this.titlePlaceCounts.get(place) ?? 0) + by;
      if (n > 0) this.titlePlaceCounts.set(place, n);
      else this.titlePlaceCounts.delete(place);
    }
  }

  private keepTerms(id: string, a: ItemTerms): void {
    this.wordSets.set(id, a.words);
    this.headWords.set(id, a.headWords);
    this.soundStats.add(a.sounds);
  }

  /** An item in: kept, and its documents searchable; its statistics wait for `settle`. */
  private putIn(a: ItemAnalysis): void {
    this.keep(a);
    addDocuments(this.itemIndex, [a.itemDoc]);
    addDocuments(this.passageIndex, a.passageDocs);
  }

  /** An item out: `old` is its analysis as it was indexed (made again: see search/item-analysis). */
  private takeOut(id: string, old: ItemAnalysis): void {
    if (this.itemIndex.has(id)) removeDocument(this.itemIndex, old.itemDoc);
    for (const doc of old.passageDocs) if (this.passageIndex.has(doc.id)) removeDocument(this.passageIndex, doc);
    this.uncountItem(id, old.terms);
    this.countTitlePlaces(this.titlePlaces.get(id) ?? [], -1);
    this.soundStats.remove(old.sounds);
    for (const passage of old.passages) this.passages.delete(passage.key);
    for (const map of [this.items, this.heads, this.titlePlaces, this.sentences, this.zonesNamed, this.wordSets, this.headWords, this.wordSounds]) {
      map.delete(id);
    }
  }

  /**
   * After items came in or went out: what depends on every item. The zones are read again when
   * a changed item names a zone (it may make a zone known, or the home zone's items present);
   * else only the changed items' scopes are. The new items are counted, and when the zones moved,
   * an item whose zone moved in or out of the home zone's view is counted anew.
   */
  private settle(added: readonly ItemAnalysis[], gone: readonly string[], zonesNamed: boolean): void {
    const homeHadItems = this.zoneScopes.homeHasItems;
    if (zonesNamed) this.readZones();
    else this.zoneScopes.rescope(added.map((a) => this.zoneEntry(a.item.id)), gone);
    for (const a of added) this.countItem(a.item.id, a.terms);
    const moved = zonesNamed || homeHadItems !== this.zoneScopes.homeHasItems;
    if (moved && (this.zoneScopes.homeHasItems || this.outside.size)) {
      const fresh = new Set(added.map((a) => a.item.id));
      for (const id of this.items.keys()) {
        if (fresh.has(id) || this.zoneScopes.outsideHome(id) === this.outside.has(id)) continue;
        const terms = analyseItem(this.analyzer, this.items.get(id)!).terms;
        this.uncountItem(id, terms);
        this.countItem(id, terms);
      }
    }
    this.homophones.seal();
    this.findHomePlaces();
    this.allHeads = undefined;
    this.tailKinds.clear();
    // The pairs of the last item heard against: that item may have changed.
    this.lastPairs = undefined;
  }

  /** Reads every item's zone (search/zone-scope), in id order as a build from the store sees them. */
  private readZones(): void {
    const ids = [...this.items.keys()].sort();
    this.zoneScopes = new ZoneScopes(ids.map((id) => this.zoneEntry(id)), this.homeZone, this.weights);
  }

  /** What zone scopes read of an item: its title line, the zones it names, its text when needed. */
  private zoneEntry(id: string): ItemZoneText {
    const item = this.items.get(id)!;
    const head = this.heads.get(id) ?? '';
    return {
      id,
      title: head.split('\n')[0] ?? '',
      text: () => itemText(head, this.sentencesOf(id)),
      zones: this.zonesNamed.get(id) ?? [],
      ...(item.kind === 'policy' && item.level ? { level: item.level } : {}),
      ...(item.kind === 'faq' ? { links: item.links } : {}),
    };
  }

  /**
   * The word statistics (IDF, and the character pairs homophones are read against) count the
   * items this assistant answers from: in a zone's own assistant (a home zone with items here),
   * the home zone's, its city's and the general ones, not another zone's copies of the same
   * services (search/zone-scope), which stay searchable. Else a question's margins, and how its
   * misheard words are read (俺家 as another zone's 安家补贴), would move with what other zones publish.
   */
  private countItem(id: string, terms: readonly string[]): void {
    const counted = !this.zoneScopes.outsideHome(id);
    this.stats.add(terms, counted);
    if (counted) for (const text of this.homophoneTexts(id)) this.homophones.add(text);
    else this.outside.add(id);
  }

  /** Takes back `countItem` (as it was counted then). */
  private uncountItem(id: string, terms: readonly string[]): void {
    const counted = !this.outside.has(id);
    this.stats.remove(terms, counted);
    if (counted) for (const text of this.homophoneTexts(id)) this.homophones.remove(text);
    this.outside.delete(id);
  }

  private homophoneTexts(id: string): string[] {
    return [this.heads.get(id) ?? '', ...this.sentencesOf(id).map((s) => s.norm)];
  }

  get size(): number {
    return this.items.size;
  }

  getItem(id: string): Item | undefined {
    return this.items.get(id);
  }

  allItems(): IterableIterator<Item> {
    return this.items.values();
  }

  analyse(question: string): AnalysedQuery {
    return analyseQuery(this.analyzer, question, (text) => this.homophones.correct(text), this.zoneSpans);
  }

  /**
   * A speech-recognition transcript as the knowledge base would spell it: known recogniser
   * confusions repaired (公基金 → 公积金) and homophones corrected, as every question is when
   * analysed, but on the text as heard, so that the person sees their own words in the box.
   */
  correctHeard(transcript: string): string {
    return this.homophones.correct(this.analyzer.repairConfusions(transcript));
  }

  private readonly zoneSpans = (normalized: string) => zoneSpans(normalized, this.zoneScopes.knownHeads);

  /**
   * The question read once more against the item chosen to answer it: speech-recognition
   * homophones the whole knowledge base could not settle are read as the item's own words
   * (`HomophoneCorrector.correctAgainst`). The same query when nothing changes.
   */
  refine(query: AnalysedQuery, itemId: string): AnalysedQuery {
    return this.reread(query, this.homophones.correctAgainst(query.normalized, this.pairsOf(itemId)));
  }

  /**
   * The question as heard by someone who knows the item: each character pair the item lacks that
   * sounds like one of its pairs, one character apart, read as that pair (`heardAs`: 防空 → 防控).
   * Looser than `refine`; the caller weighs what it reads less. The same query when nothing changes.
   */
  heard(query: AnalysedQuery, itemId: string): AnalysedQuery {
    const functionWords = {
      words: this.analyzer.stopwords,
      keep: this.analyzer.questionWords,
      segment: (text: string) => this.analyzer.segmenter.cutKnownWords(text),
      isWord: (char: string) => this.stats.anywhere(char),
    };
    return this.reread(query, heardAs(query.normalized, this.pairsOf(itemId), functionWords));
  }

  private reread(query: AnalysedQuery, normalized: string): AnalysedQuery {
    return normalized === query.normalized ? query : { ...analyseQuery(this.analyzer, normalized, undefined, this.zoneSpans), text: query.text };
  }

  /**
   * An item's character pairs (head and sentences) and how often each occurs. The last item's are
   * kept: a question refines and hears against the same top item.
   */
  private pairsOf(itemId: string): Map<string, number> {
    if (this.lastPairs?.itemId !== itemId) {
      const pairs = countPairs([this.heads.get(itemId) ?? '', ...this.sentencesOf(itemId).map((s) => s.norm)]);
      this.lastPairs = { itemId, pairs };
    }
    return this.lastPairs.pairs;
  }

  private lastPairs?: { itemId: string; pairs: Map<string, number> };

  /** Every passage, for building a dense index over the same units. */
  passageEntries(): { key: string; text: string }[] {
    return [...this.passages.values()].map((p) => ({ key: p.key, text: p.text }));
  }

  /** Whether an item passes the filters (for dense hits found outside the lexical index). */
  allows(itemId: string, filters: SearchFilters = {}): boolean {
    return this.filter(filters)(itemId);
  }

  /**
   * Ranks items for a question. `denseRanking` (item ids from the optional embeddings index,
   * best first) is fused with the lexical ranking by reciprocal rank fusion before re-ranking.
   */
  search(question: string | AnalysedQuery, filters: SearchFilters = {}, limit = 10, denseRanking?: string[]): SearchResult {
    const query = typeof question === 'string' ? this.analyse(question) : question;
    const allowed = this.filter(filters);
    const { hits, passages } = this.firstStage(query, allowed);
    if (denseRanking?.length) this.fuseDense(hits, denseRanking.filter(allowed));
    this.rerank(query, hits);
    const shown = hits.slice(0, limit);
    listPassages(shown, passages);
    return { query, hits: shown };
  }

  /**
   * First-stage candidates, best first. For a question naming places, each place term (a word,
   * pair or sound pair of the place names only) weighs `placeTerms` of a topic term: a document
   * sharing only the place cannot outrank one that answers the topic on the strength of one rare
   * word, while the place still narrows the candidates. One search, with MiniSearch's term boosts.
   */
  private firstStage(query: AnalysedQuery, allowed: (itemId: string) => boolean): FirstStage {
    const share = this.weights.placeTerms;
    if (!query.places.length || share >= 1) return this.lexicalHits(query, allowed);
    const topical = new Set([...query.topic.words, ...query.topic.bigrams, ...query.topic.pinyinBigrams]);
    return this.lexicalHits(query, allowed, (term) => (topical.has(term) ? 1 : share));
  }

  /**
   * Items scored by MiniSearch over the terms (each weighed by `boostTerm`): item BM25 mixed with
   * the best passage's. Only the terms within the first stage's budget are looked up (search/term-budget).
   */
  private lexicalHits(question: QueryTerms, allowed: (itemId: string) => boolean, boostTerm?: (term: string) => number): FirstStage {
    const w = this.weights;
    const terms = withinBudget(
      question,
      (term, kind) => (kind === 'pinyinBigrams' ? this.soundStats : this.stats).frequency(term),
      { budget: w.firstStageBudget, minTerms: w.firstStageMinTerms },
    );
    const itemScores = new Map<string, { score: number; terms: string[] }>();
    const options = { bm25: w.itemBm25, ...(boostTerm ? { boostTerm } : {}) };
    for (const r of searchOr(
      this.itemIndex,
      [
        { terms: terms.words, fields: ['hw', 'w'], boost: { hw: w.headWords, w: w.bodyWords } },
        { terms: terms.bigrams, fields: ['hb', 'b'], boost: { hb: w.headBigrams, b: w.bodyBigrams } },
      ],
      options,
    )) {
      if (!allowed(r.id)) continue;
      itemScores.set(r.id, { score: w.coordination ? r.score : r.score / Math.max(1, r.matched), terms: r.queryTerms });
    }

    // Each item's best passage; the passages themselves are listed for the hits shown only
    // (`listPassages`): most candidates are never shown, and a list each was most of this step.
    const bestPassage = new Map<string, number>();
    const matched: PassageMatches = { passages: [], scores: [] };
    let maxPassage = 1e-9;
    for (const r of searchOr(
      this.passageIndex,
      [
        { terms: terms.words, fields: ['hw', 'w'], boost: { hw: w.headWords, w: w.bodyWords } },
        { terms: terms.bigrams, fields: ['hb', 'b'], boost: { hb: w.headBigrams, b: w.bodyBigrams } },
        { terms: terms.pinyinBigrams, fields: ['p'], boost: { p: w.pinyin } },
      ],
      { ...options, bm25: w.passageBm25 },
      false,
      false,
    )) {
      const passage = this.passages.get(r.id)!;
      if (!allowed(passage.itemId)) continue;
      const score = w.coordination ? r.score : r.score / Math.max(1, r.matched);
      matched.passages.push(passage);
      matched.scores.push(score);
      const best = bestPassage.get(passage.itemId);
      if (best === undefined || score > best) bestPassage.set(passage.itemId, score);
      if (score > maxPassage) maxPassage = score;
    }

    const totalTerms = terms.words.length + terms.bigrams.length || 1;
    // A loop, not Math.max(...scores): a word found in a hundred thousand items would overflow the stack.
    let maxItem = 1e-9;
    for (const s of itemScores.values()) maxItem = Math.max(maxItem, s.score);
    const hits: ItemHit[] = [];
    const add = (id: string) => {
      const itemScore = itemScores.get(id);
      const score = w.item * ((itemScore?.score ?? 0) / maxItem) + w.passage * ((bestPassage.get(id) ?? 0) / maxPassage);
      const terms = itemScore?.terms ?? [];
      hits.push({ item: this.items.get(id)!, score, matchedShare: terms.length / totalTerms, passages: [], matchedTerms: terms });
    };
    for (const id of itemScores.keys()) add(id);
    for (const id of bestPassage.keys()) if (!itemScores.has(id)) add(id);
    return { hits: hits.sort(byScoreThenId), passages: matched };
  }

  /** How much a term says: its inverse document frequency over the indexed items. */
  termWeight(term: string): number {
    return this.stats.idf(term);
  }

  /**
   * How closely an item restates the terms: its best window of sentences (share of the terms'
   * IDF-weighted bigrams) and the share of their IDF-weighted words it holds anywhere.
   */
  match(itemId: string, terms: QueryTerms, options: { bySound?: boolean } = {}): { window: WindowMatch; coverage: number } {
    const window = bestWindow(this.sentencesOf(itemId), terms, this.stats, this.weights.windowSentences);
    let found = 0;
    let total = 0;
    for (const word of terms.words) {
      const idf = this.stats.idf(word);
      total += idf;
      if (this.holdsWord(itemId, word)) found += idf;
      // A word no item uses, that sounds like one of this item's, was probably misheard (问港 → 稳岗).
      else if (options.bySound && !this.stats.anywhere(word) && this.soundsOf(itemId).has(soundOf(word))) found += idf;
    }
    return { window, coverage: total ? found / total : 0 };
  }

  /** Whether the item's words (head or body, as analysed) include `word`: its item document's postings. */
  private holdsWord(itemId: string, word: string): boolean {
    return holdsTerm(this.itemIndex, itemId, word, ['hw', 'w']);
  }

  /**
   * Where an item holds a word of a question: in its head (title, FAQ questions, tags), elsewhere
   * in its text, or nowhere. Words are compared as analysed (synonyms read as one word) and as
   * text, so a word the item segments differently (结婚登记 in 办理结婚登记手续) still counts; a
   * word no item uses that sounds like one of this item's was probably misheard.
   */
  holds(itemId: string, word: string): 'head' | 'body' | undefined {
    const head = this.heads.get(itemId) ?? '';
    if (this.headWords.get(itemId)?.has(word) || head.includes(word)) return 'head';
    if (this.holdsWord(itemId, word) || this.sentencesOf(itemId).some((s) => s.norm.includes(word))) return 'body';
    if (!this.stats.anywhere(word) && this.soundsOf(itemId).has(soundOf(word))) return 'body';
    return undefined;
  }

  /**
   * Whether some item's head holds `word`: it names a service or a subject of the knowledge base
   * (养老保险), not the asker's circumstances (奶茶店). The union of head words is made on first use.
   */
  namesAnItem(word: string): boolean {
    const heads = this.everyHead();
    return heads.words.has(word) || heads.text.includes(word);
  }

  /** Every item's head words, and their heads as written (养老保险 inside 企业职工基本养老保险, which segments another way). */
  private everyHead(): { words: Set<string>; text: string } {
    if (!this.allHeads) {
      const words = new Set<string>();
      for (const set of this.headWords.values()) for (const w of set) words.add(w);
      this.allHeads = { words, text: [...this.heads.values()].join('\n') };
    }
    return this.allHeads;
  }

  /**
   * How many different two-character modifiers come before `tail` in the items' heads (养老保险,
   * 医疗保险, 失业保险 → 3 for 保险): whether the knowledge base names kinds of it. Cached per index.
   */
  kindsOf(tail: string): number {
    let kinds = this.tailKinds.get(tail);
    if (kinds === undefined) {
      const modifiers = new Set<string>();
      // Words are letters, digits and Han characters only: nothing in `tail` needs escaping.
      for (const match of this.everyHead().text.matchAll(new RegExp(`(\\p{Script=Han}{2})${tail}`, 'gu'))) {
        modifiers.add(match[1]!);
      }
      kinds = modifiers.size;
      this.tailKinds.set(tail, kinds);
    }
    return kinds;
  }

  /** An item's head (title, tags, an FAQ's questions), normalised. */
  headOf(itemId: string): string {
    return this.heads.get(itemId) ?? '';
  }

  /** An item's head and sentences, normalised, as one text (for dates and degrees it names). */
  itemText(itemId: string): string {
    return [this.heads.get(itemId) ?? '', ...this.sentencesOf(itemId).map((s) => s.norm)].join('\n');
  }

  /** The sounds of an item's words, made when first asked for (only items that are answered need them). */
  private soundsOf(itemId: string): Set<string> {
    let sounds = this.wordSounds.get(itemId);
    if (!sounds) {
      sounds = new Set([...(this.wordSets.get(itemId) ?? [])].map(soundOf));
      this.wordSounds.set(itemId, sounds);
    }
    return sounds;
  }

  /** Share of the question's (weighted) character pairs found in an item's head (title, FAQ questions). */
  headShare(itemId: string, query: QueryTerms): number {
    const head = this.heads.get(itemId) ?? '';
    let found = 0;
    let total = 0;
    for (const b of query.bigrams) {
      const idf = this.stats.idf(b);
      total += idf;
      if (head.includes(b)) found += idf;
    }
    return total ? found / total : 0;
  }

  /** Share of the question's place names that the item mentions (1 when the question names none). */
  placeShare(itemId: string, query: AnalysedQuery): number {
    if (!query.places.length) return 1;
    const head = this.heads.get(itemId) ?? '';
    const sentences = this.sentencesOf(itemId);
    const found = query.places.filter((p) => head.includes(p) || sentences.some((s) => s.norm.includes(p)));
    return found.length / query.places.length;
  }

  /**
   * How well an item's scope fits the places of the question (L in docs/SEARCH.md): the share of
   * the question's places it mentions; when it mentions none, `generalPlaces` if its title names
   * no place but the zone's own (a national or zone-wide item applies everywhere) and 0 if its
   * title names another place. A question that names no place fits everything, except that items titled for one
   * place (other than the zone's own) lose `localPenalty`: the question is likely not about there.
   */
  placeFit(itemId: string, query: AnalysedQuery): number {
    const w = this.weights;
    const local = (this.titlePlaces.get(itemId) ?? []).some((p) => !this.homePlaces.has(p));
    if (!query.places.length) return local ? 1 - w.localPenalty / (w.places || 1) : 1;
    const share = this.placeShare(itemId, query);
    if (share > 0) return share;
    return local ? 0 : w.generalPlaces;
  }

  /** The zones a question is about (named, or the home zone for 本区), for zone fit. */
  zoneScope(query: AnalysedQuery): QuestionScope {
    return this.zoneScopes.question(query.normalized);
  }

  /** Whether an item is another zone's than the one the question names: never its answer. */
  otherZone(itemId: string, query: AnalysedQuery): boolean {
    return this.zoneScopes.conflicts(itemId, this.zoneScope(query));
  }

  /** The zones an item belongs to (keys, 青溪·高新区), or the zone city it names. */
  zoneOf(itemId: string): ItemScope {
    return this.zoneScopes.scopeOf(itemId);
  }

  /** Places named in the titles of at least `homePlaceShare` of the items. */
  private findHomePlaces(): void {
    const least = this.weights.homePlaceShare * this.titlePlaces.size;
    this.homePlaces = new Set([...this.titlePlaceCounts].filter(([, n]) => n >= least).map(([p]) => p));
  }

  /** Sentences of an item, normalised, with offsets into its body text. */
  sentencesOf(itemId: string): SentenceEntry[] {
    return this.sentences.get(itemId) ?? [];
  }

  /** Reorders first-stage hits by RRF of the lexical and dense rankings (scores become fused scores). */
  private fuseDense(hits: ItemHit[], denseRanking: string[]): void {
    const byId = new Map(hits.map((h) => [h.item.id, h]));
    const fused = reciprocalRankFusion([hits.map((h) => h.item.id), denseRanking]);
    const top = fused[0]?.score || 1;
    hits.length = 0;
    for (const { id, score } of fused) {
      // Items only the dense index found have no lexical match to report.
      const hit = byId.get(id) ?? { item: this.items.get(id)!, score: 0, matchedShare: 0, passages: [], matchedTerms: [] };
      hit.score = score / top;
      hits.push(hit);
    }
  }

  /** Second stage: the top hits re-scored by their best sentence window and word coverage. */
  private rerank(query: AnalysedQuery, hits: ItemHit[]): void {
    const w = this.weights;
    const depth = Math.min(hits.length, w.rerankDepth);
    if (!depth) return;
    const top = hits[0]!.score || 1;
    const zones = this.zoneScope(query);
    const quoted = quotedNames(query.normalized);
    // What the item says is judged on the question's topic; where it applies, by place fit alone.
    for (let i = 0; i < depth; i++) {
      const hit = hits[i]!;
      const match = this.match(hit.item.id, query.topic, { bySound: true });
      hit.window = match.window;
      hit.coverage = match.coverage;
      // An FAQ's answer rarely repeats its question, and a guide's body its name: for these the
      // head is where the question is restated.
      const curated = hit.item.kind === 'faq' || hit.item.kind === 'guide';
      const head = this.headShare(hit.item.id, query.topic);
      const window = curated ? Math.max(hit.window.share, head) : hit.window.share;
      hit.score =
        hit.score / top +
        w.window * window +
        w.coverage * match.coverage +
        (curated ? w.curatedHeadShare : w.headShare) * head +
        (quoted.length ? w.quoted * quotedShare(quoted, this.itemText(hit.item.id)) : 0) +
        w.places * this.placeFit(hit.item.id, query) -
        // A penalty, not a bonus: a knowledge base of one zone keeps its scores (and their ratios).
        w.zones * (1 - this.zoneScopes.fit(hit.item.id, zones));
    }
    const head = hits.slice(0, depth).sort(byScoreThenId);
    hits.splice(0, depth, ...head);
  }

  private filter(filters: SearchFilters): (itemId: string) => boolean {
    const today = filters.today ?? new Date().toISOString().slice(0, 10);
    return (id) => {
      const item = this.items.get(id);
      if (!item) return false;
      if (filters.kinds && !filters.kinds.includes(item.kind)) return false;
      if (filters.category && item.category !== filters.category) return false;
      if (filters.audience && item.audience.length && !item.audience.includes(filters.audience)) return false;
      if (!filters.includeExpired && !isCurrent(item, today)) return false;
      return true;
    };
  }
}

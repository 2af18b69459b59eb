/**
 * @module search/ranking
 * The ranking knobs, in one place with their defaults. docs/SEARCH.md explains each one.
 */
import type { BM25Params } from 'minisearch';

export interface RankingWeights {
  /** Field boosts: words and bigrams of an item's head (title, FAQ questions) and of its body. */
  headWords: number;
  headBigrams: number;
  bodyWords: number;
  bodyBigrams: number;
  /** Pinyin bigrams (homophones from speech recognition); low, as a tie-breaker and rescue. */
  pinyin: number;
  /** Mix of the whole-item score and the best passage score, each normalised to the best hit. */
  item: number;
  passage: number;
  /** Keep MiniSearch's coordination factor (score × number of query terms matched). */
  coordination: boolean;
  itemBm25: BM25Params;
  /** Postings one question's first stage may touch, and the rarest terms kept whatever they cost (search/term-budget). */
  firstStageBudget: number;
  firstStageMinTerms: number;
  /** How many first-stage hits the second stage re-scores. */
  rerankDepth: number;
  /** Weight of the best sentence window's share of the question (0–1). */
  window: number;
  /** Longest window, in sentences. */
  windowSentences: number;
  /** Weight of the share of the question's words found anywhere in the item (0–1). */
  coverage: number;
  passageBm25: BM25Params;
  /** Weight of the share of the question found in the item's head (title, FAQ questions). */
  headShare: number;
  /**
   * The same for FAQs and guides, whose heads were written for people to ask by (an FAQ's
   * standard and similar questions, a guide's item name and tags).
   */
  curatedHeadShare: number;
  /**
   * Weight of a question's place terms in the first stage, against 1 for its topic terms;
   * 1 counts places like any other word.
   */
  placeTerms: number;
  /**
   * Weight of the share of the question's quoted names (《…》, “…”) the item holds verbatim
   * (search/quoted-names): the thing named, not its words scattered.
   */
  quoted: number;
  /** Weight of how well the item's places fit the question's (see `SearchIndex.placeFit`). */
  places: number;
  /** Place fit of an item whose title names no place, for a question about a place it does not mention. */
  generalPlaces: number;
  /** Score taken from items titled for one place when the question names no place. */
  localPenalty: number;
  /** Places in the titles of at least this share of the items are the zone's own (no penalty). */
  homePlaceShare: number;
  /**
   * Score taken from an item by how badly its zone fits the question's, times (1 − fit) (see
   * `search/zone-scope`): at 3, more than the topical signals together, so another zone's item
   * ranks below every item that fits.
   */
  zones: number;
  /** Zone fit of an item naming no zone nor a zone's city, for a question naming a zone. */
  generalZoneFit: number;
  /** Zone fit of another zone's item, for a question naming none when the home zone is known but has no items. */
  otherZoneFit: number;
  /**
   * Zone fit of an item naming no zone nor a zone's city (a national FAQ), for a question naming
   * none when the home zone has items: below 1, the home zone's own item wins a near tie.
   */
  homeGeneralFit: number;
}

export const DEFAULT_RANKING: RankingWeights = {
  headWords: 0.5,
  headBigrams: 0.5,
  bodyWords: 1,
  bodyBigrams: 1,
  pinyin: 0.3,
  item: 0.5,
  passage: 0.5,
  coordination: true,
  itemBm25: { k: 1.2, b: 0.75, d: 0.5 },
  passageBm25: { k: 1.2, b: 0.75, d: 0.5 },
  firstStageBudget: 5_000,
  firstStageMinTerms: 6,
  rerankDepth: 30,
  window: 1,
  windowSentences: 2,
  coverage: 0.5,
  headShare: 0,
  curatedHeadShare: 0.5,
  placeTerms: 0.2,
  quoted: 0.5,
  places: 0.8,
  generalPlaces: 0.3,
  localPenalty: 0.1,
  homePlaceShare: 0.25,
  zones: 3,
  generalZoneFit: 0.8,
  otherZoneFit: 0,
  homeGeneralFit: 0.7,
};

/**
 * @module server/hot
 * The home screen's hot questions (insights/hot) over the knowledge catalogue and the question
 * log of the last HOT_DAYS days, reused for `cacheMs` (it groups a month of the log); dropped
 * when the knowledge changes or staff change the pins here. Another instance sees a change
 * within `cacheMs`.
 */
import {
  ANSWERED_TYPES,
  HOT_MIN_CONFIDENCE,
  hotCandidates,
  hotQuestions,
  type HotCandidate,
} from '../insights/hot.js';
import type { Store } from '../storage/index.js';
import type { Category, KnowledgeCatalog } from './catalog.js';

export const HOT_DAYS = 30;
/** Questions on the home screen. */
export const HOT_QUESTIONS = 8;
/** Items read from the log: enough for the home screen and for staff to choose from. */
const CANDIDATES_FROM_LOG = 50;
/** Curated questions offered to staff beside those from the log. */
const CURATED_CANDIDATES = 20;

export interface Hot {
  questions: string[];
  categories: Category[];
}

export class HotQuestionsService {
  #cached?: { at: number; revision: number; hot: Hot };

  constructor(
    private readonly store: Store,
    private readonly catalog: KnowledgeCatalog,
    private readonly now: () => Date,
    private readonly cacheMs: number,
  ) {}

  /** What GET /api/hot answers. */
  async current(): Promise<Hot> {
    const catalog = await this.catalog.current();
    const now = this.now().getTime();
    const cached = this.#cached;
    if (cached && cached.revision === catalog.revision && now - cached.at < this.cacheMs) return cached.hot;
    const hot = { questions: hotQuestions(await this.candidates(), HOT_QUESTIONS), categories: catalog.categories };
    this.#cached = { at: now, revision: catalog.revision, hot };
    return hot;
  }

  /** Every candidate with its counts and state, for the back office (never cached). */
  async candidates(): Promise<HotCandidate[]> {
    const catalog = await this.catalog.current();
    const [answered, curation] = await Promise.all([
      this.store.hotQuestions.answeredItems({
        since: new Date(this.now().getTime() - HOT_DAYS * 24 * 60 * 60 * 1000),
        answerTypes: ANSWERED_TYPES,
        minConfidence: HOT_MIN_CONFIDENCE,
        limit: CANDIDATES_FROM_LOG,
      }),
      this.store.hotQuestions.curation(),
    ]);
    return hotCandidates(answered, curation, catalog.standard, catalog.curated.slice(0, CURATED_CANDIDATES));
  }

  /** Forgets the cached answer: staff changed a pin. */
  invalidate(): void {
    this.#cached = undefined;
  }
}

/**
 * @module server/context
 * What the route plugins share, built once per server by `buildServer`.
 */
import type { OidcClient } from '../enterprise/accounts/oidc.js';
import type { NoticeJob } from '../enterprise/notices/job.js';
import type { RuleBook } from '../enterprise/rule-book/index.js';
import type { ImportLimits } from '../ingestion/index.js';
import type { Store } from '../storage/index.js';
import type { DailyUpkeepJob } from '../upkeep/daily-job.js';
import type { KnowledgeCatalog } from './catalog.js';
import type { EngineGate } from './engine.js';
import type { HotQuestionsService } from './hot.js';
import type { AnswerQueue } from './answer-queue.js';
import type { ServerMetrics } from './metrics.js';
import type { StoreWatch } from './store-watch.js';
import type { Speaker, Transcriber } from '../speech/index.js';
import type { SpeechFeatures } from '../speech/features.js';

export type { SpeechFeatures } from '../speech/features.js';

/** What GET /api/config tells the web app about this installation. */
export interface PublicSettings {
  zoneName: string;
  hotline: string;
  serviceWindow: string;
  kioskIdleSeconds: number;
  /** Every browser gets kiosk mode, not only `/?kiosk=1`. */
  kiosk: boolean;
  maxMessageChars: number;
}

/** GET /api/config: the settings and what speech the server offers. */
export interface PublicConfig extends PublicSettings {
  speech: SpeechFeatures;
}

/** Speech out and in (src/speech); each absent when off. */
export interface SpeechServices {
  speaker?: Speaker;
  transcriber?: Transcriber;
}

/** What the back office's API needs beyond the public one. */
export interface AdminSettings {
  /** The zone's time zone: the insights' days, audit date filters. */
  timeZone: string;
  /** How far ahead the review queue looks by default. */
  reviewWindowDays: number;
  /** Mark the session cookie Secure even when the request came over plain HTTP (TLS ends at a proxy). */
  secureCookies: boolean;
  /** Whether an author may publish their own change (off: four eyes, another reviewer must). */
  allowSelfPublish: boolean;
  /** Login attempts a minute per client address; 0 for no limit. */
  loginRateLimit: number;
  /** The daily upkeep job, for POST /api/admin/upkeep/run. */
  dailyJob: DailyUpkeepJob;
  /** What one file of an import preview may cost to read (unset: the defaults). */
  importLimits?: Partial<ImportLimits>;
}

export interface ServerContext {
  engine: EngineGate;
  /** Bounded concurrency and waiting for answers (503 beyond them). */
  answerQueue: AnswerQueue;
  store: Store;
  /** Whether the database answers; the question log's buffer while it does not. */
  storeWatch: StoreWatch;
  catalog: KnowledgeCatalog;
  metrics: ServerMetrics;
  settings: PublicSettings;
  /** `YYYY-MM-DD`, for policy validity. */
  today: () => string;
  now: () => Date;
  /** The home screen's hot questions, cached; the back office invalidates them. */
  hot: HotQuestionsService;
  logError: (message: string) => void;
  /** XIAOXIN_METRICS_TOKEN: a bearer token that opens /metrics to other machines. */
  metricsToken?: string;
  admin: AdminSettings;
  /**
   * The enterprise portal's API: login through the identity service when configured; the notices
   * job (精准直达); the rule book — the published eligibility rules everything evaluates.
   */
  enterprise: { oidc?: OidcClient; notices: NoticeJob; rules: RuleBook };
  speech: SpeechServices;
}

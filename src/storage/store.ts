/**
 * @module storage/store
 * The storage contract. One implementation (`sql-store.ts`) serves both PGlite and PostgreSQL
 * through the same SQL; everything else in xiaoxin talks to this interface only.
 */
import type { Item, ItemKind } from '../knowledge/index.js';
import type { AccountRepository } from './accounts.js';
import type { AuditLog } from './audit.js';
import type { DirectoryRepository } from './directory.js';
import type { EnterpriseFactRepository } from './enterprise-facts.js';
import type { EnterpriseRepository } from './enterprises.js';
import type { HotQuestionRepository } from './hot-questions.js';
import type { InsightsQueries } from './insights.js';
import type { JobRuns } from './job-runs.js';
import type { LoginFailureRepository } from './login-failures.js';
import type { NoticeRepository } from './notices.js';
import type { RuleVersionRepository } from './rule-versions.js';
import type { VersionRepository } from './versions.js';

export interface UpsertResult {
  created: string[];
  updated: string[];
  unchanged: string[];
}

export interface ItemFilter {
  kinds?: ItemKind[];
  category?: string;
}

/** What a conversation remembers between turns (kept in the database so instances stay stateless). */
export interface SessionState {
  /** The item the conversation is about, for follow-ups such as "那要多长时间？". */
  topicItemId?: string;
  /** The last question asked, as understood. */
  lastQuestion?: string;
  /** Candidates offered in a clarifying question, so "第二个" can pick one. */
  offeredItemIds?: string[];
  turns: number;
  /** An eligibility dialogue in progress (its shape is enterprise/dialogue's, checked when read). */
  eligibility?: Record<string, unknown>;
}

/** One turn for the question log; the caller has already taken personal data out of the text. */
export interface NewQuestion {
  id: string;
  sessionId?: string;
  /** web, kiosk, widget, api … */
  channel: string;
  question: string;
  /** The normalised form identical questions share, for grouping. */
  questionKey: string;
  /** The answer's type: guide-field, faq, passage, clarify, none. */
  answerType: string;
  confidence: number;
  /** The cited item ids, in the answer's order. */
  citedIds: string[];
  /** What sort of question (`how`, `materials`, `where`, `policy`, `other`; see insights/question-kind). */
  questionKind?: string;
  /** The category of the first cited item (or the one a clerk chose), for the insights' themes. */
  theme?: string;
  /** The staff account that logged a question asked at the counter. */
  loggedBy?: string;
  /** A clerk's note on a counter question. */
  note?: string;
  /** When it was asked, for a turn written late (kept while the database was unreachable); default now. */
  askedAt?: Date;
}

/** A logged turn as read back, with its feedback when there is some. */
export interface LoggedQuestion extends Omit<NewQuestion, 'askedAt'> {
  createdAt: string;
  helpful?: boolean;
  feedbackComment?: string;
  feedbackAt?: string;
}

/** A page of the question log, newest first. */
export interface QuestionLogQuery {
  /** Inclusive. */
  since?: Date;
  /** Exclusive. */
  until?: Date;
  channel?: string;
  answerType?: string;
  limit: number;
  offset: number;
}

export interface QuestionLogPage {
  total: number;
  questions: LoggedQuestion[];
}

export interface Feedback {
  helpful: boolean;
  comment?: string;
}

export interface Store {
  /**
   * Inserts or updates published items by id in one transaction; an item whose content is
   * unchanged is left alone. Each change becomes a published version by `author` (default `import`).
   */
  upsertItems(items: Item[], author?: string): Promise<UpsertResult>;
  getItem(id: string): Promise<Item | undefined>;
  listItems(filter?: ItemFilter): Promise<Item[]>;
  /**
   * Every published item's id and content hash: what changed since an index was made, read
   * cheaply (an index keeps the hashes it indexed; a new, changed or missing id is the change).
   */
  itemHashes(): Promise<Map<string, string>>;
  /** The published items among `ids`, in id order; an id not (or no longer) published is left out. */
  getItems(ids: readonly string[]): Promise<Item[]>;
  countItems(): Promise<number>;
  deleteItem(id: string): Promise<boolean>;
  /**
   * A number that grows whenever the set of items changes, so that search indexes held in
   * memory (possibly by several instances) know when to rebuild.
   */
  revision(): Promise<number>;
  /**
   * Calls `onChange` soon after the revision moves, whichever instance wrote: PostgreSQL's
   * LISTEN/NOTIFY (polling `revision` stays the fallback). Returns the means to stop.
   */
  watchRevision(onChange: () => void): Promise<() => Promise<void>>;
  getSession(id: string): Promise<SessionState | undefined>;
  saveSession(id: string, state: SessionState): Promise<void>;
  /** Adds a turn to the question log, stamped with the store's clock. */
  logQuestion(question: NewQuestion): Promise<void>;
  getQuestion(id: string): Promise<LoggedQuestion | undefined>;
  /** Records (or replaces) the feedback on a logged turn; false when there is no such turn. */
  recordFeedback(id: string, feedback: Feedback): Promise<boolean>;
  /** The question log, filtered and paged, newest first. */
  listQuestions(query: QuestionLogQuery): Promise<QuestionLogPage>;
  /** Staff accounts and login sessions. */
  readonly accounts: AccountRepository;
  /** Failed logins per account and client address, for the lock-out. */
  readonly loginFailures: LoginFailureRepository;
  /** Every version of every item; drafts, review and publishing. */
  readonly versions: VersionRepository;
  readonly audit: AuditLog;
  readonly insights: InsightsQueries;
  /** The home screen's hot questions: the items that answered people, and staff's pins and hides. */
  readonly hotQuestions: HotQuestionRepository;
  /** Once-a-day claims of scheduled jobs. */
  readonly jobs: JobRuns;
  /** Enterprise accounts: enterprises, their users and sessions, pending OIDC logins. */
  readonly enterprises: EnterpriseRepository;
  /** Enterprise profiles: each fact with its source, and the history of every change. */
  readonly enterpriseFacts: EnterpriseFactRepository;
  /** Notices to enterprises (精准直达), their deliveries and each enterprise's notice settings. */
  readonly notices: NoticeRepository;
  /** The 七找 directory: entries with every version, market posts waiting for review. */
  readonly directory: DirectoryRepository;
  /** Eligibility rules edited in the back office: every version, review and publishing (issue #12). */
  readonly rules: RuleVersionRepository;
  /**
   * Runs `fn` in one transaction with a store bound to it: all its writes are stored, or none
   * (an error, a crash). `fn` must use only the store it is given.
   */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PGlite data folder; ignored when `databaseUrl` is set. `memory://` keeps everything in memory. */
  dataDir?: string;
  /** A PostgreSQL connection string; when set, PostgreSQL is used instead of PGlite. */
  databaseUrl?: string;
}

/**
 * @module storage/sql-store
 * The `Store` over a `Db`: one implementation, the same SQL, for PGlite and PostgreSQL.
 */
import type { Item } from '../knowledge/index.js';
import type { Db } from './db.js';
import { AccountRepository } from './accounts.js';
import { AuditLog } from './audit.js';
import { DirectoryRepository } from './directory.js';
import { EnterpriseFactRepository } from './enterprise-facts.js';
import { EnterpriseRepository } from './enterprises.js';
import { NoticeRepository } from './notices.js';
import { RuleVersionRepository } from './rule-versions.js';
import { InsightsQueries } from './insights.js';
import { ITEM_COLUMNS, itemFromRow, type ItemRow } from './item-rows.js';
import { missingRevisionRow, REVISION_CHANNEL, unpublishItem, writeItems } from './item-writes.js';
import { VersionRepository } from './versions.js';
import { HotQuestionRepository } from './hot-questions.js';
import { JobRuns } from './job-runs.js';
import { insertQuestion, selectQuestion, selectQuestionPage, updateFeedback } from './questions.js';
import { LoginFailureRepository } from './login-failures.js';
import { loadSession, purgeIdleSessions, saveSessionState, SESSION_IDLE_MS } from './sessions.js';
import type {
  Feedback,
  ItemFilter,
  LoggedQuestion,
  NewQuestion,
  QuestionLogPage,
  QuestionLogQuery,
  SessionState,
  Store,
  UpsertResult,
} from './store.js';

export interface SqlStoreOptions {
  /** The clock for timestamps and session expiry; tests move it forward. */
  now?: () => Date;
  /** How long a session may stay unsaved before it is forgotten (default 24 hours). */
  sessionIdleMs?: number;
}

/** Items read per query when all are listed (see `listItems`), and content hashes. */
const LIST_PAGE = 2000;
const HASH_PAGE = 20_000;

/** Idle sessions of other users are swept at most this often, on a save. */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

export class SqlStore implements Store {
  readonly #now: () => Date;
  readonly #sessionIdleMs: number;
  #lastPurge = Number.NEGATIVE_INFINITY;
  readonly accounts: AccountRepository;
  readonly loginFailures: LoginFailureRepository;
  readonly versions: VersionRepository;
  readonly audit: AuditLog;
  readonly insights: InsightsQueries;
  readonly hotQuestions: HotQuestionRepository;
  readonly jobs: JobRuns;
  readonly enterprises: EnterpriseRepository;
  readonly enterpriseFacts: EnterpriseFactRepository;
  readonly notices: NoticeRepository;
  readonly directory: DirectoryRepository;
  readonly rules: RuleVersionRepository;

  constructor(
    readonly db: Db,
    options: SqlStoreOptions = {},
  ) {
    this.#now = options.now ?? (() => new Date());
    this.#sessionIdleMs = options.sessionIdleMs ?? SESSION_IDLE_MS;
    this.accounts = new AccountRepository(db, this.#now);
    this.loginFailures = new LoginFailureRepository(db);
    this.versions = new VersionRepository(db, this.#now);
    this.audit = new AuditLog(db, this.#now);
    this.insights = new InsightsQueries(db);
    this.hotQuestions = new HotQuestionRepository(db, this.#now);
    this.jobs = new JobRuns(db, this.#now);
    this.enterprises = new EnterpriseRepository(db, this.#now);
    this.enterpriseFacts = new EnterpriseFactRepository(db, this.#now);
    this.notices = new NoticeRepository(db, this.#now);
    this.directory = new DirectoryRepository(db, this.#now);
    this.rules = new RuleVersionRepository(db, this.#now);
  }

  /**
   * Runs `fn` with a store over one transaction: everything it writes (items, versions, the audit
   * log) is committed together when it resolves, and nothing is when it throws or the process dies.
   * While it runs, use only the store it is given: on PGlite the outer store waits for it to end.
   */
  async transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(new SqlStore(tx, { now: this.#now, sessionIdleMs: this.#sessionIdleMs })));
  }

  /** Writes published items (an import); `author` is recorded on the new versions. */
  async upsertItems(items: Item[], author = 'import'): Promise<UpsertResult> {
    const now = this.#now().toISOString();
    return this.db.transaction((tx) => writeItems(tx, items, now, author));
  }

  async getItem(id: string): Promise<Item | undefined> {
    const rows = await this.db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items WHERE id = $1`, [id]);
    return rows[0] && itemFromRow(rows[0]);
  }

  /** Items in id order (bytewise, so that PGlite and any server collation agree). */
  async listItems(filter: ItemFilter = {}): Promise<Item[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    // An empty `kinds` list means no restriction, like an unticked filter in a UI.
    if (filter.kinds && filter.kinds.length > 0) {
      params.push(JSON.stringify(filter.kinds));
      conditions.push(`kind IN (SELECT jsonb_array_elements_text($${params.length}::jsonb))`);
    }
    if (filter.category !== undefined) {
      params.push(filter.category);
      conditions.push(`category = $${params.length}`);
    }
    // Read a page at a time, by id: one query for every item held the event loop for seconds at
    // 100,000 items (in PGlite the query and the parsing run on this thread), long enough for
    // /healthz to go unanswered. The order and the filters are the same as one query's.
    const items: Item[] = [];
    params.push('');
    const after = params.length;
    params.push(LIST_PAGE);
    conditions.push(`id COLLATE "C" > $${after}`);
    const sql = `SELECT ${ITEM_COLUMNS} FROM items WHERE ${conditions.join(' AND ')} ORDER BY id COLLATE "C" LIMIT $${after + 1}`;
    for (;;) {
      const rows = await this.db.query<ItemRow>(sql, params);
      for (const row of rows) items.push(itemFromRow(row));
      if (rows.length < LIST_PAGE) return items;
      params[after - 1] = rows[rows.length - 1]!.id;
    }
  }

  async itemHashes(): Promise<Map<string, string>> {
    // In pages, as `listItems`: every change check (each publish, on every instance) reads them all.
    const hashes = new Map<string, string>();
    let after = '';
    for (;;) {
      const rows = await this.db.query<{ id: string; content_hash: string }>(
        'SELECT id, content_hash FROM items WHERE id COLLATE "C" > $1 ORDER BY id COLLATE "C" LIMIT $2',
        [after, HASH_PAGE],
      );
      for (const row of rows) hashes.set(row.id, row.content_hash);
      if (rows.length < HASH_PAGE) return hashes;
      after = rows[rows.length - 1]!.id;
    }
  }

  async getItems(ids: readonly string[]): Promise<Item[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM items WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY id COLLATE "C"`,
      [JSON.stringify(ids)],
    );
    return rows.map(itemFromRow);
  }

  async countItems(): Promise<number> {
    const rows = await this.db.query<{ n: number | string }>('SELECT count(*) AS n FROM items');
    return Number(rows[0]?.n ?? 0);
  }

  /** Takes an item out of what is answered; its versions stay for the history. */
  async deleteItem(id: string): Promise<boolean> {
    return this.db.transaction((tx) => unpublishItem(tx, id));
  }

  watchRevision(onChange: () => void): Promise<() => Promise<void>> {
    return this.db.listen(REVISION_CHANNEL, onChange);
  }

  async revision(): Promise<number> {
    const rows = await this.db.query<{ value: number | string }>('SELECT value FROM store_revision WHERE id = 1');
    if (!rows[0]) throw missingRevisionRow();
    return Number(rows[0].value);
  }

  async getSession(id: string): Promise<SessionState | undefined> {
    return loadSession(this.db, id, this.#now(), this.#sessionIdleMs);
  }

  async saveSession(id: string, state: SessionState): Promise<void> {
    const now = this.#now();
    await saveSessionState(this.db, id, state, now);
    // Sessions are only expired lazily, so abandoned ones are swept now and then.
    if (now.getTime() - this.#lastPurge >= PURGE_INTERVAL_MS) {
      this.#lastPurge = now.getTime();
      await purgeIdleSessions(this.db, now, this.#sessionIdleMs);
    }
  }

  async logQuestion(question: NewQuestion): Promise<void> {
    await insertQuestion(this.db, question, question.askedAt ?? this.#now());
  }

  async getQuestion(id: string): Promise<LoggedQuestion | undefined> {
    return selectQuestion(this.db, id);
  }

  async recordFeedback(id: string, feedback: Feedback): Promise<boolean> {
    return updateFeedback(this.db, id, feedback, this.#now());
  }

  async listQuestions(query: QuestionLogQuery): Promise<QuestionLogPage> {
    return selectQuestionPage(this.db, query);
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

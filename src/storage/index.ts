/**
 * @module storage
 * Opens the store xiaoxin runs on (PostgreSQL when a connection string is given, PGlite in a data
 * folder otherwise), brought up to the current schema.
 */
import { DEFAULT_DATA_DIR, openDb } from './db.js';
import { migrate } from './migrations.js';
import { describeDatabaseUrl } from './postgres-db.js';
import { SqlStore, type SqlStoreOptions } from './sql-store.js';
import type { Store, StoreOptions } from './store.js';

export type {
  Feedback,
  ItemFilter,
  LoggedQuestion,
  NewQuestion,
  QuestionLogPage,
  QuestionLogQuery,
  SessionState,
  Store,
  StoreOptions,
  UpsertResult,
} from './store.js';
export type { Db, DbKind } from './db.js';
export type { Migration } from './migrations.js';
export { DEFAULT_DATA_DIR, openDb } from './db.js';
export { MIGRATIONS, migrate } from './migrations.js';
export { SqlStore, type SqlStoreOptions } from './sql-store.js';
export { SESSION_IDLE_MS } from './sessions.js';
export { AccountRepository, type Account, type LoginSession } from './accounts.js';
export { LoginFailureRepository } from './login-failures.js';
export { AuditLog, MAX_AUDIT_PAGE, type AuditEntry, type AuditQuery, type StoredAuditEntry } from './audit.js';
export {
  InsightsQueries,
  LOW_CONFIDENCE,
  type CountedValue,
  type DailyFigures,
  type HotQuestion,
  type InsightsPeriod,
  type InsightsSummary,
} from './insights.js';
export {
  FOUR_EYES,
  FourEyesError,
  SELF_PUBLISHED,
  VERSION_STATUSES,
  VersionRepository,
  VersionStateError,
  type PublishRule,
  type ItemVersion,
  type UnpublishedItem,
  type VersionStatus,
} from './versions.js';
export {
  CurationOrderError,
  HotQuestionRepository,
  type AnsweredItem,
  type AnsweredItemsQuery,
  type Curation,
  type CurationState,
} from './hot-questions.js';
export { JobRuns } from './job-runs.js';
export {
  EnterpriseRepository,
  ENTERPRISE_STATUSES,
  type Enterprise,
  type EnterpriseListQuery,
  type EnterpriseSession,
  type EnterpriseStatus,
  type EnterpriseUser,
} from './enterprises.js';
export {
  EnterpriseFactRepository,
  type FactChange,
  type FactVersion,
  type FactWrite,
  type StoredFact,
  type StoredFactSource,
} from './enterprise-facts.js';
export {
  NoticeRepository,
  NOTICE_CHANNELS,
  MAX_NOTICES_PER_CREATE,
  type ClaimedDelivery,
  type Delivery,
  type DeliveryStatus,
  type NewNotice,
  type Notice,
  type NoticeChannel,
  type NoticeDetail,
  type NoticeSettings,
  type NoticeToCreate,
  type NoticeVerdict,
} from './notices.js';
export { DirectoryRepository, type EntryChange, type EntryListQuery, type EntryVersion, type EntryWrite } from './directory.js';
export {
  RULE_VERSION_STATUSES,
  RuleVersionRepository,
  SHIPPED_AUTHOR,
  type RuleInput,
  type RuleVersion,
  type RuleVersionStatus,
  type RuleVersionSummary,
  type SeedReport,
  type ShippedRuleInput,
} from './rule-versions.js';
export { describeDatabaseUrl } from './postgres-db.js';

/** Opens the database `options` names, applies pending migrations and returns the store. */
export async function openStore(options: StoreOptions = {}, storeOptions: SqlStoreOptions = {}): Promise<Store> {
  const db = await openDb(options);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return new SqlStore(db, storeOptions);
}

/** The environment variables `resolveStoreOptions` reads. */
export interface StoreEnv {
  DATABASE_URL?: string;
  XIAOXIN_DATA?: string;
  [name: string]: string | undefined;
}

/** The command-line flags `resolveStoreOptions` reads. */
export interface StoreFlags {
  /** `--data <folder>` */
  data?: string;
}

/**
 * Where to store data: `DATABASE_URL` selects PostgreSQL; otherwise the PGlite folder is the
 * `--data` flag, else `XIAOXIN_DATA`, else `./data`. Empty values count as unset, because
 * `XIAOXIN_DATA=` in a compose file or `.env` usually means "not configured".
 */
export function resolveStoreOptions(env: StoreEnv = process.env, flags: StoreFlags = {}): StoreOptions {
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  if (databaseUrl) return { databaseUrl };
  return { dataDir: nonEmpty(flags.data) ?? nonEmpty(env.XIAOXIN_DATA) ?? DEFAULT_DATA_DIR };
}

/** Where `options` keep data, in words for a startup log line; never shows a password. */
export function describeStoreOptions(options: StoreOptions): string {
  if (options.databaseUrl) return `PostgreSQL at ${describeDatabaseUrl(options.databaseUrl)}`;
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  return dataDir.startsWith('memory://') ? 'PGlite in memory (nothing is kept)' : `PGlite in the folder "${dataDir}"`;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

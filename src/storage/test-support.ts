/**
 * @module storage/test-support
 * Helpers for the storage tests: the backends to run them on (a throw-away PostgreSQL database
 * per run when XIAOXIN_TEST_DATABASE_URL is set), sample items and a clock that tests move.
 * Imports no test framework, so it is harmless in a build.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { itemSchema, type Item } from '../knowledge/index.js';
import type { Db } from './db.js';
import type { StoreOptions } from './store.js';

/** A PostgreSQL server to test against, e.g. postgres://xiaoxin:xiaoxin@127.0.0.1:55432/xiaoxin. */
export const TEST_DATABASE_URL = process.env.XIAOXIN_TEST_DATABASE_URL || undefined;

/** A place to keep data for one test run, and the means to throw it away. */
export interface TestTarget {
  options: StoreOptions;
  cleanup(): Promise<void>;
}

export interface TestBackend {
  name: string;
  enabled: boolean;
  /** Whether closing and reopening keeps the data (false for memory://). */
  persistent: boolean;
  create(): Promise<TestTarget>;
}

export const pgliteMemoryBackend: TestBackend = {
  name: 'PGlite in memory',
  enabled: true,
  persistent: false,
  create: async () => ({ options: { dataDir: 'memory://' }, cleanup: async () => undefined }),
};

export const pgliteFolderBackend: TestBackend = {
  name: 'PGlite in a folder',
  enabled: true,
  persistent: true,
  create: async () => {
    const dir = await makeTempDir();
    // Nested and missing, so that opening has to create the folders.
    const dataDir = path.join(dir, 'nested', 'data');
    return { options: { dataDir }, cleanup: () => rm(dir, { recursive: true, force: true }) };
  },
};

export const postgresBackend: TestBackend = {
  name: 'PostgreSQL',
  enabled: TEST_DATABASE_URL !== undefined,
  persistent: true,
  create: createTestDatabase,
};

export async function makeTempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'xiaoxin-storage-'));
}

/**
 * Creates a database with a random name on the server of XIAOXIN_TEST_DATABASE_URL, so that test
 * runs (and test files running in parallel) never see each other's rows. The role needs CREATEDB.
 */
export async function createTestDatabase(): Promise<TestTarget> {
  if (!TEST_DATABASE_URL) throw new Error('xiaoxin storage: XIAOXIN_TEST_DATABASE_URL is not set');
  const name = `xiaoxin_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    options: { databaseUrl: url.toString() },
    // WITH (FORCE) (PostgreSQL 13+) also ends connections a failed test left open.
    cleanup: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withAdminClient(fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

/** Empties a migrated database between tests; cheaper than a new PGlite (seconds each). */
export async function resetDb(db: Db): Promise<void> {
  await db.exec(`
    TRUNCATE items, item_versions, audit_log, accounts, sessions, question_log, job_runs, hot_question_curation, login_failures, directory_entries, directory_entry_versions CASCADE;
    UPDATE store_revision SET value = 0 WHERE id = 1;
  `);
}

/** A clock that stands still until a test moves it. */
export class TestClock {
  #time: number;
  constructor(start = '2025-03-01T08:00:00.000Z') {
    this.#time = Date.parse(start);
  }
  now = (): Date => new Date(this.#time);
  advance(ms: number): void {
    this.#time += ms;
  }
}

export const HOUR = 60 * 60 * 1000;

export function faq(id: string, overrides: Record<string, unknown> = {}): Item {
  return itemSchema.parse({
    kind: 'faq',
    id,
    title: `企业如何办理${id}？`,
    answer: `请携带营业执照到政务服务中心办理${id}。`,
    category: '企业开办',
    ...overrides,
  });
}

export function guide(id: string, overrides: Record<string, unknown> = {}): Item {
  return itemSchema.parse({
    kind: 'guide',
    id,
    title: `${id} 事项办理`,
    department: '行政审批局',
    materials: [{ name: '营业执照', form: '复印件', copies: 1 }],
    steps: ['网上申请', '窗口受理', '审核办结'],
    promisedTimeLimit: '3个工作日',
    category: '工程建设',
    ...overrides,
  });
}

export function policy(id: string, overrides: Record<string, unknown> = {}): Item {
  return itemSchema.parse({
    kind: 'policy',
    id,
    title: `关于支持${id}的若干措施`,
    text: '一、对符合条件的企业给予一次性奖励。',
    issueDate: '2024-05-01',
    ...overrides,
  });
}

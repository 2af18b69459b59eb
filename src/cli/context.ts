/**
 * @module cli/context
 * What the commands share: the validated configuration, the store the flags and environment
 * select (announced on stderr, so that nobody wonders where their data went), and the assistant.
 */
import path from 'node:path';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Assistant, type AssistantOptions } from '../answering/index.js';
import { loadConfig, type Config } from '../config/env.js';
import type { AnalyzerOptions } from '../language/index.js';
import { describeStoreOptions, openStore, resolveStoreOptions, type Store } from '../storage/index.js';

let config: Config | undefined;

/** The configuration, validated on first use; throws `ConfigError` listing every problem. */
export function cliConfig(): Config {
  config ??= loadConfig();
  return config;
}

/** Prints a note for people on stderr, keeping stdout for answers and JSON. */
export function note(message: string): void {
  process.stderr.write(`xiaoxin: ${message}\n`);
}

/** Opens the store named by `--data`, XIAOXIN_DATA or DATABASE_URL (see `resolveStoreOptions`). */
export async function openCliStore(flags: { data?: string }): Promise<Store> {
  const { dataDir, databaseUrl } = cliConfig();
  const options = resolveStoreOptions({ XIAOXIN_DATA: dataDir, DATABASE_URL: databaseUrl }, flags);
  if (options.databaseUrl && flags.data) note(`--data "${flags.data}" is ignored because DATABASE_URL is set`);
  note(`using ${describeStoreOptions(options)}`);
  return openStore(options);
}

/** The assistant's options from the configuration: the hotline, the home zone, and dense retrieval when configured. */
export function assistantOptions(config: Config = cliConfig()): AssistantOptions {
  const { embeddings, hotline, lexiconDir, zoneName } = config;
  const analyzer = lexiconDir ? zoneLexicon(lexiconDir) : undefined;
  return {
    hotline,
    zoneName,
    ...(analyzer ? { analyzer } : {}),
    ...(embeddings ? { embeddings: { baseUrl: embeddings.url, model: embeddings.model, apiKey: embeddings.key } } : {}),
  };
}

/** A zone's word lists, each file optional, added to the shipped ones. */
function zoneLexicon(dir: string): AnalyzerOptions {
  const file = (name: string) => [path.resolve(dir, name)].filter((f) => existsSync(f));
  return {
    synonymFiles: file('synonyms.txt'),
    stopwordFiles: file('stopwords.txt'),
    dictionaryFiles: file('domain-dict.txt'),
    homophoneFiles: file('homophones.txt'),
    questionWordFiles: file('question-words.txt'),
  };
}

/**
 * Where the search index of the store the flags select is saved (answering/index-start): in
 * XIAOXIN_INDEX_DIR if set (`off`: nowhere); else beside a PGlite folder (`./data` → `./data-index/`),
 * or, with PostgreSQL, in this user's folder of the system's temporary folder, one file per
 * database (so several instances on one machine share it). Nowhere for an in-memory store.
 */
export function indexFileFor(flags: { data?: string }, config: Config = cliConfig()): string | undefined {
  if (config.indexDir?.toLowerCase() === 'off') return undefined;
  const store = resolveStoreOptions({ XIAOXIN_DATA: config.dataDir, DATABASE_URL: config.databaseUrl }, flags);
  if (store.databaseUrl) {
    const url = new URL(store.databaseUrl);
    // The database, not the password: a rotated password keeps the same index.
    const database = createHash('sha256').update(`${url.hostname}:${url.port}${url.pathname}?${url.username}`).digest('hex').slice(0, 16);
    const dir = config.indexDir ?? path.join(tmpdir(), `xiaoxin-index-${process.getuid?.() ?? 'user'}`);
    return path.resolve(dir, `search-index-${database}.v8`);
  }
  const dataDir = store.dataDir!;
  if (dataDir.startsWith('memory://')) return undefined;
  return path.resolve(config.indexDir ?? `${path.resolve(dataDir)}-index`, 'search-index.v8');
}

/** Builds the assistant over everything in `store`, or reads its index from where it was saved. */
export async function createAssistant(store: Store, extra: Partial<AssistantOptions> = {}): Promise<Assistant> {
  const options = { log: note, ...assistantOptions(), ...extra };
  if (options.embeddings) note(`dense retrieval on: ${options.embeddings.model} at ${new URL(options.embeddings.baseUrl).host}`);
  return Assistant.create(store, options);
}

/** Runs `fn` with an open store and closes it afterwards, also when `fn` throws. */
export async function withStore<T>(flags: { data?: string }, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openCliStore(flags);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

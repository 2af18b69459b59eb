/**
 * @module storage/pglite-db
 * The `Db` over PGlite (PostgreSQL compiled to WebAssembly, in process): the zero-setup default,
 * kept in a data folder on disk or, with `memory://`, in memory only.
 */
import { constants } from 'node:fs';
import { access, chmod, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Db } from './db.js';
import { lockDataFolder, type FolderLock } from './folder-lock.js';
import { OWNER_ONLY_FOLDER, restrictToOwner } from './owner-only.js';
import { TransactionDb } from './transaction-db.js';

const MEMORY_PREFIX = 'memory://';

/**
 * PostgreSQL's default shared_buffers (128 MB) lives inside PGlite's WebAssembly memory, in the
 * same process as the search index: 16 MB keeps 140–180 MB of RSS for the index (32 MB kept 100–140
 * at 3,000 items; 16 MB another 44 MB at 10,000) while the operating system's page cache still
 * holds the data files. What a request writes (a session, a question-log row) fits many times over.
 */
const PGLITE_SETTINGS = ['-c', 'shared_buffers=16MB'];

/** Opens (creating when missing) a PGlite database in `dataDir`, or in memory for `memory://`. */
export async function openPgliteDb(dataDir: string): Promise<Db> {
  const inMemory = dataDir.startsWith(MEMORY_PREFIX);
  const location = inMemory ? dataDir : await prepareDataFolder(dataDir);
  const lock = inMemory ? undefined : await lockDataFolder(location);
  try {
    const pglite = await PGlite.create(location, { startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] });
    if (!inMemory) await restrictToOwner(location);
    return new PgliteDb(pglite, lock, inMemory ? undefined : location);
  } catch (error) {
    await lock?.release();
    const what = inMemory ? `the in-memory database "${location}"` : `the data folder "${location}"`;
    throw new Error(`xiaoxin storage: cannot open ${what}: ${describeFsError(error)}`, { cause: error });
  }
}

class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  #closed = false;

  constructor(
    private readonly pglite: PGlite,
    private readonly lock: FolderLock | undefined,
    /** The data folder on disk, made owner-only again on close; undefined in memory. */
    private readonly folder: string | undefined,
  ) {}

  async query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    return (await this.pglite.query<T>(sql, params)).rows;
  }

  async exec(sql: string): Promise<void> {
    await this.pglite.exec(sql);
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    // One process holds a PGlite folder: only its own writes notify, which is all there is to hear.
    const stop = await this.pglite.listen(channel, () => onNotify());
    return async () => {
      if (!this.#closed) await stop();
    };
  }

  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    // PGlite has a single connection; its transaction() holds a lock so that other queries on
    // this instance wait instead of landing inside our transaction.
    return this.pglite.transaction(async (tx) => {
      const db = new TransactionDb('pglite', {
        query: async <R>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows,
        exec: async (sql: string) => {
          await tx.exec(sql);
        },
      });
      try {
        return await fn(db);
      } finally {
        db.finish();
      }
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.pglite.close();
      // Files PGlite added while open (new tables, WAL segments) sat inside the closed folder.
      if (this.folder) await restrictToOwner(this.folder);
    } finally {
      await this.lock?.release();
    }
  }
}

/**
 * Makes sure `dataDir` is a folder PGlite can own, and returns its absolute path. PGlite itself
 * fails on a bad path with an error that has no message, and happily initialises a database in
 * any folder, so both cases are checked here first.
 */
async function prepareDataFolder(dataDir: string): Promise<string> {
  const folder = path.resolve(dataDir);
  const fail = (reason: string, cause?: unknown) =>
    new Error(`xiaoxin storage: cannot open the data folder "${folder}": ${reason}`, { cause });

  let isFolder: boolean | undefined;
  try {
    isFolder = (await stat(folder)).isDirectory();
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw fail(describeFsError(error), error);
  }
  if (isFolder === false) throw fail('it is a file, not a folder');

  if (isFolder === undefined) {
    try {
      await mkdir(folder, { recursive: true, mode: OWNER_ONLY_FOLDER });
    } catch (error) {
      throw fail(describeFsError(error), error);
    }
  } else {
    const entries = await readdir(folder).catch((error: unknown) => {
      throw fail(describeFsError(error), error);
    });
    // Hidden files (.gitkeep) and the lost+found of a mounted volume do not make a folder "used".
    const visible = entries.filter((name) => !name.startsWith('.') && name !== 'lost+found');
    if (visible.length > 0 && !visible.includes('PG_VERSION')) {
      const sample = visible.slice(0, 3).join('", "');
      throw fail(`it already holds other files ("${sample}") and no xiaoxin database; use an empty or new folder`);
    }
  }

  try {
    await access(folder, constants.R_OK | constants.W_OK);
    // Closed before PGlite writes its first file (mkdir's mode is reduced by the umask).
    await chmod(folder, OWNER_ONLY_FOLDER);
  } catch (error) {
    throw fail(describeFsError(error), error);
  }
  return folder;
}

const FS_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EEXIST: 'a file is in the way',
};

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function describeFsError(error: unknown): string {
  const code = errorCode(error);
  if (code && FS_REASONS[code]) return `${FS_REASONS[code]} (${code})`;
  if (error instanceof Error && error.message) return error.message;
  // Emscripten's file system errors carry only an errno.
  const errno = (error as { errno?: unknown } | null)?.errno;
  return typeof errno === 'number' ? `file system error (errno ${errno})` : String(error);
}

/**
 * @module storage/folder-lock
 * One process at a time per PGlite data folder. PGlite does not check, and two processes writing
 * one folder (say `xiaoxin serve` and `xiaoxin import` run side by side) corrupt the database.
 */
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Hidden, so that the data folder still counts as empty before PGlite initialises it. */
export const LOCK_FILE = '.xiaoxin.lock';

interface LockOwner {
  pid: number;
  hostname: string;
  since: string;
}

export interface FolderLock {
  release(): Promise<void>;
}

/** Folders locked by this process: a PGlite instance opened twice in one process corrupts as well. */
const heldHere = new Set<string>();

/** Takes the lock on `folder` (an absolute path), reclaiming it from a process that has died. */
export async function lockDataFolder(folder: string): Promise<FolderLock> {
  const file = path.join(folder, LOCK_FILE);
  const inUse = (reason: string) =>
    new Error(
      `xiaoxin storage: the data folder "${folder}" is in use: ${reason}. Only one process can use a ` +
        `PGlite data folder; to share data between processes use PostgreSQL (DATABASE_URL)`,
    );
  if (heldHere.has(folder)) throw inUse('it is already open in this process; close that store first');
  // Reserved before any await, so that two opens racing in this process cannot both get through.
  heldHere.add(folder);
  try {
    return await takeLockFile(folder, file, inUse);
  } catch (error) {
    heldHere.delete(folder);
    throw error;
  }
}

async function takeLockFile(folder: string, file: string, inUse: (reason: string) => Error): Promise<FolderLock> {
  const me: LockOwner = { pid: process.pid, hostname: os.hostname(), since: new Date().toISOString() };
  // Written in full under a private name, then linked into place: link() fails if the lock exists,
  // so taking it is atomic and nobody ever reads a half-written lock file.
  const draft = `${file}.${process.pid}.${Date.now()}`;
  await writeFile(draft, JSON.stringify(me)).catch((error: unknown) => {
    throw cannotOpen(folder, `cannot write ${draft}`, error);
  });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(draft, file);
        return { release: releaser(folder, file) };
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw cannotOpen(folder, `cannot create ${file}`, error);
      }
      const owner = await readOwner(file);
      if (owner && isAlive(owner)) {
        const who = `process ${owner.pid} on ${owner.hostname}`;
        throw inUse(`${who} has had it open since ${owner.since} (lock file ${file})`);
      }
      // The owner died without releasing the lock; take it over.
      await unlink(file).catch(() => undefined);
    }
    throw inUse(`other processes keep taking the lock file ${file}`);
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

function releaser(folder: string, file: string): () => Promise<void> {
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    heldHere.delete(folder);
    await unlink(file).catch(() => undefined);
  };
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.hostname === 'string') {
      return { pid: owner.pid, hostname: owner.hostname, since: String(owner.since ?? 'an unknown time') };
    }
  } catch {
    // Unreadable or vanished: treated as stale below.
  }
  return undefined;
}

function isAlive(owner: LockOwner): boolean {
  // A process on another machine (a shared network folder) cannot be checked; assume it runs.
  if (owner.hostname !== os.hostname()) return true;
  // Our own pid, yet this process held no lock on the folder (checked before): a previous life of
  // this pid, as after a container restart where xiaoxin is always pid 1.
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return errorCode(error) === 'EPERM';
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function cannotOpen(folder: string, what: string, cause: unknown): Error {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new Error(`xiaoxin storage: cannot open the data folder "${folder}": ${what}: ${reason}`, { cause });
}

/**
 * The PGlite data folder holds accounts and sessions: nobody but its owner may read it, whatever
 * the umask of the process and however the folder was left by an older version.
 */
import { chmod, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../test/temp-dir.js';
import { openStore } from './index.js';
import { faq } from './test-support.js';

const temp = useTempDir('xiaoxin-modes-');

/** Every entry under `folder` (itself included) whose mode lets the group or others in. */
async function openToOthers(folder: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (entry: string) => {
    const info = await stat(entry);
    if ((info.mode & 0o077) !== 0) found.push(`${path.relative(folder, entry) || '.'} ${(info.mode & 0o777).toString(8)}`);
    if (info.isDirectory()) for (const name of await readdir(entry)) await visit(path.join(entry, name));
  };
  await visit(folder);
  return found;
}

describe('the PGlite data folder', () => {
  let umask: number;
  beforeEach(() => {
    // The most permissive umask there is, as a container or a careless service file may set.
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
  });

  it('is readable by its owner only, while open and after closing', async () => {
    const dataDir = path.join(temp.dir, 'new');
    const store = await openStore({ dataDir });
    try {
      await store.upsertItems([faq('modes')]);
      expect(await openToOthers(dataDir)).toEqual([]);
      expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    } finally {
      await store.close();
    }
    expect(await openToOthers(dataDir)).toEqual([]);
  }, 60_000);

  it('is closed again when an older version left it open to everyone', async () => {
    const dataDir = path.join(temp.dir, 'old');
    await (await openStore({ dataDir })).close();
    const opened = async (dir: string): Promise<void> => {
      await chmod(dir, 0o777);
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await opened(full);
        else await chmod(full, 0o666);
      }
    };
    await opened(dataDir);
    const store = await openStore({ dataDir });
    try {
      expect(await openToOthers(dataDir)).toEqual([]);
    } finally {
      await store.close();
    }
  }, 60_000);
});

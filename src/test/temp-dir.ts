/**
 * @module test/temp-dir
 * A throw-away folder for one test file: created before its tests, removed after them, with a
 * helper that writes a file (and its parent folders) into it and returns the file's path.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

export interface TempDir {
  /** The folder's path (set once the file's `beforeAll` has run). */
  readonly dir: string;
  write(name: string, content: string | Uint8Array): Promise<string>;
}

export function useTempDir(prefix: string): TempDir {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    async write(name, content) {
      const path = join(dir, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      return path;
    },
  };
}

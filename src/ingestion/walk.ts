/**
 * @module ingestion/walk
 * Expands the paths given to an import into the files to read: folders recursed in sorted
 * order, hidden files and Office lock files skipped, the eval question set left out.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { errorMessage } from './reader.js';
import type { ImportProblem } from './types.js';

export interface Walk {
  files: string[];
  problems: ImportProblem[];
}

export async function expandPaths(paths: string[]): Promise<Walk> {
  const walk: Walk = { files: [], problems: [] };
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const addFile = async (file: string) => {
    const real = await realpath(file);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    walk.files.push(file);
  };
  const visitDir = async (dir: string) => {
    // A symlink back up the tree would otherwise recurse forever.
    const real = await realpath(dir);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    const names = (await readdir(dir)).filter((n) => !n.startsWith('.') && !n.startsWith('~$')).sort(byCodePoint);
    for (const name of names) {
      if (isEvalQuestions(name, names)) continue;
      const path = join(dir, name);
      const info = await stat(path).catch(() => undefined);
      if (info?.isDirectory()) await visitDir(path);
      else if (info?.isFile()) await addFile(path);
    }
  };
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) await visitDir(path);
      else await addFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      walk.problems.push({ file: path, message: code === 'ENOENT' ? 'no such file or folder' : errorMessage(error) });
    }
  }
  return walk;
}

/** `questions.jsonl` beside `corpus.jsonl` is an eval question set, not items (shared/eval/FORMAT.md). */
export function isEvalQuestions(name: string, siblings: string[]): boolean {
  return name === 'questions.jsonl' && siblings.includes('corpus.jsonl');
}

/** The sibling names of a file, for `isEvalQuestions` when the file was named directly. */
export async function siblingsOf(file: string): Promise<string[]> {
  const dir = join(file, '..');
  return readdir(dir).catch(() => [basename(file)]);
}

/** Sorted by code point, not locale: the same order on every machine. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * @module demo/load
 * The demo knowledge base of the fictional 星河高新区 (`demo/*.jsonl` in the package), plus the
 * seed newspaper pages as articles when their folder is there. `demo/README.md` describes the
 * data and is not itself knowledge, so only the JSONL files are read.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, importPaths, type ImportResult } from '../ingestion/index.js';
import type { Store, UpsertResult } from '../storage/index.js';

/** `demo/` at the package root; the same relative path from `src/demo/` and from `dist/demo/`. */
/** The fictional zone the demo knowledge base belongs to; the web app's name under `serve --demo`. */
export const DEMO_ZONE_NAME = '星河高新区';

export const DEMO_DIR = fileURLToPath(new URL('../../demo/', import.meta.url));

export interface DemoOptions {
  /** Folder of seed pages (TXT) to import as articles; skipped, with a note, when undefined. */
  seedsDir?: string;
}

export interface DemoLoad {
  imported: ImportResult;
  stored: UpsertResult;
  /** What a person should know about the load (missing seeds, skipped rows). */
  notes: string[];
}

/** The demo's JSONL files, in name order. */
export async function demoFiles(dir: string = DEMO_DIR): Promise<string[]> {
  const names = await readdir(dir).catch((error: unknown) => {
    throw new Error(`xiaoxin demo: cannot read the demo folder "${dir}": ${(error as Error).message}`);
  });
  return names
    .filter((n) => n.endsWith('.jsonl'))
    .sort()
    .map((n) => path.join(dir, n));
}

/** Imports the demo into `store` in one transaction (unchanged items stay as they are). */
export async function loadDemo(store: Store, options: DemoOptions = {}): Promise<DemoLoad> {
  const files = await demoFiles();
  if (files.length === 0) throw new Error(`xiaoxin demo: no .jsonl files in "${DEMO_DIR}"`);
  const imported = await importPaths(files);
  const notes: string[] = [];
  if (options.seedsDir) {
    const seeds = await importPaths([options.seedsDir], { kind: 'article' });
    // concat, not push(...): a large seeds folder would overflow the call stack.
    imported.items = imported.items.concat(seeds.items);
    imported.problems = imported.problems.concat(seeds.problems);
    imported.files = imported.files.concat(seeds.files);
  } else {
    notes.push('no seed pages folder (set XIAOXIN_SEEDS_DIR to add the newspaper pages as articles); loading the demo without them');
  }
  if (imported.problems.length > 0) {
    notes.push(`${imported.problems.length} demo rows were skipped; first: ${formatProblem(imported.problems[0]!)}`);
  }
  const stored = await store.upsertItems(imported.items);
  return { imported, stored, notes };
}

/** Loads the demo only into an empty store, so that `serve --demo` never mixes it into real data. */
export async function loadDemoIfEmpty(store: Store, options: DemoOptions = {}): Promise<DemoLoad | undefined> {
  if ((await store.countItems()) > 0) return undefined;
  return loadDemo(store, options);
}

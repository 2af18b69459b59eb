/**
 * @module demo/directory
 * The demo zone's 七找 directory (`demo/directory/*.json`: departments and windows, funds, service
 * providers, space, market and talent posts), loaded as published entries when the directory is
 * empty. Fictional throughout: phone numbers are the demo's 0000- ones.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkEntry } from '../directory/field-errors.js';
import type { DirectoryEntry } from '../directory/model.js';
import type { Store } from '../storage/index.js';

export const DEMO_DIRECTORY_DIR = fileURLToPath(new URL('../../demo/directory/', import.meta.url));

/** Every entry of the demo directory, validated; a bad one throws naming its file, index and field. */
export async function demoDirectoryEntries(dir: string = DEMO_DIRECTORY_DIR): Promise<DirectoryEntry[]> {
  const files = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const entries: DirectoryEntry[] = [];
  for (const file of files) {
    const data = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as unknown[];
    data.forEach((input, i) => {
      const checked = checkEntry(input);
      if (!checked.ok) throw new Error(`xiaoxin demo: ${file}[${i}]: ${checked.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
      entries.push(checked.entry);
    });
  }
  return entries;
}

/** Loads the demo directory into an empty directory (never beside a zone's own); how many were stored. */
export async function loadDemoDirectoryIfEmpty(store: Store): Promise<number> {
  if ((await store.directory.list()).length > 0 || (await store.directory.list({ status: 'archived' })).length > 0) return 0;
  const entries = await demoDirectoryEntries();
  await store.transaction(async (tx) => {
    for (const entry of entries) await tx.directory.create({ entry, status: 'published', change: 'created' }, 'demo');
  });
  return entries.length;
}

/**
 * @module search/index-file
 * A built search index saved in a file beside the store, and read back at the next start instead
 * of analysing every item again (at ten thousand items: seconds instead of most of a minute).
 *
 * The file is one header line of JSON, then the index's state (search/index-state) and the content
 * hash of every item it holds, serialised by `node:v8`, which writes and reads Maps as they are.
 * The header names the format, a fingerprint of everything the analysis depends on besides the
 * items (the code of the analyzer and the index, the lexicon files, the ranking weights, the home
 * zone, the libraries' versions) and the payload's length and SHA-256: a file from another version,
 * another lexicon, a half-written or damaged file is never read as an index, only reported. The
 * items themselves are checked by their hashes against the store (answering/store-changes), so a
 * file saved before the last publish is brought up to date item by item.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import type { TextAnalyzer } from '../language/index.js';
import type { SearchIndexState } from './index-state.js';
import type { RankingWeights } from './ranking.js';

/** Bumped when the file's layout or the state's shape changes. */
const FORMAT = 'xiaoxin-search-index/1';
/** A header line is a few hundred bytes; anything longer is not ours. */
const MAX_HEADER_BYTES = 4096;
/** The libraries whose output the index holds. */
const LIBRARIES = ['@node-rs/jieba', 'pinyin-pro', 'opencc-js', 'minisearch'];

interface Header {
  format: string;
  fingerprint: string;
  bytes: number;
  sha256: string;
  items: number;
  savedAt: string;
}

export interface SavedIndex {
  state: SearchIndexState;
  /** Id → content hash of the items the state holds. */
  hashes: Map<string, string>;
}

export type LoadedIndex = { saved: SavedIndex } | { missing: true } | { problem: string };

/**
 * What an index's analysis depends on besides the items: when any of it changes, a saved index
 * is built again rather than read. The code counts as a whole (every source file of the analyzer
 * and the index, as they run), so no upgrade can read an index its predecessor analysed.
 */
export function indexFingerprint(analyzer: TextAnalyzer, weights: RankingWeights, homeZone: string | undefined): string {
  const hash = createHash('sha256');
  const part = (name: string, value: string | Buffer) => hash.update(`${name}\u0000`).update(value).update('\u0000');
  part('format', FORMAT);
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, join(here, '..', 'language'), join(here, '..', 'knowledge')]) {
    for (const name of readdirSync(dir).sort()) {
      if (/\.(ts|js)$/.test(name) && !/\.test\.|test-support/.test(name)) part(`${basename(dir)}/${name}`, readFileSync(join(dir, name)));
    }
  }
  for (const file of analyzer.lexiconFiles) part(`lexicon ${file}`, existsSync(file) ? readFileSync(file) : '(none)');
  const require = createRequire(import.meta.url);
  for (const name of LIBRARIES) part(`library ${name}`, libraryVersion(require, name));
  part('weights', JSON.stringify(weights));
  part('zone', homeZone ?? '');
  return hash.digest('hex');
}

function libraryVersion(require: NodeJS.Require, name: string): string {
  try {
    let dir = dirname(require.resolve(name));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Why the folder may not hold an index xiaoxin reads (another user could have put one there), or
 * undefined: it must be this user's and writable by nobody else. A folder not there yet is fine.
 */
async function folderProblem(dir: string): Promise<string | undefined> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isDirectory()) return `${dir} is not a folder`;
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) return `${dir} belongs to another user`;
  if (info.mode & 0o022) return `${dir} is writable by other users`;
  return undefined;
}

/**
 * Writes the index to `file` (its folder made owner-only if new): to a temporary file first, then
 * renamed over the old one, so that a reader never sees half a file. Serialising takes the event
 * loop for about a second at ten thousand items: call it where nobody waits (after a start-up build).
 */
export async function saveIndex(file: string, fingerprint: string, saved: SavedIndex): Promise<void> {
  const payload = v8.serialize(saved);
  const header: Header = {
    format: FORMAT,
    fingerprint,
    bytes: payload.length,
    sha256: createHash('sha256').update(payload).digest('hex'),
    items: saved.state.items.size,
    savedAt: new Date().toISOString(),
  };
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const unsafe = await folderProblem(dirname(file));
  if (unsafe) throw new Error(unsafe);
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(header)}\n`);
    await handle.writeFile(payload);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await chmod(temporary, 0o600);
  await rename(temporary, file).catch(async (error: unknown) => {
    await rm(temporary, { force: true });
    throw error;
  });
}

/** Reads a saved index, if `file` holds one made with the same fingerprint; else says why not. */
export async function loadIndex(file: string, fingerprint: string): Promise<LoadedIndex> {
  const unsafe = await folderProblem(dirname(file));
  if (unsafe) return { problem: `${unsafe}, so the search index saved there is not read` };
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return { problem: `cannot read ${file}: ${(error as Error).message}` };
  }
  const end = data.subarray(0, MAX_HEADER_BYTES).indexOf(0x0a);
  if (end < 0) return { problem: `${file} is not a saved search index (no header line)` };
  let header: Partial<Header>;
  try {
    header = JSON.parse(data.subarray(0, end).toString('utf8')) as Partial<Header>;
  } catch {
    return { problem: `${file} is not a saved search index (its header is not JSON)` };
  }
  if (header.format !== FORMAT) return { problem: `${file} was saved in another format (${String(header.format)})` };
  if (header.fingerprint !== fingerprint) return { problem: `${file} was made by another version of xiaoxin or with other word lists or settings` };
  const payload = data.subarray(end + 1);
  if (payload.length !== header.bytes) return { problem: `${file} is cut short or too long (${payload.length} bytes, header says ${String(header.bytes)})` };
  if (createHash('sha256').update(payload).digest('hex') !== header.sha256) return { problem: `${file} is damaged (its checksum does not match)` };
  try {
    const saved = v8.deserialize(payload) as SavedIndex;
    if (!(saved?.hashes instanceof Map) || !(saved.state?.items instanceof Map)) return { problem: `${file} does not hold an index` };
    return { saved };
  } catch (error) {
    return { problem: `${file} cannot be read back: ${(error as Error).message}` };
  }
}

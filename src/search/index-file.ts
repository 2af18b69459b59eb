/**
 * @module search/index-file
 * A built search index saved in a file beside the store, and read back at the next start instead
 * of analysing every item again (at ten thousand items: seconds instead of most of a minute).
 *
 * The file is one header line of JSON, then the index's state (search/index-state) and the content
 * hash of every item it holds, serialised by `node:v8`, which writes and reads Maps as they are,
 * then the blocks of packed postings (search/packed-postings) as they lie in memory: written
 * without a copy and read straight into the arrays the index searches (a copy of them through
 * `node:v8` was most of the file and, at a hundred thousand items, a gigabyte at start-up).
 * The header names the format, a fingerprint of everything the analysis depends on besides the
 * items (the code of the analyzer and the index, the lexicon files, the ranking weights, the home
 * zone, the libraries' versions) and the payload's length and SHA-256: a file from another version,
 * another lexicon, a half-written or damaged file is never read as an index, only reported. The
 * items themselves are checked by their hashes against the store (answering/store-changes), so a
 * file saved before the last publish is brought up to date item by item.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { endianness } from 'node:os';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import type { TextAnalyzer } from '../language/index.js';
import type { SearchIndexState } from './index-state.js';
import type { RankingWeights } from './ranking.js';

/** Bumped when the file's layout or the state's shape changes. */
const FORMAT = 'xiaoxin-search-index/2';
/** A header line is a few hundred bytes; anything longer is not ours. */
const MAX_HEADER_BYTES = 4096;
/** The libraries whose output the index holds. */
const LIBRARIES = ['@node-rs/jieba', 'pinyin-pro', 'opencc-js', 'minisearch'];

interface Header {
  format: string;
  fingerprint: string;
  /** Bytes of the `node:v8` part. */
  bytes: number;
  /** Words of each block of postings after it, in the order the state lists them. */
  blocks: number[];
  /** Of the `node:v8` part and the blocks. */
  sha256: string;
  /** The byte order the blocks were written in (the machine's). */
  endian: string;
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

/** The blocks of postings are written and read as the machine holds them; the header says which order that is. */
const ENDIAN = endianness();

/** The state's blocks of postings, in the order written; the state holds their numbers meanwhile. */
function blockLists(state: SearchIndexState): Uint32Array[][] {
  return [state.itemIndex.blocks, state.passageIndex.blocks];
}

const bytesOf = (words: Uint32Array): Uint8Array => new Uint8Array(words.buffer, words.byteOffset, words.byteLength);

/**
 * Writes the index to `file` (its folder made owner-only if new): to a temporary file first, then
 * renamed over the old one, so that a reader never sees half a file. Serialising takes the event
 * loop for about a second at ten thousand items: call it where nobody waits (after a start-up build).
 */
export async function saveIndex(file: string, fingerprint: string, saved: SavedIndex): Promise<void> {
  const lists = blockLists(saved.state);
  const blocks = lists.flat();
  // The `node:v8` part holds how many blocks each index has; the blocks follow it.
  const payload = v8.serialize({ ...saved, state: { ...saved.state, itemIndex: { ...saved.state.itemIndex, blocks: lists[0]!.length }, passageIndex: { ...saved.state.passageIndex, blocks: lists[1]!.length } } });
  const hash = createHash('sha256').update(payload);
  for (const block of blocks) hash.update(bytesOf(block));
  const header: Header = {
    format: FORMAT,
    fingerprint,
    bytes: payload.length,
    blocks: blocks.map((block) => block.length),
    sha256: hash.digest('hex'),
    items: saved.state.items.size,
    savedAt: new Date().toISOString(),
    endian: ENDIAN,
  };
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const unsafe = await folderProblem(dirname(file));
  if (unsafe) throw new Error(unsafe);
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(header)}\n`);
    await handle.writeFile(payload);
    for (const block of blocks) await handle.writeFile(bytesOf(block));
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
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return { problem: `cannot read ${file}: ${(error as Error).message}` };
  }
  try {
    return await readIndex(handle, file, fingerprint);
  } catch (error) {
    return { problem: `cannot read ${file}: ${(error as Error).message}` };
  } finally {
    await handle.close();
  }
}

async function readIndex(handle: FileHandle, file: string, fingerprint: string): Promise<LoadedIndex> {
  const size = (await handle.stat()).size;
  const start = Buffer.alloc(Math.min(MAX_HEADER_BYTES, size));
  await readExactly(handle, start, 0);
  const end = start.indexOf(0x0a);
  if (end < 0) return { problem: `${file} is not a saved search index (no header line)` };
  let header: Partial<Header>;
  try {
    header = JSON.parse(start.subarray(0, end).toString('utf8')) as Partial<Header>;
  } catch {
    return { problem: `${file} is not a saved search index (its header is not JSON)` };
  }
  if (header.format !== FORMAT) return { problem: `${file} was saved in another format (${String(header.format)})` };
  if (header.fingerprint !== fingerprint) return { problem: `${file} was made by another version of xiaoxin or with other word lists or settings` };
  if (header.endian !== ENDIAN) return { problem: `${file} was saved on a machine of another byte order (${String(header.endian)})` };
  const blockWords = header.blocks;
  if (typeof header.bytes !== 'number' || !Array.isArray(blockWords) || !blockWords.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    return { problem: `${file} is not a saved search index (its header lacks the sizes)` };
  }
  const expected = end + 1 + header.bytes + 4 * blockWords.reduce((sum, n) => sum + n, 0);
  if (size !== expected) return { problem: `${file} is cut short or too long (${size} bytes, header says ${expected})` };
  const payload = Buffer.alloc(header.bytes);
  let at = end + 1;
  await readExactly(handle, payload, at);
  at += payload.length;
  const hash = createHash('sha256').update(payload);
  const blocks: Uint32Array[] = [];
  for (const words of blockWords) {
    const block = new Uint32Array(words);
    await readExactly(handle, bytesOf(block), at);
    at += block.byteLength;
    hash.update(bytesOf(block));
    blocks.push(block);
  }
  if (hash.digest('hex') !== header.sha256) return { problem: `${file} is damaged (its checksum does not match)` };
  try {
    const saved = v8.deserialize(payload) as SavedIndex;
    if (!(saved?.hashes instanceof Map) || !(saved.state?.items instanceof Map)) return { problem: `${file} does not hold an index` };
    // The blocks back into the state: each index's share, in the order they were written.
    const counts = [saved.state.itemIndex.blocks, saved.state.passageIndex.blocks] as unknown as number[];
    if (counts[0]! + counts[1]! !== blocks.length) return { problem: `${file} does not hold an index (its blocks do not add up)` };
    saved.state.itemIndex.blocks = blocks.slice(0, counts[0]);
    saved.state.passageIndex.blocks = blocks.slice(counts[0]);
    return { saved };
  } catch (error) {
    return { problem: `${file} cannot be read back: ${(error as Error).message}` };
  }
}

/** Fills `target` from the file at `position`, or throws when the file ends first. */
async function readExactly(handle: FileHandle, target: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < target.length; ) {
    const { bytesRead } = await handle.read(target, done, target.length - done, position + done);
    if (bytesRead === 0) throw new Error('the file ended early');
    done += bytesRead;
  }
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateItem, type Item } from '../knowledge/index.js';
import { openStore, type Store } from '../storage/index.js';
import { loadDemo } from '../demo/load.js';
import { Assistant } from './assistant.js';

const valid = (fields: Record<string, unknown>): Item => {
  const checked = validateItem(fields);
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return checked.item;
};

const QUESTIONS = ['办营业执照要带什么材料', '人才公寓怎么申请', '租厂房有没有补贴', '公积金怎么提取'];
const answersOf = async (assistant: Assistant) => Promise.all(QUESTIONS.map(async (q) => (await assistant.respond(q)).answer));

let store: Store;
let dir: string;

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  await loadDemo(store);
  dir = await mkdtemp(join(tmpdir(), 'xiaoxin-index-start-'));
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** An assistant started with `indexFile`, and what it said about its index. */
async function start(indexFile: string): Promise<{ assistant: Assistant; notes: string[] }> {
  const notes: string[] = [];
  const assistant = await Assistant.create(store, { today: '2025-06-01', zoneName: '星河高新区', indexFile, log: (m) => notes.push(m) });
  return { assistant, notes };
}

describe('the search index at start-up', () => {
  it('is built and saved at the first start, read back at the next, and brought up to the store item by item', async () => {
    const file = join(dir, 'a', 'search-index.v8');
    const first = await start(file);
    expect(first.notes).toEqual([expect.stringMatching(/^search index built \(\d+ items\)/)]);
    const before = await answersOf(first.assistant);

    const second = await start(file);
    expect(second.notes).toEqual([expect.stringMatching(new RegExp(`^search index read from .*search-index\\.v8 \\(${first.assistant.searchIndex.size} items\\) in`))]);
    expect(await answersOf(second.assistant)).toEqual(before);

    // Published while it was down: the saved index catches up with this item alone, and saves again.
    await store.upsertItems([valid({ id: 'faq-rent', kind: 'faq', title: '租厂房有没有补贴', answer: '租用区内厂房的科技企业，可申请每平方米每月10元的厂房租金补贴，最长三年。' })]);
    const third = await start(file);
    expect(third.notes).toEqual([expect.stringMatching(/\(\d+ items, 1 changed since it was saved\)/)]);
    const fresh = await Assistant.create(store, { today: '2025-06-01', zoneName: '星河高新区' });
    const caughtUp = await answersOf(third.assistant);
    expect(caughtUp).toEqual(await answersOf(fresh));
    expect(caughtUp[2]!.citations[0]?.id).toBe('faq-rent');
    const fourth = await start(file);
    expect(fourth.notes).toEqual([expect.stringMatching(/^search index read from .*\(\d+ items\) in/)]);
  });

  it('is built again, saying why, when its file is damaged, and answers when it cannot be saved', async () => {
    const file = join(dir, 'b', 'search-index.v8');
    await start(file);
    await writeFile(file, 'not an index\n');
    const again = await start(file);
    expect(again.notes[0]).toMatch(/is not a saved search index .*: building the search index from the store/);
    expect(again.notes[1]).toMatch(/^search index built/);

    // A file where a folder should be: nothing can be saved, the assistant answers all the same.
    const blocked = join(dir, 'blocked');
    await writeFile(blocked, '');
    const unsaved = await start(join(blocked, 'search-index.v8'));
    expect(unsaved.notes.at(-1)).toMatch(/could not be saved to .*; the next start builds it again/);
    expect((await unsaved.assistant.respond(QUESTIONS[0]!)).answer.citations.length).toBeGreaterThan(0);
  });
});

import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateItem, type Item } from '../knowledge/index.js';
import { TextAnalyzer } from '../language/index.js';
import { openStore } from '../storage/index.js';
import { loadDemo } from '../demo/load.js';
import { indexFingerprint, loadIndex, saveIndex } from './index-file.js';
import { DEFAULT_RANKING } from './ranking.js';
import { SearchIndex } from './search-index.js';

const QUESTIONS = [
  '办营业执照要带啥',
  '人才公寓咋申请',
  '失业保险今怎么领',
  '公积金提取需要什么材料',
  '高新技术企业认定有什么条件',
  '个体户注册去哪个窗口',
  '研发费用加计扣除比例是多少',
  '星河高新区对专精特新企业奖励多少钱',
  '社保卡丢了怎么办',
  '外地人孩子上学要什么手续',
  '办事大厅周末上班吗',
  '厂房租金有补贴吗',
];

/** What a question gets from an index: the items, their scores and passages, in order. */
const answersOf = (index: SearchIndex) =>
  QUESTIONS.map((q) => index.search(q, { today: '2025-06-01' }).hits.map((h) => [h.item.id, h.score, h.matchedShare, h.passages.map((p) => [p.passage.key, p.score])]));

const valid = (fields: Record<string, unknown>): Item => {
  const checked = validateItem(fields);
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return checked.item;
};

let items: Item[];
let dir: string;

beforeAll(async () => {
  const store = await openStore({ dataDir: 'memory://' });
  await loadDemo(store);
  items = await store.listItems();
  await store.close();
  dir = await mkdtemp(join(tmpdir(), 'xiaoxin-index-file-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a saved search index', () => {
  it('answers exactly as the index it was saved from, before and after the same update', async () => {
    const built = await SearchIndex.build(items, new TextAnalyzer(), undefined, { homeZone: '星河高新区' });
    const analyzer = new TextAnalyzer();
    const fingerprint = indexFingerprint(analyzer, DEFAULT_RANKING, '星河高新区');
    const file = join(dir, 'exact.v8');
    const hashes = new Map(items.map((i) => [i.id, `h-${i.id}`]));
    await saveIndex(file, fingerprint, { state: built.state(), hashes });
    const loaded = await loadIndex(file, fingerprint);
    if (!('saved' in loaded)) throw new Error(JSON.stringify(loaded));
    expect(loaded.saved.hashes).toEqual(hashes);
    const restored = SearchIndex.restore(loaded.saved.state, analyzer, undefined, { homeZone: '星河高新区' });
    expect(restored.size).toBe(built.size);
    expect(answersOf(restored)).toEqual(answersOf(built));

    // The same change on both: one guide rewritten, one FAQ withdrawn, a new FAQ.
    const guide = items.find((i) => i.kind === 'guide')!;
    const faq = items.find((i) => i.kind === 'faq')!;
    const changes = {
      upserts: [
        { ...guide, title: `${guide.title}（新版）` },
        valid({ id: 'new-faq', kind: 'faq', title: '租厂房有没有租金补贴', answer: '租用区内厂房的科技企业，可申请每平方米每月10元的厂房租金补贴，最长三年。' }),
      ],
      removals: [faq.id],
    };
    await built.update(changes);
    await restored.update(changes);
    expect(answersOf(restored)).toEqual(answersOf(built));
    expect(restored.search('厂房租金有补贴吗').hits[0]?.item.id).toBe('new-faq');
  });

  it('is refused, with the reason, when missing, from other settings, cut short, damaged or not an index', async () => {
    const analyzer = new TextAnalyzer();
    const fingerprint = indexFingerprint(analyzer, DEFAULT_RANKING, undefined);
    const small = await SearchIndex.build(items.slice(0, 20), analyzer);
    const file = join(dir, 'small.v8');
    await saveIndex(file, fingerprint, { state: small.state(), hashes: new Map() });
    const whole = await readFile(file);

    expect(await loadIndex(join(dir, 'none.v8'), fingerprint)).toEqual({ missing: true });
    expect(indexFingerprint(analyzer, { ...DEFAULT_RANKING, window: 2 }, undefined)).not.toBe(fingerprint);
    expect(indexFingerprint(analyzer, DEFAULT_RANKING, '星河高新区')).not.toBe(fingerprint);
    expect(await loadIndex(file, 'another')).toEqual({ problem: expect.stringMatching(/another version of xiaoxin or with other word lists/) });

    const damaged = Buffer.from(whole);
    const at = damaged.length - 10;
    damaged.writeUInt8(damaged.readUInt8(at) ^ 0xff, at);
    const cases: [Buffer | string, RegExp][] = [
      [whole.subarray(0, whole.length - 100), /cut short/],
      [damaged, /damaged/],
      ['x'.repeat(10_000), /no header line/],
      ['{"format":\n', /not JSON/],
      [`${JSON.stringify({ format: 'xiaoxin-search-index/0' })}\n`, /another format/],
    ];
    for (const [content, reason] of cases) {
      await writeFile(file, content);
      expect(await loadIndex(file, fingerprint)).toEqual({ problem: expect.stringMatching(reason) });
    }
  });

  it('is neither read from nor written to a folder other users may write to', async () => {
    const shared = join(dir, 'shared');
    await mkdir(shared);
    await chmod(shared, 0o777);
    const analyzer = new TextAnalyzer();
    const small = await SearchIndex.build(items.slice(0, 5), analyzer);
    const file = join(shared, 'search-index.v8');
    await expect(saveIndex(file, 'f', { state: small.state(), hashes: new Map() })).rejects.toThrow(/writable by other users/);
    await writeFile(file, 'planted');
    expect(await loadIndex(file, 'f')).toEqual({ problem: expect.stringMatching(/writable by other users, so the search index saved there is not read/) });
  });
});

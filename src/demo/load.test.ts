/**
 * Integration test: the demo knowledge base loaded into a real store (PGlite always, PostgreSQL
 * when XIAOXIN_TEST_DATABASE_URL is set) and real questions answered end to end.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant, type Answer } from '../answering/index.js';
import { openStore, type Store } from '../storage/index.js';
import { pgliteMemoryBackend, postgresBackend, type TestTarget } from '../storage/test-support.js';
import { DEMO_DIR, demoFiles, loadDemo, loadDemoIfEmpty, type DemoLoad } from './load.js';

/** The seed pages beside the checkout (absent in a bare clone: the article test is skipped). */
const SEEDS = path.resolve(DEMO_DIR, '..', '..', 'shared', 'context', 'seeds');
const hasSeeds = existsSync(SEEDS);

describe('demoFiles', () => {
  it('lists the three JSONL files and never the README', async () => {
    expect((await demoFiles()).map((f) => path.basename(f))).toEqual(['faqs.jsonl', 'guides.jsonl', 'policies.jsonl']);
  });
});

describe.each([pgliteMemoryBackend, postgresBackend].filter((b) => b.enabled))('the demo on $name', (backend) => {
  let target: TestTarget;
  let store: Store;
  let load: DemoLoad | undefined;
  let assistant: Assistant;

  beforeAll(async () => {
    target = await backend.create();
    store = await openStore(target.options);
    load = await loadDemoIfEmpty(store, hasSeeds ? { seedsDir: SEEDS } : {});
    assistant = await Assistant.create(store, { hotline: '12345', today: '2025-06-01' });
  }, 180_000);

  afterAll(async () => {
    await store?.close();
    await target?.cleanup();
  });

  it('stores every demo item (and the seed pages as articles) without a problem', async () => {
    expect(load?.imported.problems).toEqual([]);
    const kinds = (await store.listItems()).map((i) => i.kind);
    const count = (kind: string) => kinds.filter((k) => k === kind).length;
    expect([count('guide'), count('policy'), count('faq')]).toEqual([39, 20, 137]);
    expect(count('article')).toBe(hasSeeds ? 5 : 0);
    expect(load?.notes.some((n) => n.includes('XIAOXIN_SEEDS_DIR'))).toBe(!hasSeeds);
  });

  it('is loaded only into an empty store, and loading again changes nothing', async () => {
    expect(await loadDemoIfEmpty(store)).toBeUndefined();
    const again = await loadDemo(store, hasSeeds ? { seedsDir: SEEDS } : {});
    expect(again.stored.created).toEqual([]);
    expect(again.stored.updated).toEqual([]);
    expect(again.stored.unchanged).toHaveLength(await store.countItems());
  });

  /**
   * The first source, as the item it names or, for an FAQ, the items it links to: a curated FAQ
   * that points at the guide is as good an answer as the guide itself.
   */
  async function sourcesOf(answer: Answer): Promise<string[]> {
    const first = answer.citations[0];
    if (!first) return [];
    const item = await store.getItem(first.id);
    return item?.kind === 'faq' ? [first.id, ...item.links] : [first.id];
  }

  it('answers "what to bring for a business licence" from the company-registration guide', async () => {
    const answer = await assistant.ask('办理营业执照要带什么材料');
    expect(await sourcesOf(answer)).toContain('guide-company-establishment');
    if (answer.type === 'guide-field') expect(answer.field).toBe('materials');
    expect(answer.text).toContain('公司章程');
  });

  it('cites the high-tech enterprise guide or policy for the recognition conditions', async () => {
    const answer = await assistant.ask('高新技术企业认定条件是什么');
    const sources = await sourcesOf(answer);
    expect(
      sources.some((id) => ['guide-high-tech-enterprise-recognition', 'policy-national-high-tech-enterprise-measures-2016'].includes(id)),
    ).toBe(true);
  });

  it('cites the talent-apartment guide or policy, with the policy still valid', async () => {
    const answer = await assistant.ask('星河高新区人才公寓怎么申请');
    const sources = await sourcesOf(answer);
    expect(sources.some((id) => ['guide-talent-apartment', 'policy-zone-talent-apartment-2024'].includes(id))).toBe(true);
    for (const c of answer.citations) if (c.validUntil) expect(c.validUntil >= '2025-06-01').toBe(true);
  });

  it('says honestly that it does not know, and names the hotline', async () => {
    const answer = await assistant.ask('今天的足球比赛谁赢了');
    expect(answer.type).toBe('none');
    expect(answer.citations).toEqual([]);
    expect(answer.text).toContain('12345');
  });

  it.skipIf(!hasSeeds)('answers from the seed newspaper pages', async () => {
    const answer = await assistant.ask('国家高新区稀土产业协同创新网络由哪些高新区共同成立？');
    expect(answer.citations[0]).toMatchObject({ kind: 'article' });
  });
});

/**
 * @module answering/refresh.test
 * The assistant keeps up with the store item by item: a publish, an edit, a withdrawal and an
 * import of several items are answered after one refresh, as an assistant built afresh over the
 * same store answers; a change touching most of the knowledge base is built anew instead.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaths } from '../ingestion/index.js';
import { openStore, type Store } from '../storage/index.js';
import { faq } from '../storage/test-support.js';
import { Assistant } from './assistant.js';
import { DEMO_FILES, DEMO_TODAY } from './test-fixtures.js';

const OPTIONS = { today: DEMO_TODAY, zoneName: '星河高新区政务服务中心' };

const QUESTIONS = [
  '开公司要带什么材料',
  '人才公寓怎么申请',
  '无人机飞行报备在哪里办',
  '无人机报备要多久',
  '公章刻制要多少钱',
  '研发费用加计扣除怎么申报',
];

/** What a person would see: the answer's kind, text and sources, and the items retrieved. */
async function answers(assistant: Assistant): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const question of QUESTIONS) {
    const { answer, retrieved } = await assistant.respond(question);
    out.push({ question, type: answer.type, text: answer.text, cited: answer.citations.map((c) => c.id), retrieved });
  }
  return out;
}

describe('Assistant.refresh', () => {
  let store: Store;
  let assistant: Assistant;

  beforeEach(async () => {
    const demo = await importPaths(DEMO_FILES);
    store = await openStore({ dataDir: 'memory://' });
    await store.upsertItems(demo.items);
    assistant = await Assistant.create(store, OPTIONS);
  }, 120_000);

  afterEach(async () => {
    await store.close();
  });

  it('answers a published, then edited, then withdrawn item after one refresh each, as a fresh assistant does', async () => {
    const drone = faq('faq-drone-filing', { title: '无人机飞行报备在哪里办？', answer: '无人机飞行报备在政务服务中心二楼12号窗口办理。' });
    const before = assistant.searchIndex;
    await store.upsertItems([drone]);
    expect(await assistant.refresh()).toBe(true);
    // Updated in place, not rebuilt.
    expect(assistant.searchIndex).toBe(before);
    expect((await assistant.ask('无人机飞行报备在哪里办')).citations[0]?.id).toBe('faq-drone-filing');
    expect(await answers(assistant)).toEqual(await answers(await Assistant.create(store, OPTIONS)));

    await store.upsertItems([faq('faq-drone-filing', { title: drone.title, answer: '无人机飞行报备改为在“星河政务”网上办理，当日办结。' })]);
    await assistant.refresh();
    expect((await assistant.ask('无人机飞行报备在哪里办')).text).toContain('网上办理');
    expect(await answers(assistant)).toEqual(await answers(await Assistant.create(store, OPTIONS)));

    await store.deleteItem('faq-drone-filing');
    await assistant.refresh();
    expect(assistant.searchIndex.getItem('faq-drone-filing')).toBeUndefined();
    expect(await answers(assistant)).toEqual(await answers(await Assistant.create(store, OPTIONS)));
    expect(await assistant.refresh()).toBe(false);
  }, 240_000);

  it('takes an import of several items in one refresh; a change to most items builds a new index', async () => {
    const batch = Array.from({ length: 8 }, (_, n) =>
      faq(`faq-batch-${n}`, { title: `第${n + 1}类证照遗失后怎么补办？`, answer: `第${n + 1}类证照遗失的，登报声明后到综合窗口补办。` }),
    );
    const before = assistant.searchIndex;
    await store.upsertItems(batch);
    await assistant.refresh();
    expect(assistant.searchIndex).toBe(before);
    expect(await answers(assistant)).toEqual(await answers(await Assistant.create(store, OPTIONS)));

    const everything = await store.listItems();
    await store.upsertItems(everything.map((item) => ({ ...item, title: `${item.title}（新版）` })));
    await assistant.refresh();
    // Built anew (with the dictionary the assistant has gathered: old titles stay words in it).
    expect(assistant.searchIndex).not.toBe(before);
    expect(assistant.searchIndex.getItem('faq-batch-0')?.title).toBe('第1类证照遗失后怎么补办？（新版）');
    expect((await assistant.ask('第1类证照遗失后怎么补办')).citations[0]?.id).toBe('faq-batch-0');
  }, 240_000);
});

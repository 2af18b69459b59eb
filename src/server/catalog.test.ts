/**
 * The catalogue behind completion drops a policy the day after it expires, without any import,
 * and after a publish reads only the items that changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../storage/index.js';
import { faq, policy } from '../storage/test-support.js';
import { KnowledgeCatalog } from './catalog.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  await store.upsertItems([policy('rent', { title: '人才租房补贴办法', expiryDate: '2026-11-23' })]);
});
afterAll(async () => store?.close());

describe('KnowledgeCatalog', () => {
  it('rebuilds when the day changes, not only when the store does', async () => {
    let today = '2026-11-23';
    const catalog = new KnowledgeCatalog(store, () => today);
    const offered = async () => (await catalog.current()).suggester.suggest('人才租房', 5).map((s) => s.itemId);
    expect(await offered()).toEqual(['rent']);
    expect(await catalog.refresh()).toBe(false);
    today = '2026-11-24';
    expect(await catalog.refresh()).toBe(true);
    expect(await offered()).toEqual([]);
    expect(await catalog.refresh()).toBe(false);
  });

  it('after a change reads only the items that changed, and offers what the store now holds', async () => {
    const own = await openStore({ dataDir: 'memory://' });
    try {
      await own.upsertItems([faq('card', { title: '社保卡丢了怎么补办' }), faq('fund', { title: '公积金怎么提取' })]);
      const read: string[][] = [];
      const getItems = own.getItems.bind(own);
      own.getItems = async (ids) => (read.push([...ids]), getItems(ids));
      const catalog = new KnowledgeCatalog(own, () => '2026-11-23');
      const offered = async (text: string) => (await catalog.current()).suggester.suggest(text, 5).map((s) => s.itemId);
      expect(await offered('社保卡')).toEqual(['card']);
      await own.upsertItems([faq('fund', { title: '住房公积金提取要什么材料' })]);
      await own.deleteItem('card');
      expect(await catalog.refresh()).toBe(true);
      expect(read.at(-1)).toEqual(['fund']);
      expect(await offered('社保卡')).toEqual([]);
      expect(await offered('住房公积金提取')).toEqual(['fund']);
    } finally {
      await own.close();
    }
  });
});

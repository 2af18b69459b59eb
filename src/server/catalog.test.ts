/** The catalogue behind completion drops a policy the day after it expires, without any import. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../storage/index.js';
import { policy } from '../storage/test-support.js';
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
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from './assistant.js';
import { openStore, type Store } from '../storage/index.js';
import { startToyEmbeddingsServer, type ToyEmbeddingsServer } from '../search/dense-test-support.js';
import type { Item } from '../knowledge/index.js';

// Dense retrieval is optional: with an embeddings endpoint configured, the assistant embeds
// every passage and each question, and fuses the dense ranking with the lexical one.
describe('Assistant with an embeddings endpoint', () => {
  let server: ToyEmbeddingsServer;
  let store: Store;
  const items: Item[] = [
    { id: 'p-fund', kind: 'policy', title: '住房公积金提取办法', text: '职工购买自住住房的，可以提取住房公积金账户内的存储余额。', tags: [], audience: [] },
    { id: 'p-tax', kind: 'policy', title: '小微企业所得税优惠', text: '对小型微利企业年应纳税所得额不超过300万元的部分，减按25%计入应纳税所得额。', tags: [], audience: [] },
  ];

  beforeAll(async () => {
    server = await startToyEmbeddingsServer();
    store = await openStore({ dataDir: 'memory://' });
    await store.upsertItems(items);
  });
  afterAll(async () => {
    await store.close();
    await server.close();
  });

  it('embeds the passages and the question and still answers from the right item', async () => {
    const assistant = await Assistant.create(store, { embeddings: { baseUrl: server.baseUrl, model: 'toy' } });
    const embeddedAtBuild = server.embeddedTexts().length;
    expect(embeddedAtBuild).toBeGreaterThanOrEqual(items.length);
    const response = await assistant.respond('购买自住住房能提取公积金吗');
    expect(server.embeddedTexts().length).toBe(embeddedAtBuild + 1);
    expect(response.retrieved[0]).toBe('p-fund');
    expect(response.answer.citations[0]?.id).toBe('p-fund');
  });
});

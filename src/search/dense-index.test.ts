/**
 * @module search/dense-index.test
 * Passage vectors: nearest-neighbour order, filters, incremental updates, the re-embedding cache,
 * and end to end through a real local embeddings server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddingCache } from './dense-cache.js';
import { EmbeddingsClient, type Embedder } from './dense-client.js';
import { DenseIndex, denseItemRanking, itemIdOfPassageKey } from './dense-index.js';
import { startToyEmbeddingsServer, type ToyEmbeddingsServer } from './dense-test-support.js';

/** Vectors given by hand, so the expected cosines can be worked out on paper. */
class TableEmbedder implements Embedder {
  readonly calls: string[][] = [];
  constructor(
    readonly model: string,
    private readonly table: Record<string, number[]>,
  ) {}
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.calls.push([...texts]);
    return texts.map((t) => {
      const v = this.table[t];
      if (!v) throw new Error(`no vector for ${t}`);
      return Float32Array.from(v);
    });
  }
}

const table = {
  east: [1, 0, 0],
  north: [0, 1, 0],
  northeast: [1, 1, 0],
  up: [0, 0, 5],
  west: [-1, 0, 0],
};

describe('DenseIndex.search', () => {
  it('orders passages by cosine similarity and honours limit and filter', async () => {
    const embedder = new TableEmbedder('table', table);
    const index = await DenseIndex.build(
      Object.keys(table).map((text, i) => ({ key: `item-${text}#${i}`, text })),
      embedder,
    );
    expect(index.size).toBe(5);
    expect(index.dimensions).toBe(3);
    // Query (2, 1, 0): cos with east = 2/√5 ≈ 0.894, northeast = 3/√10 ≈ 0.949, north = 1/√5 ≈ 0.447,
    // up = 0, west ≈ -0.894. Unnormalised on purpose: the index normalises the query.
    const hits = index.search(Float32Array.from([2, 1, 0]), 10);
    expect(hits.map((h) => h.key)).toEqual(['item-northeast#2', 'item-east#0', 'item-north#1', 'item-up#3', 'item-west#4']);
    expect(hits[0]!.score).toBeCloseTo(3 / Math.sqrt(10), 5);
    expect(hits[1]!.score).toBeCloseTo(2 / Math.sqrt(5), 5);
    expect(hits[3]!.score).toBeCloseTo(0, 6);
    expect(hits[4]!.score).toBeCloseTo(-2 / Math.sqrt(5), 5);

    expect(index.search(Float32Array.from([2, 1, 0]), 2).map((h) => h.key)).toEqual(['item-northeast#2', 'item-east#0']);
    expect(index.search(Float32Array.from([2, 1, 0]), 0)).toEqual([]);
    const noEast = index.search(Float32Array.from([2, 1, 0]), 2, (key) => !key.includes('east'));
    expect(noEast.map((h) => h.key)).toEqual(['item-north#1', 'item-up#3']);
  });

  it('breaks ties by key and rejects a query of the wrong dimension', async () => {
    const embedder = new TableEmbedder('table', { a: [1, 0], b: [1, 0] });
    const index = await DenseIndex.build(
      [
        { key: 'z#0', text: 'a' },
        { key: 'm#0', text: 'b' },
      ],
      embedder,
    );
    expect(index.search(Float32Array.from([1, 0]), 5).map((h) => h.key)).toEqual(['m#0', 'z#0']);
    expect(() => index.search(Float32Array.from([1, 0, 0]), 5)).toThrow(/3-dimensional .* 2-dimensional/);
  });
});

describe('DenseIndex updates and cache', () => {
  it('upserts and removes passages', async () => {
    const embedder = new TableEmbedder('table', table);
    const index = await DenseIndex.build([{ key: 'a#0', text: 'east' }], embedder);
    expect(await index.upsert([{ key: 'b#0', text: 'north' }])).toBe(1);
    expect(index.search(Float32Array.from([0, 1, 0]), 1)[0]!.key).toBe('b#0');
    await index.upsert([{ key: 'a#0', text: 'west' }]); // a changed text replaces the vector
    expect(index.search(Float32Array.from([-1, 0, 0]), 1)[0]).toEqual({ key: 'a#0', score: expect.closeTo(1, 5) });
    expect(index.remove(['b#0', 'missing#0'])).toBe(1);
    expect(index.has('b#0')).toBe(false);
    expect(index.search(Float32Array.from([0, 1, 0]), 5).map((h) => h.key)).toEqual(['a#0']);
  });

  it('leaves the index unchanged when embedding fails', async () => {
    const embedder = new TableEmbedder('table', table);
    const index = await DenseIndex.build([{ key: 'a#0', text: 'east' }], embedder);
    await expect(index.upsert([{ key: 'a#0', text: 'unknown' }])).rejects.toThrow(/no vector/);
    expect(index.search(Float32Array.from([1, 0, 0]), 1)[0]).toEqual({ key: 'a#0', score: expect.closeTo(1, 5) });
  });

  it('keeps the later of two overlapping updates, and a removal made while embedding', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inner = new TableEmbedder('table', table);
    const slow: Embedder = {
      model: 'table',
      embed: async (texts) => {
        if (texts.includes('north')) await gate;
        return inner.embed(texts);
      },
    };
    const index = await DenseIndex.build([{ key: 'a#0', text: 'east' }], slow);
    const older = index.upsert([
      { key: 'a#0', text: 'north' },
      { key: 'b#0', text: 'north' },
    ]);
    await index.upsert([{ key: 'a#0', text: 'west' }]);
    index.remove(['b#0']);
    release();
    await older;
    expect(index.search(Float32Array.from([-1, 0, 0]), 5)).toEqual([{ key: 'a#0', score: expect.closeTo(1, 5) }]);
  });

  it('embeds each distinct text once, reuses cached texts of the same model, and trims the cache', async () => {
    const embedder = new TableEmbedder('table', table);
    const cache = new EmbeddingCache();
    await DenseIndex.build(
      [
        { key: 'a#0', text: 'east' },
        { key: 'a#1', text: 'north' },
        { key: 'b#0', text: 'east' },
      ],
      embedder,
      cache,
    );
    expect(embedder.calls).toEqual([['east', 'north']]);
    expect(cache.size).toBe(2);

    const rebuilt = await DenseIndex.build(
      [
        { key: 'a#0', text: 'east' },
        { key: 'b#0', text: 'up' },
      ],
      embedder,
      cache,
    );
    expect(embedder.calls).toEqual([['east', 'north'], ['up']]);
    expect(rebuilt.size).toBe(2);
    expect(cache.size).toBe(2); // 'north' is no longer used, so it was dropped

    // Another model's vectors are another space: nothing is reused.
    const other = new TableEmbedder('other-model', table);
    await DenseIndex.build([{ key: 'a#0', text: 'east' }], other, cache);
    expect(other.calls).toEqual([['east']]);
  });
});

describe('item rankings from passage hits', () => {
  it('maps passage keys to item ids and ranks items by their best passage', () => {
    expect(itemIdOfPassageKey('guide-42#3')).toBe('guide-42');
    expect(itemIdOfPassageKey('faq#x#0')).toBe('faq#x');
    const hits = [
      { key: 'b#2', score: 0.9 },
      { key: 'a#0', score: 0.8 },
      { key: 'b#0', score: 0.7 },
      { key: 'c#1', score: 0.1 },
    ];
    expect(denseItemRanking(hits)).toEqual(['b', 'a', 'c']);
  });
});

describe('end to end through a local embeddings server', () => {
  let server: ToyEmbeddingsServer;
  beforeAll(async () => {
    server = await startToyEmbeddingsServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  const passages = [
    { key: 'guide-license#0', text: '办理营业执照需要携带身份证原件和经营场所证明，到政务服务中心市场监管窗口提交申请。' },
    { key: 'guide-fund#0', text: '住房公积金提取可在线上申请，购房、租房、退休均可提取公积金。' },
    { key: 'policy-talent#0', text: '高层次人才安家补贴按学历和职称分档发放，申报时间为每年三月。' },
    { key: 'faq-social#0', text: '社保卡遗失后可到社保窗口或通过手机应用挂失并补办社保卡。' },
    { key: 'policy-hitech#0', text: '高新技术企业认定需满足研发费用占比和知识产权数量等条件。' },
  ];

  it('finds the passage nearest to a question, and re-embeds only changed texts on rebuild', async () => {
    const client = new EmbeddingsClient({ baseUrl: server.baseUrl, model: 'bge-m3', batchSize: 2 });
    const cache = new EmbeddingCache();
    const index = await DenseIndex.build(passages, client, cache);
    expect(server.requests).toHaveLength(3); // 5 passages in batches of 2
    expect(index.dimensions).toBe(64);

    const expectations: [string, string][] = [
      ['营业执照怎么办理？', 'guide-license#0'],
      ['怎么提取公积金', 'guide-fund#0'],
      ['社保卡丢了怎么补办', 'faq-social#0'],
      ['人才安家补贴什么时候申报', 'policy-talent#0'],
    ];
    for (const [question, key] of expectations) {
      const hits = await index.searchText(question, 3);
      expect(hits[0]!.key, question).toBe(key);
      expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    }
    const filtered = await index.searchText('营业执照怎么办理？', 1, (key) => key.startsWith('policy-'));
    expect(filtered[0]!.key.startsWith('policy-')).toBe(true);

    server.requests.length = 0;
    const edited = passages.map((p) => (p.key === 'faq-social#0' ? { ...p, text: `${p.text}补办当天可取。` } : p));
    const rebuilt = await DenseIndex.build(edited, client, cache);
    expect(server.embeddedTexts()).toEqual([edited[3]!.text]);
    expect(rebuilt.size).toBe(5);
    expect((await rebuilt.searchText('社保卡丢了怎么补办', 1))[0]!.key).toBe('faq-social#0');
  });
});

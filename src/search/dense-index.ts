/**
 * @module search/dense-index
 * Passage vectors (`${itemId}#${n}` → unit vector) searched by cosine similarity, brute force.
 */
import { EmbeddingCache, embeddingKey } from './dense-cache.js';
import type { Embedder } from './dense-client.js';
import { dot, isUnit, l2Normalise } from './dense-vector.js';

export interface DenseEntry {
  /** The passage key of the lexical index, `${itemId}#${n}`. */
  key: string;
  text: string;
}

export interface DenseHit {
  key: string;
  /** Cosine similarity, -1 to 1. */
  score: number;
}

/**
 * Search is exhaustive on purpose: a zone's knowledge base is thousands of passages, and scoring
 * 5,000 bge-m3 vectors (1,024 dimensions) takes about 6 ms in plain JavaScript. An approximate
 * index (HNSW, IVF) would add a dependency, build time and recall loss to save those milliseconds;
 * it becomes worth it past some 10^5 passages.
 */
export class DenseIndex {
  private readonly vectors = new Map<string, Float32Array>();
  /** The last update started for each key; an update that finishes after a later one is dropped. */
  private readonly versions = new Map<string, number>();
  private clock = 0;

  private constructor(
    readonly embedder: Embedder,
    readonly cache: EmbeddingCache,
  ) {}

  /**
   * Embeds every passage (texts already in `cache` under the same model are not sent again) and
   * trims the cache to the vectors this index uses. Pass the previous build's cache to rebuild.
   */
  static async build(
    entries: readonly DenseEntry[],
    embedder: Embedder,
    cache: EmbeddingCache = new EmbeddingCache(),
  ): Promise<DenseIndex> {
    const index = new DenseIndex(embedder, cache);
    await index.upsert(entries);
    cache.retainOnly(entries.map((e) => embeddingKey(embedder.model, e.text)));
    return index;
  }

  get size(): number {
    return this.vectors.size;
  }

  /** Vector length, or `undefined` while the index is empty. */
  get dimensions(): number | undefined {
    return this.vectors.values().next().value?.length;
  }

  has(key: string): boolean {
    return this.vectors.has(key);
  }

  /**
   * Adds or replaces passages. Embeds only texts not in the cache, each distinct text once.
   * If embedding fails nothing changes. Returns how many texts were sent to the embedder.
   */
  async upsert(entries: readonly DenseEntry[]): Promise<number> {
    const stamps = entries.map((e) => this.stamp(e.key));
    const hashes = entries.map((e) => embeddingKey(this.embedder.model, e.text));
    const missing = new Map<string, string>();
    hashes.forEach((hash, i) => {
      if (!this.cache.get(hash)) missing.set(hash, entries[i]!.text);
    });
    if (missing.size) {
      const vectors = await this.embedder.embed([...missing.values()]);
      if (vectors.length !== missing.size) {
        throw new Error(`xiaoxin embeddings: asked for ${missing.size} vectors, got ${vectors.length}`);
      }
      const fresh = [...missing.keys()].map((hash, i) => [hash, this.unit(vectors[i]!)] as const);
      for (const [hash, vector] of fresh) this.cache.set(hash, vector);
    }
    entries.forEach((entry, i) => {
      if (this.versions.get(entry.key) !== stamps[i]) return;
      this.vectors.set(entry.key, this.cache.get(hashes[i]!)!);
    });
    return missing.size;
  }

  /** Drops passages; returns how many were present. */
  remove(keys: Iterable<string>): number {
    let removed = 0;
    for (const key of keys) {
      this.stamp(key);
      if (this.vectors.delete(key)) removed++;
    }
    return removed;
  }

  /** The `limit` passages nearest to `queryVector` among those `filter` lets through, best first. */
  search(queryVector: Float32Array, limit: number, filter?: (key: string) => boolean): DenseHit[] {
    if (!(limit > 0) || !this.vectors.size) return [];
    const query = this.unit(queryVector);
    const hits: DenseHit[] = [];
    for (const [key, vector] of this.vectors) {
      if (filter && !filter(key)) continue;
      hits.push({ key, score: dot(query, vector) });
    }
    // Ties broken by key so that results do not depend on insertion order.
    hits.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return hits.slice(0, limit);
  }

  /** Embeds `text` and searches with it. */
  async searchText(text: string, limit: number, filter?: (key: string) => boolean): Promise<DenseHit[]> {
    const [vector] = await this.embedder.embed([text]);
    if (!vector) throw new Error('xiaoxin embeddings: the embedder returned no vector for the query');
    return this.search(vector, limit, filter);
  }

  private stamp(key: string): number {
    const stamp = ++this.clock;
    this.versions.set(key, stamp);
    return stamp;
  }

  /** Unit length and the index's dimension, whatever the embedder is (the client already normalises). */
  private unit(vector: Float32Array): Float32Array {
    const dims = this.dimensions;
    if (dims !== undefined && vector.length !== dims) {
      throw new Error(
        `xiaoxin embeddings: got a ${vector.length}-dimensional vector but the index holds ${dims}-dimensional ones ` +
          `(model ${this.embedder.model}); rebuild the index`,
      );
    }
    if (isUnit(vector)) return vector;
    const unit = l2Normalise(vector);
    if (!unit) throw new Error(`xiaoxin embeddings: model ${this.embedder.model} returned a zero or non-finite vector`);
    return unit;
  }
}

/** The item id of a passage key `${itemId}#${n}` (item ids may themselves contain '#'). */
export function itemIdOfPassageKey(key: string): string {
  const hash = key.lastIndexOf('#');
  return hash < 0 ? key : key.slice(0, hash);
}

/**
 * Item ids ranked by their best passage (max pooling), for fusion with the lexical item ranking.
 * `hits` must be sorted best first, as `search` returns them.
 */
export function denseItemRanking(hits: readonly DenseHit[]): string[] {
  const seen = new Set<string>();
  for (const hit of hits) seen.add(itemIdOfPassageKey(hit.key));
  return [...seen];
}

/**
 * @module search/dense-cache
 * Vectors by hash of (model, text), so a rebuild re-embeds only the passages whose text changed.
 */
import { createHash } from 'node:crypto';

/**
 * The key of a text's vector. The model is part of it because vectors of two models live in
 * different spaces: switching XIAOXIN_EMBEDDINGS_MODEL must re-embed everything.
 */
export function embeddingKey(model: string, text: string): string {
  return createHash('sha256').update(model).update('\0').update(text).digest('base64url');
}

/**
 * Kept in memory beside the index, one per index lineage (a zone's successive rebuilds): each
 * `DenseIndex.build` keeps only the vectors it uses, so the cache does not grow with every edit.
 */
export class EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();

  get size(): number {
    return this.vectors.size;
  }

  get(key: string): Float32Array | undefined {
    return this.vectors.get(key);
  }

  set(key: string, vector: Float32Array): void {
    this.vectors.set(key, vector);
  }

  /** Forgets every vector whose key is not in `keep`. */
  retainOnly(keep: Iterable<string>): void {
    const wanted = new Set(keep);
    for (const key of this.vectors.keys()) if (!wanted.has(key)) this.vectors.delete(key);
  }
}

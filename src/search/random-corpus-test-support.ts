/**
 * @module search/random-corpus-test-support
 * Deterministic random corpora of analysed documents, for the tests that compare what is built or
 * searched around MiniSearch's internals with MiniSearch's own (or-scorer, bulk-add).
 */
import { termsField, type AnalysedDoc } from './minisearch-fields.js';

/** A small deterministic random source, so that a failure can be replayed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export const FIELDS = ['hw', 'hb', 'w', 'b', 'p'];
export const VOCABULARY = Array.from({ length: 60 }, (_, i) => `t${i}`);

export function corpus(seed: number, size: number): AnalysedDoc[] {
  const next = random(seed);
  const pick = () => VOCABULARY[Math.floor(next() ** 2 * VOCABULARY.length)]!;
  return Array.from({ length: size }, (_, n) => {
    const doc: AnalysedDoc = { id: `d${n}` };
    for (const field of FIELDS) doc[field] = termsField(Array.from({ length: Math.floor(next() * 12) }, pick));
    return doc;
  });
}


/**
 * @module search/random-corpus-test-support
 * Deterministic random corpora of analysed documents, for the tests that compare what is built or
 * searched around MiniSearch's internals with MiniSearch's own (or-scorer, bulk-add).
 */
import type MiniSearch from 'minisearch';
import { termsField, type AnalysedDoc } from './minisearch-fields.js';
import { eachPosting, type TermPostings } from './packed-postings.js';

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


interface IndexInternals {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _index: { _tree: Map<string, unknown> };
}

/**
 * What a MiniSearch index holds that searching reads, whether its terms are packed or not: its
 * documents, field lengths and averages, and per term and field the live documents' postings.
 * Equal for two indexes that search alike (the order of a term's fields, and postings of removed
 * documents not yet dropped, apart).
 */
export function searchedState(index: MiniSearch<AnalysedDoc>): unknown {
  const own = index as unknown as IndexInternals;
  const terms: [string, [number, [number, number][]][]][] = [];
  const walk = (node: Map<string, unknown>, prefix: string): void => {
    for (const [key, child] of node) {
      if (key !== '') {
        walk(child as Map<string, unknown>, prefix + key);
        continue;
      }
      const fields = new Map<number, [number, number][]>();
      let current: [number, number][] = [];
      eachPosting(
        child as TermPostings,
        (fieldId) => fields.set(fieldId, (current = fields.get(fieldId) ?? [])),
        (document, frequency) => {
          if (own._documentIds.has(document)) current.push([document, frequency]);
        },
      );
      const kept = [...fields].filter(([, postings]) => postings.length).sort(([a], [b]) => a - b);
      if (kept.length) terms.push([prefix, kept]);
    }
  };
  walk(own._index._tree, '');
  return {
    documentCount: own._documentCount,
    nextId: own._nextId,
    documentIds: [...own._documentIds],
    fieldLength: [...own._fieldLength],
    averageFieldLength: own._avgFieldLength,
    terms: terms.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}

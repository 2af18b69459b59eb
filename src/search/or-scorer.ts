/**
 * @module search/or-scorer
 * MiniSearch's OR search over exact terms, scored the same, without its per-match objects.
 *
 * `MiniSearch.search` builds, for every posting a question touches, an object with the matched
 * terms and fields, one Map per term and per group, and merges them: on a knowledge base of
 * thousands of items a question touches tens of thousands of postings, and that bookkeeping (and
 * the garbage it leaves) was most of answering's time. Here the same postings are read from
 * MiniSearch's own index and summed into reused typed arrays, in the same order and with the same
 * arithmetic, so scores and rankings are MiniSearch's to the last bit (src/search/or-scorer.test.ts
 * checks it against `MiniSearch.search`). What is read of MiniSearch's internals is named in
 * `Internals` below; the dependency is pinned to the version it was written for.
 *
 * Only what the first stage asks for is supported: OR of groups, each a list of exact terms over
 * some fields with field boosts, BM25 parameters and an optional per-term boost (no prefix or fuzzy
 * matching, no document boost, no filter).
 */
import type MiniSearch from 'minisearch';
import type { AnalysedDoc } from './minisearch-fields.js';

export interface OrGroup {
  terms: readonly string[];
  /** Fields in order, each with its boost (MiniSearch's `fields` and `boost`). */
  fields: readonly string[];
  boost: Readonly<Record<string, number>>;
}

export interface OrOptions {
  bm25: { k: number; b: number; d: number };
  boostTerm?: (term: string) => number;
}

export interface OrResult {
  id: string;
  /** MiniSearch's score: the summed BM25 times the number of query terms matched. */
  score: number;
  /** The query terms the document matched, in the order MiniSearch lists them. */
  queryTerms: string[];
}

/** What is read of a MiniSearch 7.2 instance (its private fields, as its own search reads them). */
interface Internals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _documentIds: Map<number, string>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  removeTerm(fieldId: number, documentId: number, term: string): void;
}

/**
 * Sums per document short id, reused from search to search. A slot is live in the current term,
 * group or search when its mark holds that step's generation number, so nothing is cleared between
 * searches but the few slots read out at the end.
 */
class Scratch {
  field = new Float64Array(0);
  term = new Float64Array(0);
  total = new Float64Array(0);
  fieldMark = new Int32Array(0);
  termMark = new Int32Array(0);
  /** 0: not touched in this search; else 1 + the document's place in the results. */
  place = new Int32Array(0);
  generation = 0;

  fit(size: number): void {
    if (this.total.length >= size) return;
    const length = Math.max(size, this.total.length * 2, 1024);
    this.field = new Float64Array(length);
    this.term = new Float64Array(length);
    this.total = new Float64Array(length);
    this.fieldMark = new Int32Array(length);
    this.termMark = new Int32Array(length);
    this.place = new Int32Array(length);
    this.generation = 0;
  }

  next(): number {
    if (this.generation >= 0x7fff_fff0) {
      this.fieldMark.fill(0);
      this.termMark.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }
}

const scratchOf = new WeakMap<object, Scratch>();

export function searchOr(index: MiniSearch<AnalysedDoc>, groups: readonly OrGroup[], options: OrOptions): OrResult[] {
  const ms = index as unknown as Internals;
  let scratch = scratchOf.get(index);
  if (!scratch) scratchOf.set(index, (scratch = new Scratch()));
  scratch.fit(ms._nextId + 1);
  const { field: fieldSum, term: termSum, total, fieldMark, termMark, place } = scratch;
  const { k, b, d } = options.bm25;
  const documentCount = ms._documentCount;

  /** Documents in the order MiniSearch's result Map would hold them: first touched first. */
  const order: number[] = [];
  /** Each document's matched query terms (indexes into `termNames`), in MiniSearch's order. */
  const matched: number[][] = [];
  const termNames: string[] = [];
  const termIds = new Map<string, number>();

  for (const group of groups) {
    const groupGeneration = scratch.next();
    const groupTouched: number[] = [];
    for (const term of group.terms) {
      if (!term) continue;
      const fieldData = ms._index.get(term);
      if (!fieldData) continue;
      const termBoost = options.boostTerm ? options.boostTerm(term) : 1;
      let termId = termIds.get(term);
      if (termId === undefined) {
        termId = termNames.length;
        termNames.push(term);
        termIds.set(term, termId);
      }
      const termGeneration = scratch.next();
      const termTouched: number[] = [];
      for (const fieldName of group.fields) {
        const fieldBoost = group.boost[fieldName] || 1;
        const fieldId = ms._fieldIds[fieldName]!;
        const freqs = fieldData.get(fieldId);
        if (!freqs) continue;
        let matchingFields = freqs.size;
        const avgFieldLength = ms._avgFieldLength[fieldId]!;
        for (const [docId, termFreq] of freqs) {
          if (!ms._documentIds.has(docId)) {
            // A posting left behind by a removed document: MiniSearch clears it as it meets it.
            ms.removeTerm(fieldId, docId, term);
            matchingFields -= 1;
            continue;
          }
          const fieldLength = ms._fieldLength.get(docId)![fieldId]!;
          const invDocFreq = Math.log(1 + (documentCount - matchingFields + 0.5) / (matchingFields + 0.5));
          const raw = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
          const weighted = 1 * termBoost * fieldBoost * 1 * raw;
          if (place[docId] === 0) {
            order.push(docId);
            matched.push([]);
            place[docId] = order.length;
          }
          const list = matched[place[docId]! - 1]!;
          if (!list.includes(termId)) list.push(termId);
          if (fieldMark[docId] !== termGeneration) {
            fieldMark[docId] = termGeneration;
            fieldSum[docId] = weighted;
            termTouched.push(docId);
          } else fieldSum[docId] = fieldSum[docId]! + weighted;
        }
      }
      // The term's score per document (its fields summed) joins the group's, as MiniSearch's OR combines per-term maps.
      for (const docId of termTouched) {
        if (termMark[docId] !== groupGeneration) {
          termMark[docId] = groupGeneration;
          termSum[docId] = fieldSum[docId]!;
          groupTouched.push(docId);
        } else termSum[docId] = termSum[docId]! + fieldSum[docId]!;
      }
    }
    // …and the group's joins the search's, as the groups' maps are combined.
    for (const docId of groupTouched) total[docId] = total[docId]! + termSum[docId]!;
  }

  const results: OrResult[] = [];
  for (let i = 0; i < order.length; i++) {
    const docId = order[i]!;
    const terms = matched[i]!.map((t) => termNames[t]!);
    results.push({ id: ms._documentIds.get(docId)!, score: total[docId]! * (terms.length || 1), queryTerms: terms });
    total[docId] = 0;
    place[docId] = 0;
  }
  // Stable, as MiniSearch's: equal scores keep the order documents were first touched in.
  return results.sort((x, y) => y.score - x.score);
}

/**
 * @module search/or-scorer
 * MiniSearch's OR search over exact terms, scored the same, without its per-match objects.
 *
 * `MiniSearch.search` builds, for every posting a question touches, an object with the matched
 * terms and fields, one Map per term and per group, and merges them: on a knowledge base of
 * thousands of items a question touches tens of thousands of postings, and that bookkeeping (and
 * the garbage it leaves) was most of answering's time. Here the same postings are read from
 * MiniSearch's own index (its Maps, or packed: search/packed-postings) and summed into reused typed arrays, in the same order and with the same
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
import { PackedPostings, fieldAt, type TermPostings } from './packed-postings.js';
import { markLoose } from './packed-index.js';

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
  /** How many of the query terms the document matched. */
  matched: number;
  /** The query terms the document matched, in the order MiniSearch lists them (empty unless asked for). */
  queryTerms: string[];
}

/** What is read of a MiniSearch 7.2 instance (its private fields, as its own search reads them). */
interface Internals {
  _index: { get(term: string): TermPostings | undefined };
  _documentIds: Map<number, string>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  removeTerm(fieldId: number, documentId: number, term: string): void;
}

/**
 * Sums and lists per document short id, reused from search to search. A slot is live in the
 * current term or group when its mark holds that step's generation number, so nothing is cleared
 * between searches but the few slots read out at the end.
 */
class Scratch {
  field = new Float64Array(0);
  term = new Float64Array(0);
  total = new Float64Array(0);
  fieldMark = new Int32Array(0);
  termMark = new Int32Array(0);
  /** Documents touched by this search, in the order first touched; `place` is 1 + the index here (0: not yet). */
  order = new Int32Array(0);
  place = new Int32Array(0);
  /** Documents touched by the current term, and by the current group. */
  termTouched = new Int32Array(0);
  groupTouched = new Int32Array(0);
  /** Query terms matched per document: a bit per term, `words` 32-bit words per document. */
  bits = new Uint32Array(0);
  matchedCount = new Int32Array(0);
  generation = 0;

  fit(size: number): void {
    if (this.total.length >= size) return;
    const length = Math.max(size, this.total.length * 2, 1024);
    for (const key of ['field', 'term', 'total'] as const) this[key] = new Float64Array(length);
    for (const key of ['fieldMark', 'termMark', 'order', 'place', 'termTouched', 'groupTouched', 'matchedCount'] as const) this[key] = new Int32Array(length);
    this.bits = new Uint32Array(0);
    this.generation = 0;
  }

  fitBits(size: number, words: number): void {
    if (this.bits.length < size * words) this.bits = new Uint32Array(Math.max(size * words, this.bits.length * 2));
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

/**
 * Adds postings to the scratch sums: MiniSearch's arithmetic, in its order. Its counters are its
 * own fields (not variables a closure shares with `searchOr`), which keeps the loop over a term's
 * postings as fast as the arrays it reads.
 */
class PostingScorer {
  /** Documents touched by the search so far, and by the current term. */
  touched = 0;
  termCount = 0;
  private word = 0;
  private mask = 0;
  private termId = 0;
  private termGeneration = 0;
  private weight = 1;
  private averageLength = 1;
  private fieldLengths: Uint32Array<ArrayBufferLike> = new Uint32Array(0);

  constructor(
    private readonly scratch: Scratch,
    private readonly words: number,
    private readonly k: number,
    private readonly b: number,
    private readonly d: number,
    /** Each document's matched query terms, when asked for. */
    private readonly matched: number[][] | undefined,
  ) {}

  startTerm(termId: number, generation: number): void {
    this.termId = termId;
    this.word = termId >> 5;
    this.mask = 1 << (termId & 31);
    this.termGeneration = generation;
    this.termCount = 0;
  }

  startField(weight: number, averageLength: number, fieldLengths: Uint32Array<ArrayBufferLike>): void {
    this.weight = weight;
    this.averageLength = averageLength;
    this.fieldLengths = fieldLengths;
  }

  add(docId: number, termFreq: number, invDocFreq: number): void {
    const { scratch, k, b, d } = this;
    const fieldLength = this.fieldLengths[docId]!;
    const raw = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / this.averageLength)));
    const weighted = this.weight * raw;
    const place = scratch.place;
    const bits = scratch.bits;
    const fieldMark = scratch.fieldMark;
    const fieldSum = scratch.field;
    if (place[docId] === 0) {
      scratch.order[this.touched++] = docId;
      place[docId] = this.touched;
      this.matched?.push([]);
    }
    const slot = docId * this.words + this.word;
    if ((bits[slot]! & this.mask) === 0) {
      bits[slot] = bits[slot]! | this.mask;
      scratch.matchedCount[docId] = scratch.matchedCount[docId]! + 1;
      this.matched?.[place[docId]! - 1]!.push(this.termId);
    }
    if (fieldMark[docId] !== this.termGeneration) {
      fieldMark[docId] = this.termGeneration;
      fieldSum[docId] = weighted;
      scratch.termTouched[this.termCount++] = docId;
    } else fieldSum[docId] = fieldSum[docId]! + weighted;
  }
}

/**
 * Which short ids are live documents and each one's field lengths, in typed arrays: two Map
 * lookups per posting were most of what remained of a search. Made again when the index changed,
 * which every add (a new short id) and every removal (one document fewer) shows.
 */
interface DocTable {
  nextId: number;
  documentCount: number;
  live: Uint8Array;
  /** Per field id, per short id. */
  lengths: Uint32Array[];
}

const tableOf = new WeakMap<object, DocTable>();

function docTable(ms: Internals): DocTable {
  const known = tableOf.get(ms);
  if (known && known.nextId === ms._nextId && known.documentCount === ms._documentCount) return known;
  const size = ms._nextId + 1;
  const fieldCount = Object.keys(ms._fieldIds).length;
  const table: DocTable = {
    nextId: ms._nextId,
    documentCount: ms._documentCount,
    live: new Uint8Array(size),
    lengths: Array.from({ length: fieldCount }, () => new Uint32Array(size)),
  };
  for (const docId of ms._documentIds.keys()) table.live[docId] = 1;
  for (const [docId, lengths] of ms._fieldLength) {
    for (let field = 0; field < fieldCount; field++) table.lengths[field]![docId] = lengths[field] ?? 0;
  }
  tableOf.set(ms, table);
  return table;
}

/**
 * Without `withTerms`, results carry no `queryTerms` (their count still weighs the score, as in
 * MiniSearch): a caller that only ranks saves building a list per document. Without `sorted`, the
 * results come in the order the documents were first met: a caller that groups them saves the sort.
 */
export function searchOr(
  index: MiniSearch<AnalysedDoc>,
  groups: readonly OrGroup[],
  options: OrOptions,
  withTerms = true,
  sorted = true,
): OrResult[] {
  const ms = index as unknown as Internals;
  let scratch = scratchOf.get(index);
  if (!scratch) scratchOf.set(index, (scratch = new Scratch()));
  scratch.fit(ms._nextId + 1);
  const termNames = [...new Set(groups.flatMap((g) => g.terms.filter((t) => t)))];
  const termIds = new Map(termNames.map((t, i) => [t, i]));
  const words = Math.max(1, Math.ceil(termNames.length / 32));
  scratch.fitBits(ms._nextId + 1, words);
  const { term: termSum, total, termMark, order, place, termTouched, groupTouched, bits, matchedCount } = scratch;
  const { k, b, d } = options.bm25;
  const documentCount = ms._documentCount;
  const { live, lengths } = docTable(ms);
  const idf = (matching: number) => Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
  /** Each document's matched query terms in MiniSearch's order (first matched first), when asked for. */
  const matched: number[][] = [];
  const scorer = new PostingScorer(scratch, words, k, b, d, withTerms ? matched : undefined);

  for (const group of groups) {
    const groupGeneration = scratch.next();
    let groupCount = 0;
    for (const term of group.terms) {
      if (!term) continue;
      const fieldData = ms._index.get(term);
      if (!fieldData) continue;
      const termBoost = options.boostTerm ? options.boostTerm(term) : 1;
      scorer.startTerm(termIds.get(term)!, scratch.next());
      for (const fieldName of group.fields) {
        const fieldId = ms._fieldIds[fieldName]!;
        scorer.startField(1 * termBoost * (group.boost[fieldName] || 1) * 1, ms._avgFieldLength[fieldId]!, lengths[fieldId]!);
        if (fieldData instanceof PackedPostings) {
          // Packed postings, then those added since packing (search/packed-postings).
          const at = fieldAt(fieldData, fieldId);
          const tail = fieldData.tail?.get(fieldId) ?? NO_PAIRS;
          if (at < 0 && !tail.length) continue;
          const packed = fieldData.words;
          const from = at + 1;
          const end = at < 0 ? from : from + 2 * packed[at]!;
          // Documents taken out are counted when the term says it holds their postings: the IDF is then
          // exactly that of an index that never held them. Else a removed document's posting is met
          // unannounced (see search/packed-index), counted out as MiniSearch counts it, and from the
          // next search on counted (and dropped at the next packing).
          const counted = fieldData.dead > 0;
          let matchingFields = counted ? liveIn(packed, from, end, live) + liveIn(tail, 0, tail.length, live) : (end - from) / 2 + tail.length / 2;
          let invDocFreq = idf(matchingFields);
          const unannounced = (): void => {
            fieldData.dead += 1;
            markLoose(index, term);
            invDocFreq = idf(--matchingFields);
          };
          for (let p = from; p < end; p += 2) {
            const docId = packed[p]!;
            if (live[docId] === 1) scorer.add(docId, packed[p + 1]!, invDocFreq);
            else if (!counted) unannounced();
          }
          for (let p = 0; p < tail.length; p += 2) {
            const docId = tail[p]!;
            if (live[docId] === 1) scorer.add(docId, tail[p + 1]!, invDocFreq);
            else if (!counted) unannounced();
          }
          continue;
        }
        const freqs = fieldData.get(fieldId);
        if (!freqs) continue;
        let matchingFields = freqs.size;
        let invDocFreq = idf(matchingFields);
        for (const [docId, termFreq] of freqs) {
          if (live[docId] !== 1) {
            // A posting left behind by a removed document: MiniSearch clears it as it meets it.
            ms.removeTerm(fieldId, docId, term);
            invDocFreq = idf(--matchingFields);
            continue;
          }
          scorer.add(docId, termFreq, invDocFreq);
        }
      }
      const termCount = scorer.termCount;
      const fieldSum = scratch.field;
      // The term's score per document (its fields summed) joins the group's, as MiniSearch's OR combines per-term maps.
      for (let i = 0; i < termCount; i++) {
        const docId = termTouched[i]!;
        if (termMark[docId] !== groupGeneration) {
          termMark[docId] = groupGeneration;
          termSum[docId] = fieldSum[docId]!;
          groupTouched[groupCount++] = docId;
        } else termSum[docId] = termSum[docId]! + fieldSum[docId]!;
      }
    }
    // …and the group's joins the search's, as the groups' maps are combined.
    for (let i = 0; i < groupCount; i++) {
      const docId = groupTouched[i]!;
      total[docId] = total[docId]! + termSum[docId]!;
    }
  }

  const touched = scorer.touched;
  const results: OrResult[] = new Array<OrResult>(touched);
  for (let i = 0; i < touched; i++) {
    const docId = order[i]!;
    const id = ms._documentIds.get(docId)!;
    const count = matchedCount[docId]!;
    const score = total[docId]! * (count || 1);
    results[i] = { id, score, matched: count, queryTerms: withTerms ? matched[i]!.map((t) => termNames[t]!) : NO_TERMS };
    total[docId] = 0;
    place[docId] = 0;
    matchedCount[docId] = 0;
    bits.fill(0, docId * words, docId * words + words);
  }
  // Stable, as MiniSearch's: equal scores keep the order documents were first touched in.
  return sorted ? results.sort((x, y) => y.score - x.score) : results;
}

const NO_PAIRS: readonly number[] = [];

/** How many of the (short id, frequency) pairs in `list` from `first` to `last` are live documents'. */
function liveIn(list: ArrayLike<number>, first: number, last: number, live: Uint8Array): number {
  let count = 0;
  for (let p = first; p < last; p += 2) if (live[list[p]!] === 1) count++;
  return count;
}

/** Shared by every result without terms; frozen, so that no caller can fill it for the others. */
const NO_TERMS = Object.freeze([]) as unknown as string[];

/**
 * @module search/bulk-add
 * Fills an empty MiniSearch index with many documents at once, leaving it exactly as `add` one
 * by one would: the same short ids, field lengths, averages and postings, in the same order
 * (packed: search/packed-postings).
 *
 * `MiniSearch.add` looks every token up in its radix tree (`SearchableMap.fetch`, which slices
 * the term at every node on the way down): at a thousand policy documents that was three quarters
 * of building the index, millions of lookups for a hundred thousand distinct terms. Here each
 * document's postings, as MiniSearch makes them (search/minisearch-add), are numbered by term
 * through a plain Map and kept as (term number, field and frequency) pairs in one growing typed
 * array, eight bytes a posting, where a list per term took three times that at ten thousand items
 * (and did not fit at a hundred thousand). `finish` counts the postings of each term and field, lays all of them out in one
 * block of words, fills it going through the documents in order (so each term's short ids
 * ascend, as in MiniSearch's Maps) and puts each distinct term into the tree once. Until then the
 * index holds the documents' ids but no postings, so it is searched only afterwards. What is
 * read of MiniSearch's internals is named in `Internals`; the dependency is pinned to the version
 * it was written for (as for search/or-scorer).
 */
import type MiniSearch from 'minisearch';
import type { AnalysedDoc } from './minisearch-fields.js';
import { PackedPostings } from './packed-postings.js';
import { registerBlock } from './packed-index.js';
import { addDocumentAs } from './minisearch-add.js';

/** What is read and called of a MiniSearch 7.2 instance. */
interface Internals {
  _index: { set(term: string, value: PackedPostings): unknown; size: number };
  _options: { fields: string[] };
}

/** Bits of a staged pair's second number that hold the term frequency; the field id is above them. */
const FREQUENCY_BITS = 24;
/** A term's fields in the order first met, a field id + 1 per 4 bits: up to 7 fields. */
const MAX_FIELDS = 7;

/** A growable Int32Array (JS arrays of numbers take twice the room and more while growing). */
class IntList {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  /** Grows to `length`, new places 0. */
  fit(length: number): void {
    while (this.length < length) this.push(0);
  }
}

export class BulkAdder {
  private readonly internals: Internals;
  private readonly fieldCount: number;
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Per term: its fields in the order first met (see MAX_FIELDS); per term × field: postings staged. */
  private readonly fieldOrder = new IntList();
  private readonly counts = new IntList();
  /**
   * The documents' (term, field << 24 | frequency) pairs, one document after another, in one list
   * (a few large blocks, which go back to the system once freed, where one array per document did
   * not); each document's short id and where its pairs end.
   */
  private readonly pairs = new IntList();
  private readonly shortIds = new IntList();
  private readonly ends = new IntList();
  private finished = false;

  constructor(private readonly index: MiniSearch<AnalysedDoc>) {
    this.internals = index as unknown as Internals;
    if (index.documentCount !== 0 || this.internals._index.size !== 0) throw new Error('BulkAdder fills an empty index only');
    this.fieldCount = this.internals._options.fields.length;
    if (this.fieldCount > MAX_FIELDS) throw new Error(`BulkAdder: at most ${MAX_FIELDS} fields`);
  }

  /** `MiniSearch.add`, with the postings staged (documents have no stored fields here). */
  add(document: AnalysedDoc): void {
    if (this.finished) throw new Error('BulkAdder: add after finish');
    const pairs = this.pairs;
    const shortId = addDocumentAs(this.index, document, (_shortId, fieldId, term, frequency) => {
      const termId = this.termId(term);
      pairs.push(termId);
      pairs.push((fieldId << FREQUENCY_BITS) | frequency);
      this.noteField(termId, fieldId);
    });
    this.shortIds.push(shortId);
    this.ends.push(pairs.length);
  }

  /** Puts every staged term into the index's tree, packed in one block; the index is whole from here on. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const fields = this.fieldCount;
    // Where each term and each of its fields start: field count, then per field id, count, pairs.
    const next = new Int32Array(this.terms.length * fields);
    const starts = new Int32Array(this.terms.length);
    let total = 0;
    for (let termId = 0; termId < this.terms.length; termId++) {
      starts[termId] = total;
      total += 1;
      for (let order = this.fieldOrder.values[termId]!; order; order = Math.floor(order / 16)) {
        total += 2 + 2 * this.counts.values[termId * fields + (order % 16) - 1]!;
      }
    }
    const words = new Uint32Array(total);
    for (let termId = 0; termId < this.terms.length; termId++) {
      let at = starts[termId]!;
      const firstFields: number[] = [];
      for (let order = this.fieldOrder.values[termId]!; order; order = Math.floor(order / 16)) firstFields.unshift((order % 16) - 1);
      words[at++] = firstFields.length;
      for (const fieldId of firstFields) {
        const count = this.counts.values[termId * fields + fieldId]!;
        words[at] = fieldId;
        words[at + 1] = count;
        next[termId * fields + fieldId] = at + 2;
        at += 2 + 2 * count;
      }
    }
    const pairs = this.pairs.values;
    for (let document = 0, i = 0; document < this.shortIds.length; document++) {
      const shortId = this.shortIds.values[document]!;
      for (const end = this.ends.values[document]!; i < end; i += 2) {
        const slot = pairs[i]! * fields + (pairs[i + 1]! >>> FREQUENCY_BITS);
        const at = next[slot]!;
        words[at] = shortId;
        words[at + 1] = pairs[i + 1]! & ((1 << FREQUENCY_BITS) - 1);
        next[slot] = at + 2;
      }
    }
    this.pairs.values = new Int32Array(0);
    for (let termId = 0; termId < this.terms.length; termId++) {
      this.internals._index.set(this.terms[termId]!, new PackedPostings(words, starts[termId]!));
    }
    registerBlock(this.index, words);
  }

  private termId(term: string): number {
    let termId = this.termIds.get(term);
    if (termId === undefined) {
      termId = this.terms.length;
      this.termIds.set(term, termId);
      this.terms.push(term);
      this.fieldOrder.push(0);
      this.counts.fit((termId + 1) * this.fieldCount);
    }
    return termId;
  }

  /** Counts a posting of the term in the field, noting the field when it is the term's first there. */
  private noteField(termId: number, fieldId: number): void {
    const slot = termId * this.fieldCount + fieldId;
    if (this.counts.values[slot] === 0) this.fieldOrder.values[termId] = this.fieldOrder.values[termId]! * 16 + fieldId + 1;
    this.counts.values[slot]! += 1;
  }
}

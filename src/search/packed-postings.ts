/**
 * @module search/packed-postings
 * One term's postings in a few words of a shared `Uint32Array`, in place of MiniSearch's Maps.
 *
 * MiniSearch keeps a term's postings as a Map of field ids to Maps of document short ids to term
 * frequencies: some 30 bytes a posting and a Map per term and field. At ten thousand items the
 * eight million postings were most of the heap, and at a hundred thousand they did not fit. Packed,
 * a posting is two 32-bit words. The layout, at `at` in `words`:
 *
 *     field count, then per field: field id, document count, then (short id, term frequency) pairs
 *
 * with the pairs in ascending short id, which is the order MiniSearch's Maps hold them in (short
 * ids only grow), so reading a packed term visits documents as reading its Maps did. It is also
 * the layout the saved index keeps (search/minisearch-state), so a saved index is searched from
 * the array it is read into. A packed term is read here, by search/or-scorer and search/postings.
 * Documents added later get a `tail` of postings (their short ids are above every packed one, so
 * the order holds); documents taken out leave their postings in place, counted in `dead`, until
 * the term is packed again (search/packed-index).
 */

/** A term's postings as MiniSearch keeps them: field id → document short id → term frequency. */
export type PostingMaps = Map<number, Map<number, number>>;

export class PackedPostings {
  /** Postings added since packing, per field id: (short id, term frequency) pairs, short ids ascending. */
  tail: Map<number, number[]> | undefined = undefined;
  /** How many of the postings belong to documents since taken out (the live ones are counted when > 0). */
  dead = 0;

  constructor(
    readonly words: Uint32Array,
    readonly at: number,
  ) {}
}

/** A term with no packed postings yet (its postings are all in its tail). */
export const emptyPostings = (): PackedPostings => new PackedPostings(NO_FIELDS, 0);
const NO_FIELDS = new Uint32Array(1);

/** A leaf of MiniSearch's radix tree: its own Maps, or packed. */
export type TermPostings = PostingMaps | PackedPostings;

/** Where the field's document count is in `packed.words`, or -1 when the term is not in that field. */
export function fieldAt(packed: PackedPostings, fieldId: number): number {
  const { words } = packed;
  let at = packed.at + 1;
  for (let fields = words[packed.at]!; fields > 0; fields--) {
    if (words[at] === fieldId) return at + 1;
    at += 2 + 2 * words[at + 1]!;
  }
  return -1;
}

/** Whether `document` holds the term in the field: a binary search of the field's ascending short ids. */
export function packedHolds(packed: PackedPostings, fieldId: number, document: number): boolean {
  const tail = packed.tail?.get(fieldId);
  if (tail) for (let i = 0; i < tail.length; i += 2) if (tail[i] === document) return true;
  const at = fieldAt(packed, fieldId);
  if (at < 0) return false;
  const { words } = packed;
  let low = 0;
  let high = words[at]! - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const id = words[at + 1 + 2 * middle]!;
    if (id === document) return true;
    if (id < document) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Words a packed term takes in its block (its tail apart). */
export function packedLength(packed: PackedPostings): number {
  const { words } = packed;
  let at = packed.at + 1;
  for (let fields = words[packed.at]!; fields > 0; fields--) at += 2 + 2 * words[at + 1]!;
  return at - packed.at;
}

/**
 * Visits a term's fields and postings, packed or not, in the order they are held: each field once,
 * its packed postings then its tail's; fields only in the tail last. `count` includes dead postings.
 */
export function eachPosting(
  postings: TermPostings,
  field: (fieldId: number, count: number) => void,
  posting: (document: number, frequency: number) => void,
): void {
  if (postings instanceof PackedPostings) {
    const { words, tail } = postings;
    let at = postings.at + 1;
    for (let fields = words[postings.at]!; fields > 0; fields--) {
      const fieldId = words[at]!;
      const count = words[at + 1]!;
      const added = tail?.get(fieldId) ?? NO_PAIRS;
      field(fieldId, count + added.length / 2);
      for (let end = at + 2 + 2 * count, p = at + 2; p < end; p += 2) posting(words[p]!, words[p + 1]!);
      for (let i = 0; i < added.length; i += 2) posting(added[i]!, added[i + 1]!);
      at += 2 + 2 * count;
    }
    if (tail) {
      for (const [fieldId, added] of tail) {
        if (fieldAt(postings, fieldId) >= 0) continue;
        field(fieldId, added.length / 2);
        for (let i = 0; i < added.length; i += 2) posting(added[i]!, added[i + 1]!);
      }
    }
    return;
  }
  for (const [fieldId, documents] of postings) {
    field(fieldId, documents.size);
    for (const [document, frequency] of documents) posting(document, frequency);
  }
}

/**
 * Words needed to pack the term keeping only live documents' postings (`live` undefined: all),
 * or 0 when none is left. A document taken out leaves postings MiniSearch did not find to remove
 * (search/minisearch-fields); packing drops them, as a fresh build would not have them.
 */
export function packedSize(postings: TermPostings, live?: (document: number) => boolean): number {
  let size = 1;
  let kept = 0;
  let fieldKept = 0;
  eachPosting(
    postings,
    () => {
      if (fieldKept) size += 2;
      fieldKept = 0;
    },
    (document) => {
      if (live && !live(document)) return;
      size += 2;
      kept++;
      fieldKept++;
    },
  );
  if (fieldKept) size += 2;
  return kept ? size : 0;
}

/**
 * Packs the term into `out` at `at` (room for `packedSize` words), keeping only live documents'
 * postings in ascending short id (sorted should a Map not hold them so), fields without one left
 * out; returns the packed term.
 */
export function packInto(postings: TermPostings, out: Uint32Array, at: number, live?: (document: number) => boolean): PackedPostings {
  let write = at + 1;
  let fields = 0;
  let countAt = -1;
  let pairs: number[] = [];
  const close = (): void => {
    if (countAt < 0) return;
    const count = pairs.length / 2;
    if (count === 0) {
      write = countAt - 1;
    } else {
      out[countAt] = count;
      if (!ascending(pairs)) pairs = sortPairs(pairs);
      for (let i = 0; i < pairs.length; i++) out[write++] = pairs[i]!;
      fields++;
    }
    countAt = -1;
    pairs = [];
  };
  eachPosting(
    postings,
    (fieldId) => {
      close();
      out[write++] = fieldId;
      countAt = write++;
    },
    (document, frequency) => {
      if (!live || live(document)) pairs.push(document, frequency);
    },
  );
  close();
  out[at] = fields;
  return new PackedPostings(out, at);
}

/** The term's postings as MiniSearch's Maps (live documents' only, when `live` is given; fields left empty dropped). */
export function unpack(postings: TermPostings, live?: (document: number) => boolean): PostingMaps {
  const maps: PostingMaps = new Map();
  let documents = new Map<number, number>();
  eachPosting(
    postings,
    (fieldId) => maps.set(fieldId, (documents = new Map())),
    (document, frequency) => {
      if (!live || live(document)) documents.set(document, frequency);
    },
  );
  for (const [fieldId, inField] of maps) if (!inField.size) maps.delete(fieldId);
  return maps;
}

const NO_PAIRS: readonly number[] = [];

function ascending(pairs: readonly number[]): boolean {
  for (let i = 2; i < pairs.length; i += 2) if (pairs[i]! <= pairs[i - 2]!) return false;
  return true;
}

function sortPairs(pairs: readonly number[]): number[] {
  const order = Array.from({ length: pairs.length / 2 }, (_, i) => i).sort((a, b) => pairs[2 * a]! - pairs[2 * b]!);
  return order.flatMap((i) => [pairs[2 * i]!, pairs[2 * i + 1]!]);
}

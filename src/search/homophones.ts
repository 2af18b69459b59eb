/**
 * @module search/homophones
 * Corrects speech-recognition homophones in a question against the knowledge base's own
 * vocabulary: a character pair the knowledge base never uses, that sounds exactly like a pair it
 * often uses and differs from it in one character, is read as that pair (失业保险今 → 金,
 * 结砖 → 结转). The pinyin bigrams in the index rescue retrieval; this also lets the answer
 * extraction, which matches characters, find the right sentence.
 */
import { charPinyin } from '../language/index.js';

const HAN = /\p{Script=Han}/u;

/** Whether the character at `at` belongs to a word of two or more characters, in context. */
function inWord(chars: string[], at: number, segment: (text: string) => string[]): boolean {
  const from = Math.max(0, at - 4);
  let offset = from;
  for (const token of segment(chars.slice(from, at + 5).join(''))) {
    const length = [...token].length;
    if (at >= offset && at < offset + length) return length >= 2;
    offset += length;
  }
  return false;
}

export class HomophoneCorrector {
  /** `segment`: dictionary word segmentation, to check that a correction makes a known word. */
  constructor(private readonly segment?: (text: string) => string[]) {}

  /** Pinyin pair → the most frequent character pair with that sound, and its frequency. */
  private readonly bySound = new Map<string, { pair: string; count: number }>();
  private readonly counts = new Map<string, number>();
  private readonly triples = new Set<string>();

  /** Counts the character pairs of normalised texts. */
  add(text: string): void {
    let prev = '';
    let prev2 = '';
    for (const c of text) {
      if (HAN.test(c) && prev) {
        const pair = prev + c;
        this.counts.set(pair, (this.counts.get(pair) ?? 0) + 1);
        if (prev2) this.triples.add(prev2 + pair);
      }
      prev2 = HAN.test(c) ? prev : '';
      prev = HAN.test(c) ? c : '';
    }
  }

  /**
   * Call once after adding every text. Only pairs seen at least `minCount` times are trusted as
   * corrections: by default 2 in a small knowledge base, rising to 8 in a large one, where rare
   * pairs are more often someone's odd wording than the word a person meant.
   */
  seal(minCount?: number): void {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    const threshold = minCount ?? Math.min(8, Math.max(2, Math.round(total / 50_000)));
    for (const [pair, count] of this.counts) {
      if (count < threshold) continue;
      const [a, b] = [...pair] as [string, string];
      const sound = `${charPinyin(a)}_${charPinyin(b)}`;
      const best = this.bySound.get(sound);
      if (!best || count > best.count) this.bySound.set(sound, { pair, count });
    }
  }

  /** The text with unknown pairs replaced by their known homophones (one character each). */
  correct(text: string): string {
    const chars = [...text];
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i]!;
      const b = chars[i + 1]!;
      if (!HAN.test(a) || !HAN.test(b) || this.counts.has(a + b)) continue;
      const known = this.bySound.get(`${charPinyin(a)}_${charPinyin(b)}`);
      if (!known) continue;
      const [ka, kb] = [...known.pair] as [string, string];
      // One wrong character per pair: two would be a different word, not a mishearing.
      if ((ka === a) === (kb === b)) continue;
      // The correction must also fit its neighbour (保险今 → 保险金) and make the changed character
      // part of a word: a pair alone sounds like too many things (能拿 is not 能纳).
      const before = chars[i - 1] ?? '';
      const after = chars[i + 2] ?? '';
      const atEdge = !HAN.test(before) || !HAN.test(after);
      if (!atEdge && !this.triples.has(before + ka + kb) && !this.triples.has(ka + kb + after)) continue;
      const changedAt = ka === a ? i + 1 : i;
      const candidate = [...chars];
      candidate[i] = ka;
      candidate[i + 1] = kb;
      if (this.segment && !inWord(candidate, changedAt, this.segment)) continue;
      chars[i] = ka;
      chars[i + 1] = kb;
    }
    return chars.join('');
  }
}

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

/** The sound of a text, syllable by syllable (`结转` → `jie_zhuan`): homophones share it. */
export const soundOf = (text: string): string => [...text].map(charPinyin).join('_');

/**
 * Calls `visit` with each pair of neighbouring Han characters in a text and the Han character
 * before it ('' if none). A callback, not a generator of objects: every item's text goes through
 * here when an index is built.
 */
function eachHanPair(text: string, visit: (pair: string, before: string) => void): void {
  let prev = '';
  let prev2 = '';
  for (const c of text) {
    const han = HAN.test(c);
    if (han && prev) visit(prev + c, prev2);
    prev2 = han ? prev : '';
    prev = han ? c : '';
  }
}

/** The Han character pairs of texts, with how often each occurs. */
export function countPairs(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) eachHanPair(text, (pair) => counts.set(pair, (counts.get(pair) ?? 0) + 1));
  return counts;
}

/** Sound → the most frequent pair with that sound, among pairs counted at least `least` times. */
function bestPairBySound(counts: Iterable<[string, number]>, least: number): Map<string, { pair: string; count: number }> {
  const bySound = new Map<string, { pair: string; count: number }>();
  for (const [pair, count] of counts) {
    if (count < least) continue;
    const sound = soundOf(pair);
    const best = bySound.get(sound);
    if (!best || count > best.count) bySound.set(sound, { pair, count });
  }
  return bySound;
}

/** Which characters of a text belong to no dictionary word of two or more characters. */
function orphanCharacters(chars: string[], segment: (text: string) => string[]): boolean[] {
  const orphan: boolean[] = [];
  for (const token of segment(chars.join(''))) {
    const length = [...token].length;
    for (let k = 0; k < length; k++) orphan.push(length === 1);
  }
  return orphan;
}

/** What a corrector counted (see `HomophoneCorrector.counted`). */
export interface HomophoneCounts {
  counts: Map<string, number>;
  triples: Map<string, number>;
  trusted: Set<string>;
  trustedTriples: Set<string>;
  total: number;
}

export class HomophoneCorrector {
  /** `segment`: dictionary word segmentation, to check that a correction makes a known word. */
  constructor(private readonly segment?: (text: string) => string[]) {}

  /** Pinyin pair → the most frequent character pair with that sound, and its frequency (made by `seal`). */
  private bySound = new Map<string, { pair: string; count: number }>();
  private counts = new Map<string, number>();
  /** Character triples and how many times each occurs (counted, so that a removed text can be taken back). */
  private triples = new Map<string, number>();
  /** Pairs of words people ask with (多少, 什么): trusted however seldom the documents use them. */
  private trusted = new Set<string>();
  private trustedTriples = new Set<string>();
  /** Pairs counted in all, for the threshold of `seal`. */
  private total = 0;
  /** Pairs whose count moved since the last `seal`: only their sounds need choosing again. */
  private readonly changed = new Set<string>();
  /** Sound → every pair counted with it; made by the first `seal` and kept in step by the later ones. */
  private pairsBySound?: Map<string, string[]>;
  private sealed?: { threshold: number; minCount?: number };

  /** The counts themselves (not copies): to be saved at once with an index (search/index-state). */
  counted(): HomophoneCounts {
    return { counts: this.counts, triples: this.triples, trusted: this.trusted, trustedTriples: this.trustedTriples, total: this.total };
  }

  /** Takes over saved counts, in place of what this corrector counted; `seal` it after. */
  restore(saved: HomophoneCounts): void {
    ({ counts: this.counts, triples: this.triples, trusted: this.trusted, trustedTriples: this.trustedTriples, total: this.total } = saved);
    this.changed.clear();
    this.pairsBySound = undefined;
    this.sealed = undefined;
  }

  /** Counts the character pairs of normalised texts. */
  add(text: string): void {
    this.count(text, 1);
  }

  /** Takes back a text added before (an item replaced or removed); call `seal` again after. */
  remove(text: string): void {
    this.count(text, -1);
  }

  private count(text: string, by: 1 | -1): void {
    // Before the first `seal` every sound is chosen anyway: nothing to remember as changed.
    const track = this.pairsBySound !== undefined;
    eachHanPair(text, (pair, before) => {
      this.total += by;
      if (track) this.changed.add(pair);
      bump(this.counts, pair, by, this.trusted.has(pair));
      if (before) bump(this.triples, before + pair, by, false);
    });
  }

  /**
   * Trusts the character pairs of these words (the question words of `resources/lexicon/`):
   * documents seldom ask questions, so their own counts would not teach the corrector 多少 or 哪些.
   */
  trust(words: Iterable<string>): void {
    for (const word of words) {
      const chars = [...word].filter((c) => HAN.test(c));
      for (let i = 0; i + 1 < chars.length; i++) {
        const pair = chars[i]! + chars[i + 1]!;
        this.trusted.add(pair);
        this.changed.add(pair);
        this.counts.set(pair, this.counts.get(pair) ?? 0);
        if (i + 2 < chars.length) this.trustedTriples.add(pair + chars[i + 2]!);
      }
    }
  }

  /**
   * Call after adding (or removing) texts. Only pairs seen at least `minCount` times are trusted as
   * corrections: by default 2 in a small knowledge base, rising to 8 in a large one, where rare
   * pairs are more often someone's odd wording than the word a person meant. After the first call,
   * only the sounds of pairs whose counts moved are chosen again (unless the threshold moved): an
   * index updated for a few items does not go over every pair of the knowledge base.
   */
  seal(minCount?: number): void {
    const threshold = minCount ?? Math.min(8, Math.max(2, Math.round(this.total / 50_000)));
    const sameRule = this.sealed?.threshold === threshold && this.sealed.minCount === minCount;
    let bySound = this.pairsBySound;
    if (!bySound || !sameRule) {
      bySound = new Map();
      for (const pair of this.counts.keys()) push(bySound, soundOf(pair), pair);
      this.pairsBySound = bySound;
      this.bySound = new Map();
      this.changed.clear();
      for (const sound of bySound.keys()) this.choose(sound, threshold);
    } else {
      const sounds = new Set<string>();
      for (const pair of this.changed) {
        const sound = soundOf(pair);
        const pairs = bySound.get(sound) ?? [];
        const at = pairs.indexOf(pair);
        if (this.counts.has(pair) && at < 0) push(bySound, sound, pair);
        else if (!this.counts.has(pair) && at >= 0) {
          pairs.splice(at, 1);
          if (!pairs.length) bySound.delete(sound);
        }
        sounds.add(sound);
      }
      this.changed.clear();
      for (const sound of sounds) this.choose(sound, threshold);
    }
    this.sealed = { threshold, ...(minCount === undefined ? {} : { minCount }) };
  }

  /**
   * The pair read for a sound: the most frequent of its pairs seen at least `threshold` times; on a
   * tie the first in code-point order, so that the choice does not depend on the order items came in.
   */
  private choose(sound: string, threshold: number): void {
    let best: { pair: string; count: number } | undefined;
    for (const pair of this.pairsBySound?.get(sound) ?? []) {
      const seen = this.counts.get(pair) ?? 0;
      const count = this.trusted.has(pair) ? Math.max(seen, threshold) : seen;
      if (count < threshold) continue;
      if (!best || count > best.count || (count === best.count && pair < best.pair)) best = { pair, count };
    }
    if (best) this.bySound.set(sound, best);
    else this.bySound.delete(sound);
  }

  private hasTriple(triple: string): boolean {
    return this.triples.has(triple) || this.trustedTriples.has(triple);
  }

  /**
   * Reads the text once more against the one item chosen to answer it (`pairs`: the item's
   * character pairs and their counts, from `countPairs`). Knowing the item settles what the
   * knowledge base as a whole cannot: a pair the item never uses, that sounds exactly like a pair
   * it uses at least twice, is read as that pair, even with both characters wrong (间设 → 建设,
   * 费炎 → 肺炎). Only a pair the whole knowledge base never uses is read again, and only its
   * characters that belong to no dictionary word of the text may change: a misheard character
   * seldom makes a word with its neighbours, while a word of the question (哪些条例, 工伤) is what
   * the person said.
   */
  correctAgainst(text: string, pairs: ReadonlyMap<string, number>): string {
    if (!this.segment) return text;
    const bySound = bestPairBySound(pairs, 2);
    const chars = [...text];
    const orphan = orphanCharacters(chars, this.segment);
    for (let i = 0; i + 1 < chars.length; i++) {
      const [a, b] = [chars[i]!, chars[i + 1]!];
      if (!HAN.test(a) || !HAN.test(b) || this.counts.has(a + b)) continue;
      const known = bySound.get(soundOf(a + b));
      if (!known) continue;
      const [ka, kb] = [...known.pair] as [string, string];
      if ((ka !== a && !orphan[i]) || (kb !== b && !orphan[i + 1])) continue;
      chars[i] = ka;
      chars[i + 1] = kb;
    }
    return chars.join('');
  }

  /** The text with unknown pairs replaced by their known homophones (one character each). */
  correct(text: string): string {
    const chars = [...text];
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i]!;
      const b = chars[i + 1]!;
      if (!HAN.test(a) || !HAN.test(b) || this.counts.has(a + b)) continue;
      const known = this.bySound.get(soundOf(a + b));
      if (!known) continue;
      const [ka, kb] = [...known.pair] as [string, string];
      // One wrong character per pair: two would be a different word, not a mishearing.
      if ((ka === a) === (kb === b)) continue;
      // The correction must also fit its neighbour (保险今 → 保险金) and make the changed character
      // part of a word: a pair alone sounds like too many things (能拿 is not 能纳).
      const before = chars[i - 1] ?? '';
      const after = chars[i + 2] ?? '';
      const atEdge = !HAN.test(before) || !HAN.test(after);
      const questionWord = this.trusted.has(known.pair);
      if (!atEdge && !questionWord && !this.hasTriple(before + ka + kb) && !this.hasTriple(ka + kb + after)) continue;
      // 那个 and 那些 sound like 哪个 and 哪些 and are words of their own: only a pair that makes no
      // word is read as a question word.
      if (questionWord && this.segment && this.segment(a + b).length === 1) continue;
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

/**
 * The text as someone who knows one item hears it (`pairs`: the item's character pairs, from
 * `countPairs`): a pair the item never uses, that sounds exactly like a pair it does use and
 * differs from it in one character, is read as that pair — 防空 as its 防控, 延企 as its 延期, 发改为
 * as its 发改委. Looser than `HomophoneCorrector.correctAgainst`: the pair may be a word elsewhere
 * (改为, 退出) and the character need not be an orphan, so what this reads counts for less than
 * what was said. A character that makes a pair the item uses with its other neighbour is kept:
 * that neighbour says it was heard right. With `functionWords`, so are the question words (几 of
 * 哪几个), and a reading must make the changed character part of a dictionary word (not 在哪办 →
 * 再哪办); and a character that is a word no item uses, left alone by the dictionary, in no pair
 * the item uses, and sounding like a one-character stop word, is read as it (发布疗哪些 →
 * 发布了哪些): a misheard particle is no topic.
 */
export function heardAs(text: string, pairs: ReadonlyMap<string, number>, functionWords?: FunctionWords): string {
  const bySound = new Map<string, string[]>();
  for (const pair of pairs.keys()) {
    const sound = soundOf(pair);
    const list = bySound.get(sound);
    if (list) list.push(pair);
    else bySound.set(sound, [pair]);
  }
  const said = [...text];
  const chars = [...said];
  const framing = functionWords ? framingCharacters(said, functionWords) : new Set<number>();
  const itemUses = (a: string | undefined, b: string | undefined): boolean => !!a && !!b && pairs.has(a + b);
  // Whether the character at `at`, as said, was heard right: it frames the question, or makes a
  // pair the item uses with its neighbour on the other side.
  const settled = (at: number, neighbour: number): boolean =>
    framing.has(at) || (neighbour < at ? itemUses(said[neighbour], said[at]) : itemUses(said[at], said[neighbour]));
  for (let i = 0; i + 1 < chars.length; i++) {
    const [a, b] = [chars[i]!, chars[i + 1]!];
    if (!HAN.test(a) || !HAN.test(b) || pairs.has(a + b)) continue;
    let best: string | undefined;
    for (const pair of bySound.get(soundOf(a + b)) ?? []) {
      const [ka, kb] = [...pair] as [string, string];
      if ((ka === a) === (kb === b)) continue;
      if (ka !== a ? settled(i, i - 1) : settled(i + 1, i + 2)) continue;
      if (best && pairs.get(pair)! <= pairs.get(best)!) continue;
      if (functionWords && !makesWord(chars, i, pair, functionWords.segment)) continue;
      best = pair;
    }
    if (best) [chars[i], chars[i + 1]] = [...best] as [string, string];
  }
  if (!functionWords) return chars.join('');
  const isParticle = new Set([...functionWords.words].filter((w) => [...w].length === 1 && HAN.test(w)));
  const particles = new Map([...isParticle].map((p): [string, string] => [charPinyin(p), p]));
  const orphan = orphanCharacters(chars, functionWords.segment);
  chars.forEach((c, i) => {
    const particle = particles.get(charPinyin(c));
    // A particle stays itself (在 is not read as 再).
    if (!particle || isParticle.has(c) || !orphan[i] || functionWords.isWord(c)) return;
    if (settled(i, i - 1) || settled(i, i + 1)) return;
    chars[i] = particle;
  });
  return chars.join('');
}

/** Whether reading the pair at `at` as `pair` makes its changed character part of a dictionary word. */
function makesWord(chars: string[], at: number, pair: string, segment: (text: string) => string[]): boolean {
  const [ka, kb] = [...pair] as [string, string];
  const candidate = [...chars];
  candidate[at] = ka;
  candidate[at + 1] = kb;
  return inWord(candidate, ka === chars[at] ? at + 1 : at, segment);
}

/** Positions of the characters of the question words in a text (有何, 哪几个): how it asks. */
function framingCharacters(chars: string[], functionWords: FunctionWords): Set<number> {
  const framing = new Set<number>();
  const text = chars.join('');
  for (const word of functionWords.keep) {
    if (!word) continue;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const from = [...text.slice(0, at)].length;
      for (let k = 0; k < [...word].length; k++) framing.add(from + k);
    }
  }
  return framing;
}

/** What `heardAs` needs to keep how a question asks, and to read misheard particles back. */
export interface FunctionWords {
  /** The stop words: their one-character ones (了, 的) are the particles. */
  words: Iterable<string>;
  /** Words whose characters are kept however they segment: the question words (有何, 哪几个). */
  keep: Iterable<string>;
  /** Dictionary word segmentation: a misheard particle stands alone. */
  segment: (text: string) => string[];
  /** Whether the knowledge base uses a character as a word of its own (低, 房): then it was said. */
  isWord: (char: string) => boolean;
}

/** Adds `by` to a count; a count back at zero is deleted unless `keep` (a trusted pair stays known). */
function bump(counts: Map<string, number>, key: string, by: number, keep: boolean): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0 || keep) counts.set(key, Math.max(0, n));
  else counts.delete(key);
}

function push(lists: Map<string, string[]>, key: string, value: string): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

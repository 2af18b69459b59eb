/**
 * @module search/word-list
 * An item's distinct words, kept for re-ranking and verification ("does this item hold 社保?").
 * Held as one string rather than a Set: at 10,000 items a Set of short strings per item cost
 * about 65 MB of heap, the joined text about a fifth of it, and a lookup scans a few kilobytes
 * only for the few dozen items a question re-ranks.
 */

/** No word holds it (the analyzer's terms are letters, digits and Han characters). */
const SEP = '\u0001';

export class WordList implements Iterable<string> {
  private constructor(private readonly joined: string) {}

  static of(words: Iterable<string>): WordList {
    const distinct = [...new Set(words)].filter((w) => w && !w.includes(SEP));
    return new WordList(distinct.length ? `${SEP}${distinct.join(SEP)}${SEP}` : '');
  }

  /** The list as one string, to be saved with an index; `WordList.fromText` reads it back. */
  get text(): string {
    return this.joined;
  }

  static fromText(text: string): WordList {
    return new WordList(text);
  }

  has(word: string): boolean {
    return word !== '' && !word.includes(SEP) && this.joined.includes(`${SEP}${word}${SEP}`);
  }

  *[Symbol.iterator](): Iterator<string> {
    if (this.joined) yield* this.joined.slice(1, -1).split(SEP);
  }
}

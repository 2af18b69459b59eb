/**
 * @module search/word-finder
 * Whether a text holds any of a set of words, in one pass over the text whatever the number of
 * words: an import of a few hundred new titles checks every item of the knowledge base for them
 * (search/search-index `update`), and a few hundred `includes` per text would cost seconds.
 */

/** A test for texts holding any of `words` (each of two or more UTF-16 units). */
export function wordFinder(words: readonly string[]): (text: string) => boolean {
  // Words by their first two code units, as one 32-bit integer (a small integer to V8: no number is
  // allocated per character looked at): a text is looked at two units at a time.
  const key = (text: string, at: number): number => (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1);
  const byStart = new Map<number, string[]>();
  for (const word of words) {
    if (word.length < 2) continue;
    const list = byStart.get(key(word, 0));
    if (list) list.push(word);
    else byStart.set(key(word, 0), [word]);
  }
  return (text) => {
    for (let i = 0; i + 1 < text.length; i++) {
      const candidates = byStart.get(key(text, i));
      if (candidates?.some((word) => text.startsWith(word, i))) return true;
    }
    return false;
  };
}

/**
 * @module search/word-finder
 * Whether a text holds any of a set of words, in one pass over the text whatever the number of
 * words: an import of a few hundred new titles checks every item of the knowledge base for them
 * (search/search-index `update`), and a few hundred `includes` per text would cost seconds.
 */

/** A test for texts holding any of `words` (each of two or more UTF-16 units). */
export function wordFinder(words: readonly string[]): (text: string) => boolean {
  // Words by their first two code units, as one number: a text is looked at two units at a time.
  const byStart = new Map<number, string[]>();
  for (const word of words) {
    if (word.length < 2) continue;
    const key = word.charCodeAt(0) * 0x10000 + word.charCodeAt(1);
    const list = byStart.get(key);
    if (list) list.push(word);
    else byStart.set(key, [word]);
  }
  return (text) => {
    for (let i = 0; i + 1 < text.length; i++) {
      const candidates = byStart.get(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1));
      if (candidates?.some((word) => text.startsWith(word, i))) return true;
    }
    return false;
  };
}

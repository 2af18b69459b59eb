/**
 * @module answering/similarity
 * Surface similarity of two questions, by their character pairs.
 */

/** Dice coefficient of two bigram lists (as sets): 2|A∩B| / (|A| + |B|). */
export function bigramDice(a: string[], b: string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  if (!setA.size || !setB.size) return 0;
  let shared = 0;
  for (const x of setA) if (setB.has(x)) shared++;
  return (2 * shared) / (setA.size + setB.size);
}

/**
 * Dice coefficient weighted by how much each pair says (its IDF): sharing 补贴 counts for
 * little, leaving out 安家 counts for a lot, so a short question does not match every longer
 * one that contains its commonest words.
 */
export function weightedDice(a: string[], b: string[], weight: (term: string) => number): number {
  const setA = new Set(a);
  const setB = new Set(b);
  let shared = 0;
  let total = 0;
  for (const x of setA) {
    const w = weight(x);
    total += w;
    if (setB.has(x)) shared += 2 * w;
  }
  for (const x of setB) total += weight(x);
  return total ? shared / total : 0;
}

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

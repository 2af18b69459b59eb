/**
 * @module eval/metrics
 * The metrics of the eval FORMAT.md: document recall at 1 and 5, MRR, character ROUGE-L and
 * answer coverage, expected strings in the answer, and answer-time percentiles.
 */

const stripSpace = (s: string) => s.replace(/\s+/g, '');

/** Length of the longest common subsequence of two strings, by characters. */
export function lcsLength(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (!x.length || !y.length) return 0;
  let prev = new Uint16Array(y.length + 1);
  let cur = new Uint16Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length]!;
}

/** Character-level ROUGE-L F1, whitespace removed on both sides. */
export function rougeL(candidate: string, reference: string): number {
  const c = stripSpace(candidate);
  const r = stripSpace(reference);
  const lcs = lcsLength(c, r);
  if (!lcs) return 0;
  const precision = lcs / [...c].length;
  const recall = lcs / [...r].length;
  return (2 * precision * recall) / (precision + recall);
}

/** Whether an answer of at most 400 characters covers at least 80 % of the gold answer. */
export function covers(candidate: string, reference: string): boolean {
  const c = stripSpace(candidate);
  const r = stripSpace(reference);
  if ([...c].length > 400 || !r) return false;
  return lcsLength(c, r) / [...r].length >= 0.8;
}

/**
 * Whether a retrieved document counts as relevant: the gold document, or any document holding
 * the gold answer verbatim when that answer is at least 8 characters (reposted notices).
 */
export function isRelevant(docId: string, docText: string | undefined, goldId: string, goldAnswer: string | undefined): boolean {
  if (docId === goldId) return true;
  const answer = stripSpace(goldAnswer ?? '');
  return [...answer].length >= 8 && docText !== undefined && stripSpace(docText).includes(answer);
}

/** Whether the answer holds one of the expected strings, whitespace removed on both sides. */
export function holdsExpected(candidate: string, expected: readonly string[]): boolean {
  const c = stripSpace(candidate);
  return expected.some((e) => stripSpace(e) !== '' && c.includes(stripSpace(e)));
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** `value` rounded to `digits` decimals, as the metrics are reported. */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

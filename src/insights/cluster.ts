/**
 * @module insights/cluster
 * Groups the questions the knowledge base could not answer by what they ask, so that staff see
 * "40 people asked about X in 12 ways" rather than 40 lines, and can turn one group into one FAQ.
 *
 * Each question becomes a TF-IDF vector over its analysed words (synonyms folded, stop words
 * gone) and character bigrams; questions are merged by average-linkage agglomerative clustering
 * until no two groups are similar enough. Written here because the clustering libraries on npm
 * are numeric (k-means needs k up front; DBSCAN over raw vectors ignores IDF); the method itself
 * is textbook and the inputs are small (hundreds to a few thousand questions a period).
 */
import type { TextAnalyzer } from '../language/index.js';
import { questionKey } from './question-log.js';

export interface QuestionSample {
  /** The question as logged (already redacted). */
  text: string;
  /** How many times it was asked in this exact form. */
  count: number;
}

export interface QuestionVariant extends QuestionSample {
  /** The normalised form that identical questions share. */
  normalized: string;
}

export interface QuestionCluster {
  /** The most asked variant, a good standard question for a new FAQ. */
  representative: string;
  /** Every distinct wording, most asked first. */
  variants: QuestionVariant[];
  /** All askings of all variants. */
  total: number;
}

export interface ClusterOptions {
  /** Average cosine similarity two groups need to merge (0–1). */
  threshold?: number;
  /** Beyond this many distinct questions only the most asked are clustered (the work is quadratic). */
  maxQuestions?: number;
}

export const DEFAULT_CLUSTER_THRESHOLD = 0.4;
const DEFAULT_MAX_QUESTIONS = 3000;

type SparseVector = Map<string, number>;

/** Clusters the questions, largest cluster (by askings) first. */
export function clusterQuestions(
  samples: QuestionSample[],
  analyzer: TextAnalyzer,
  options: ClusterOptions = {},
): QuestionCluster[] {
  const threshold = options.threshold ?? DEFAULT_CLUSTER_THRESHOLD;
  const variants = distinctVariants(samples).slice(0, options.maxQuestions ?? DEFAULT_MAX_QUESTIONS);
  if (variants.length === 0) return [];
  const vectors = tfidfVectors(variants.map((v) => questionTerms(v.normalized, analyzer)));
  const groups = averageLinkage(vectors, threshold);
  return groups
    .map((members) => {
      const list = members.map((i) => variants[i]!).sort((a, b) => b.count - a.count);
      return { representative: list[0]!.text, variants: list, total: list.reduce((sum, v) => sum + v.count, 0) };
    })
    .sort((a, b) => b.total - a.total || b.variants.length - a.variants.length);
}

/** Identical questions after normalisation (width, traditional characters, punctuation) count as one. */
function distinctVariants(samples: QuestionSample[]): QuestionVariant[] {
  const byForm = new Map<string, QuestionVariant>();
  for (const sample of samples) {
    const normalized = questionKey(sample.text).toLowerCase();
    if (!normalized) continue;
    const known = byForm.get(normalized);
    if (known) {
      known.count += sample.count;
      // The most asked wording speaks for the group.
      if (sample.count > known.count - sample.count) known.text = sample.text;
    } else {
      byForm.set(normalized, { text: sample.text, count: sample.count, normalized });
    }
  }
  return [...byForm.values()].sort((a, b) => b.count - a.count || a.normalized.localeCompare(b.normalized));
}

/** Words (synonyms folded to one form, stop words gone) and character bigrams. */
function questionTerms(normalized: string, analyzer: TextAnalyzer): string[] {
  const analysis = analyzer.analyze(normalized, { normalized: true, query: true });
  return [...analysis.words.map((w) => `w:${w}`), ...analysis.bigrams.map((b) => `b:${b}`)];
}

/** Unit-length TF-IDF vectors; document frequency counts each question once, however often asked. */
function tfidfVectors(termLists: string[][]): SparseVector[] {
  const documentFrequency = new Map<string, number>();
  for (const terms of termLists) for (const t of new Set(terms)) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  const n = termLists.length;
  return termLists.map((terms) => {
    const vector: SparseVector = new Map();
    for (const t of terms) vector.set(t, (vector.get(t) ?? 0) + 1);
    let norm = 0;
    for (const [t, tf] of vector) {
      const weight = tf * Math.log(1 + n / (documentFrequency.get(t) ?? 1));
      vector.set(t, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of vector) vector.set(t, w / norm);
    return vector;
  });
}

function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [t, w] of small) sum += w * (large.get(t) ?? 0);
  return sum;
}

/**
 * Average-linkage agglomerative clustering: repeatedly merge the two most similar groups while
 * their average pairwise similarity reaches the threshold. Average linkage (not single) keeps a
 * chain of loosely related questions from collapsing into one group. Each group remembers its
 * most similar partner, so a merge costs O(n) updates rather than a fresh O(n²) scan.
 */
function averageLinkage(vectors: SparseVector[], threshold: number): number[][] {
  const n = vectors.length;
  const groups: (number[] | undefined)[] = vectors.map((_, i) => [i]);
  // Sum of pairwise similarities between groups i and j (stored at [max][min]), so that averages
  // after a merge are one addition away.
  const linkSum: Float64Array[] = vectors.map((_, i) => new Float64Array(i));
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) linkSum[i]![j] = cosine(vectors[i]!, vectors[j]!);
  const sum = (i: number, j: number) => (i > j ? linkSum[i]![j]! : linkSum[j]![i]!);
  const average = (i: number, j: number) => sum(i, j) / (groups[i]!.length * groups[j]!.length);

  const partner = new Int32Array(n).fill(-1);
  const partnerSimilarity = new Float64Array(n).fill(-1);
  const findPartner = (i: number) => {
    partner[i] = -1;
    partnerSimilarity[i] = -1;
    for (let j = 0; j < n; j++) {
      if (j === i || !groups[j]) continue;
      const similarity = average(i, j);
      if (similarity > partnerSimilarity[i]!) {
        partnerSimilarity[i] = similarity;
        partner[i] = j;
      }
    }
  };
  for (let i = 0; i < n; i++) findPartner(i);

  for (;;) {
    let keep = -1;
    for (let i = 0; i < n; i++) {
      if (groups[i] && partner[i]! >= 0 && (keep < 0 || partnerSimilarity[i]! > partnerSimilarity[keep]!)) keep = i;
    }
    if (keep < 0 || partnerSimilarity[keep]! < threshold) break;
    const gone = partner[keep]!;
    for (let k = 0; k < n; k++) {
      if (k === keep || k === gone || !groups[k]) continue;
      const merged = sum(keep, k) + sum(gone, k);
      if (keep > k) linkSum[keep]![k] = merged;
      else linkSum[k]![keep] = merged;
    }
    groups[keep] = [...groups[keep]!, ...groups[gone]!];
    groups[gone] = undefined;
    findPartner(keep);
    for (let k = 0; k < n; k++) {
      if (!groups[k] || k === keep) continue;
      if (partner[k] === keep || partner[k] === gone) findPartner(k);
      else if (average(k, keep) > partnerSimilarity[k]!) {
        partnerSimilarity[k] = average(k, keep);
        partner[k] = keep;
      }
    }
  }
  return groups.filter((g): g is number[] => g !== undefined);
}

/**
 * Knowledge bases of any size made from real Chinese policy text: the ncpqa benchmark's 599
 * documents as they are, then items re-combined from their sentences (a run of consecutive
 * sentences of one document, titled by the document and the run's first clause), the way a zone's
 * FAQ and guide paragraphs restate its policies. Never random characters: the term statistics,
 * the vocabulary and the overlap between items are those of real policy text. Deterministic.
 */
import { datasetKnowledge } from '../../src/eval/knowledge.js';
import type { Dataset } from '../../src/eval/dataset.js';
import { isRelevant } from '../../src/eval/metrics.js';
import { validateItem, type Item } from '../../src/knowledge/index.js';
import { seededRandom } from '../../src/eval/seeded-random.js';

export interface BenchKnowledge {
  items: Item[];
}

/** Whether a retrieved item answers a question whose gold document is `goldId`: the document, an item made from it, or one holding the answer. */
export function benchRelevant(item: { id: string; text: string }, goldId: string, goldAnswer: string | undefined): boolean {
  return item.id.startsWith(goldId) || isRelevant(item.id, item.text, goldId, goldAnswer);
}

/** Sentences of a document: cut after 。！？； (a run of them is what a paragraph item holds). */
const sentencesOf = (text: string): string[] => text.match(/[^。！？；\n]+[。！？；]?/gu)?.map((s) => s.trim()).filter((s) => s.length >= 8) ?? [];

export async function benchKnowledge(dataset: Dataset, size: number): Promise<BenchKnowledge> {
  const base = await datasetKnowledge(dataset);
  const items = base.items.slice(0, size);
  const docs = dataset.corpus.map((d) => ({ id: d.id, title: d.title.trim() || d.text.slice(0, 20), sentences: sentencesOf(d.text) })).filter((d) => d.sentences.length >= 2);
  const random = seededRandom(size);
  for (let n = 0; items.length < size; n++) {
    const doc = docs[Math.floor(random() * docs.length)]!;
    const length = 2 + Math.floor(random() * 5);
    const start = Math.floor(random() * Math.max(1, doc.sentences.length - length + 1));
    const run = doc.sentences.slice(start, start + length);
    const lead = run[0]!.split(/[，,：:]/u)[0]!.slice(0, 24);
    // The id carries the source document, so that a process reading only the store can judge relevance.
    const id = `${doc.id}-b${n}`;
    const validation = validateItem({ id, kind: 'policy', title: `${doc.title}（${lead}）`, text: run.join('') });
    if (!validation.ok) throw new Error(`bench item ${id}: ${validation.errors.join('; ')}`);
    items.push(validation.item);
  }
  return { items };
}

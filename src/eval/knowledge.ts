/**
 * @module eval/knowledge
 * A dataset's knowledge as items: each corpus document imported as `xiaoxin import` imports a
 * `.txt` file of that text (the engine decides what it is: a guide, a policy, an article), and
 * knowledge.jsonl imported as `xiaoxin import` would. Both through the importer's own code.
 */
import { formatProblem, importDocumentText, importPaths } from '../ingestion/index.js';
import { itemBody, type Item } from '../knowledge/index.js';
import type { CorpusDoc, Dataset } from './dataset.js';

export interface DatasetKnowledge {
  items: Item[];
  /** Rows the importer skipped (they cannot be retrieved, which lowers recall), formatted. */
  problems: string[];
  /** Document or item id → its text, for the relevance rule and the diagnoses. */
  texts: Map<string, string>;
  /** Document or item id → its title, for the report. */
  titles: Map<string, string>;
}

export async function datasetKnowledge(dataset: Dataset): Promise<DatasetKnowledge> {
  const items: Item[] = [];
  const problems: string[] = [];
  for (const doc of dataset.corpus) {
    const imported = corpusItem(doc);
    if (imported.item) items.push(imported.item);
    problems.push(...imported.problems);
  }
  if (dataset.knowledgeFile) {
    const imported = await importPaths([dataset.knowledgeFile]);
    items.push(...imported.items);
    problems.push(...imported.problems.map(formatProblem));
  }
  // The corpus texts as published (gold answers are spans of them); items by their body.
  const texts = new Map(items.map((item) => [item.id, itemBody(item)]));
  for (const doc of dataset.corpus) texts.set(doc.id, doc.text);
  const titles = new Map(items.map((item) => [item.id, item.title]));
  return { items, problems, texts, titles };
}

/** One corpus document as the item a `.txt` file of its text becomes, keeping the corpus id. */
function corpusItem(doc: CorpusDoc): { item?: Item; problems: string[] } {
  // The title, when the corpus knows it, is what an HTML page's heading is to the importer.
  const hints = doc.title.trim() ? { title: doc.title } : {};
  const imported = importDocumentText(`${doc.id}.txt`, doc.text, {}, hints);
  const problems = imported.problems.map((p) => `corpus.jsonl ${doc.id}: ${p.message}`);
  // doc_id refers to the corpus id, whatever a file name would have made of it.
  return { ...(imported.item ? { item: { ...imported.item, id: doc.id } } : {}), problems };
}

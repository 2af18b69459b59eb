/**
 * @module answering/test-fixtures
 * Shared set-up for the answering tests: the demo knowledge base imported into an in-memory
 * store, and a check that an answer's text is copied from the item it cites.
 * Imports no test framework, so it is harmless in a build.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GUIDE_FIELD_LABELS, itemBody, type Item } from '../knowledge/index.js';
import { importPaths } from '../ingestion/index.js';
import { openStore, type Store } from '../storage/index.js';
import { Assistant, type AssistantOptions } from './assistant.js';
import type { Answer } from './answer.js';

export const DEMO_FILES = ['guides.jsonl', 'policies.jsonl', 'faqs.jsonl'].map((f) =>
  fileURLToPath(new URL(`../../demo/${f}`, import.meta.url)),
);

export const DEMO_TODAY = '2026-11-22';
export const DEMO_HOTLINE = '0000-12345';

export interface DemoSetup {
  store: Store;
  assistant: Assistant;
  /** Items as imported, by id. */
  items: Map<string, Item>;
  /** The raw records of the demo files, as written (for ids, titles, expiry dates). */
  raw: { kind: string; id: string; title: string; expiryDate?: string; [key: string]: unknown }[];
}

/** Imports the demo files into a fresh in-memory store and builds an assistant over them. */
export async function openDemo(options: AssistantOptions = {}): Promise<DemoSetup> {
  const result = await importPaths(DEMO_FILES);
  if (result.problems.length) throw new Error(`demo import problems: ${JSON.stringify(result.problems)}`);
  const store = await openStore({ dataDir: 'memory://' });
  await store.upsertItems(result.items);
  const assistant = await Assistant.create(store, { today: DEMO_TODAY, hotline: DEMO_HOTLINE, ...options });
  const raw = DEMO_FILES.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as DemoSetup['raw'][number]),
  );
  return { store, assistant, items: new Map(result.items.map((i) => [i.id, i])), raw };
}

const LABELS = Object.values(GUIDE_FIELD_LABELS);

/**
 * The lines of an answer's text that are not copied from the cited item, once the added
 * labels are taken off (the 【title】 prefix, "申请材料：" and the like). Empty when the answer
 * is faithful.
 */
export function linesNotInItem(answer: Answer, item: Item): string[] {
  const body = itemBody(item);
  const source = item.kind === 'faq' ? [body, item.answer] : [body];
  let text = answer.text;
  const prefix = `【${item.title}】`;
  if (text.startsWith(prefix)) text = text.slice(prefix.length);
  const missing: string[] = [];
  for (let line of text.split('\n')) {
    line = line.trim();
    for (const label of LABELS) {
      if (line.startsWith(`${label}：`)) {
        line = line.slice(label.length + 1).trim();
        break;
      }
    }
    if (!line) continue;
    if (!source.some((s) => s.includes(line))) missing.push(line);
  }
  return missing;
}

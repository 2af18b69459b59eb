/**
 * @module server/catalog
 * What the home screen and question completion offer, taken from the knowledge base: every FAQ
 * question (standard and similar), guide name and current policy title, and the categories with
 * a few questions each. Rebuilt when the store's revision moves, like the search index, and when
 * the day changes (an expired policy is no longer offered). Only the items whose content changed
 * are read again (answering/store-changes): at ten thousand items, reading every item on each
 * publish held the event loop for seconds.
 */
import { isCurrent, type Item, type ItemKind } from '../knowledge/index.js';
import type { StandardQuestion } from '../insights/hot.js';
import type { Store } from '../storage/index.js';
import { readChanges } from '../answering/store-changes.js';
import { buildSuggester, type Suggester } from './suggest.js';

export interface Category {
  name: string;
  questions: string[];
}

export interface CatalogSnapshot {
  revision: number;
  /** The day its policies were judged current on: a policy that expires drops out the next day. */
  day: string;
  suggester: Suggester;
  /** Categories by number of items, largest first, each with a few questions to tap. */
  categories: Category[];
  /** FAQ standard questions taken in turn from each category, for the home screen. */
  curated: StandardQuestion[];
  /** Every item that may be offered as a question (no article, no expired policy), by id. */
  standard: ReadonlyMap<string, StandardQuestion>;
}

/** Questions shown under a category. */
export const QUESTIONS_PER_CATEGORY = 4;
const MAX_CATEGORIES = 12;

export class KnowledgeCatalog {
  #snapshot?: CatalogSnapshot;
  #building?: Promise<CatalogSnapshot>;
  /** The items the snapshot was made from, and their content hashes, to read only what changed. */
  #items = new Map<string, Item>();
  #hashes = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly today: () => string,
  ) {}

  /** The catalogue, built on first use. */
  async current(): Promise<CatalogSnapshot> {
    return this.#snapshot ?? this.#build();
  }

  /** Rebuilds when the store's revision moved or the day changed; returns whether it did. */
  async refresh(): Promise<boolean> {
    const snapshot = this.#snapshot;
    if (snapshot && snapshot.day === this.today() && (await this.store.revision()) === snapshot.revision) return false;
    await this.#build();
    return true;
  }

  #build(): Promise<CatalogSnapshot> {
    // One build at a time: the refresher and a first request may both ask.
    this.#building ??= (async () => {
      try {
        const revision = await this.store.revision();
        const { changes, hashes } = await readChanges(this.store, this.#hashes);
        for (const id of changes.removals) this.#items.delete(id);
        for (const item of changes.upserts) this.#items.set(item.id, item);
        this.#hashes = hashes;
        // In id order, as the store lists them: the categories' questions do not move with the order of edits.
        const items = [...this.#items.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        this.#snapshot = snapshotOf(items, revision, this.today());
        return this.#snapshot;
      } finally {
        this.#building = undefined;
      }
    })();
    return this.#building;
  }
}

export function snapshotOf(items: readonly Item[], revision: number, today: string): CatalogSnapshot {
  const entries: { text: string; itemId: string; kind: ItemKind; primary: boolean }[] = [];
  const standard = new Map<string, StandardQuestion>();
  for (const item of items) {
    // Articles are news, not questions; an expired policy would lead people astray.
    if (item.kind === 'article' || (item.kind === 'policy' && !isCurrent(item, today))) continue;
    entries.push({ text: item.title, itemId: item.id, kind: item.kind, primary: true });
    standard.set(item.id, { itemId: item.id, kind: item.kind, question: item.title });
    if (item.kind === 'faq') {
      for (const q of item.similarQuestions) entries.push({ text: q, itemId: item.id, kind: 'faq', primary: false });
    }
  }
  const categories = categoriesOf(items);
  const curated = curatedQuestions(items, categories);
  return { revision, day: today, suggester: buildSuggester(entries), categories, curated, standard };
}

function categoriesOf(items: readonly Item[]): Category[] {
  const byName = new Map<string, { count: number; faqs: string[]; guides: string[] }>();
  for (const item of items) {
    if (!item.category) continue;
    const entry = byName.get(item.category) ?? { count: 0, faqs: [], guides: [] };
    entry.count++;
    if (item.kind === 'faq') entry.faqs.push(item.title);
    if (item.kind === 'guide') entry.guides.push(item.title);
    byName.set(item.category, entry);
  }
  return [...byName.entries()]
    .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1))
    // FAQ questions first; a category without enough of them is filled with its guides' names.
    .map(([name, e]) => ({ name, questions: [...e.faqs, ...e.guides].slice(0, QUESTIONS_PER_CATEGORY) }))
    .filter((c) => c.questions.length > 0)
    .slice(0, MAX_CATEGORIES);
}

/** FAQ questions one from each category in turn, so that the first few cover different topics. */
function curatedQuestions(items: readonly Item[], categories: readonly Category[]): StandardQuestion[] {
  const faqs = items.filter((i) => i.kind === 'faq');
  const asQuestion = (f: Item): StandardQuestion => ({ itemId: f.id, kind: f.kind, question: f.title });
  const lists = categories.map((c) => faqs.filter((f) => f.category === c.name).map(asQuestion));
  lists.push(faqs.filter((f) => !f.category || !categories.some((c) => c.name === f.category)).map(asQuestion));
  const result: StandardQuestion[] = [];
  for (let round = 0; lists.some((l) => l.length > round); round++) {
    for (const list of lists) if (list[round] !== undefined) result.push(list[round]!);
  }
  return result;
}

/**
 * @module directory/search
 * Free-text search over the published directory: each entry's words go through the shared Chinese
 * pipeline (src/language) into a MiniSearch index, as the knowledge base's do; filters narrow the
 * hits. Built from the entries visible today and rebuilt when the directory changes (catalog.ts).
 */
import type MiniSearch from 'minisearch';
import type { TextAnalyzer } from '../language/index.js';
import { createAnalysedIndex, termsField, type AnalysedDoc } from '../search/minisearch-fields.js';
import { matchesFilter, searchableText, type DirectoryFilter } from './filter.js';
import type { StoredEntry } from './model.js';

export interface DirectoryHit {
  stored: StoredEntry;
  /** MiniSearch's BM25+ score; 0 without free text. */
  score: number;
}

export class DirectoryIndex {
  private readonly byId: Map<string, StoredEntry>;
  private readonly index: MiniSearch<AnalysedDoc>;

  private constructor(
    readonly entries: readonly StoredEntry[],
    private readonly analyzer: TextAnalyzer,
  ) {
    this.byId = new Map(entries.map((s) => [s.entry.id, s]));
    this.index = createAnalysedIndex(['name', 'body']);
    this.index.addAll(
      entries.map((s) => {
        const name = analyzer.analyze(`${s.entry.name} ${s.entry.type}`);
        const body = analyzer.analyze(searchableText(s.entry));
        return { id: s.entry.id, name: termsField([...name.words, ...name.bigrams]), body: termsField([...body.words, ...body.bigrams]) };
      }),
    );
  }

  /** Entries must be the visible ones (directory/model isVisible); the index does not look at state. */
  static build(entries: readonly StoredEntry[], analyzer: TextAnalyzer): DirectoryIndex {
    return new DirectoryIndex(entries, analyzer);
  }

  /** Entries matching `filter`: by score when there is free text, else by kind and name. */
  search(filter: DirectoryFilter, limit = 50): DirectoryHit[] {
    const q = filter.q?.trim();
    if (!q) {
      return this.entries.filter((s) => matchesFilter(s.entry, filter)).slice(0, limit).map((stored) => ({ stored, score: 0 }));
    }
    const analysis = this.analyzer.analyze(q, { query: true });
    const terms = [...new Set([...analysis.words, ...analysis.bigrams, ...this.analyzer.expansions(analysis.words)])];
    if (!terms.length) return [];
    const results = this.index.search({ combineWith: 'OR', queries: [termsField(terms)] }, { boost: { name: 2 } });
    const hits: DirectoryHit[] = [];
    for (const result of results) {
      const stored = this.byId.get(String(result.id));
      if (stored && matchesFilter(stored.entry, filter)) hits.push({ stored, score: result.score });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}

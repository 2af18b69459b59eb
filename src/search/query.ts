/**
 * @module search/query
 * A question as the search engine sees it: the analysed terms of the whole question.
 */
import type { TextAnalyzer } from '../language/index.js';

export interface AnalysedQuery {
  text: string;
  normalized: string;
  words: string[];
  bigrams: string[];
  pinyinBigrams: string[];
}

export function analyseQuery(analyzer: TextAnalyzer, text: string): AnalysedQuery {
  const normalized = analyzer.normalize(text);
  const analysis = analyzer.analyze(normalized, { normalized: true });
  const words = unique([...analysis.words, ...analyzer.expansions(analysis.words)]);
  return {
    text,
    normalized,
    words,
    bigrams: unique(analysis.bigrams),
    pinyinBigrams: unique(analysis.pinyinBigrams),
  };
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

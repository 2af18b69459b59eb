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
  /** Place names the question mentions (湘潭, 北京): answers about one place rarely come from another's documents. */
  places: string[];
}

export function analyseQuery(analyzer: TextAnalyzer, text: string, correct?: (normalized: string) => string): AnalysedQuery {
  const repaired = analyzer.repairConfusions(analyzer.normalize(text));
  const normalized = correct ? correct(repaired) : repaired;
  const analysis = analyzer.analyze(normalized, { normalized: true, query: true });
  const words = unique([...analysis.words, ...analyzer.expansions(analysis.words)]);
  return {
    text,
    normalized,
    words,
    bigrams: unique(analysis.bigrams),
    pinyinBigrams: unique(analysis.pinyinBigrams),
    places: unique(analyzer.segmenter.placeNames(normalized)),
  };
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

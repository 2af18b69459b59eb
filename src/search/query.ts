/**
 * @module search/query
 * A question as the search engine sees it: the analysed terms of the whole question.
 */
import type { TextAnalyzer } from '../language/index.js';

/** The words, character pairs and pinyin pairs of a question, or of part of one. */
export interface QueryTerms {
  words: string[];
  bigrams: string[];
  pinyinBigrams: string[];
}

export interface AnalysedQuery extends QueryTerms {
  text: string;
  normalized: string;
  /** Place names the question mentions (湘潭, 北京): answers about one place rarely come from another's documents. */
  places: string[];
  /**
   * The terms of the question without its place names: what it is about. A place says where a
   * document applies, not what it says, so the topical signals of re-ranking use these and the
   * place is judged once, by place fit (docs/SEARCH.md). The whole question's terms when it
   * names no place.
   */
  topic: QueryTerms;
}

export function analyseQuery(analyzer: TextAnalyzer, text: string, correct?: (normalized: string) => string): AnalysedQuery {
  const repaired = analyzer.repairConfusions(analyzer.normalize(text));
  const normalized = correct ? correct(repaired) : repaired;
  const analysis = analyzer.analyze(normalized, { normalized: true, query: true });
  const words = withExpansions(analyzer, analysis.words);
  const bigrams = unique(analysis.bigrams);
  const split = analyzer.segmenter.splitPlaces(normalized);
  const places = unique(split.places);
  const pinyinBigrams = unique(analysis.pinyinBigrams);
  let topic: QueryTerms = { words, bigrams, pinyinBigrams };
  if (places.length) {
    const rest = analyzer.analyze(split.rest, { normalized: true, query: true });
    topic = { words: withExpansions(analyzer, rest.words), bigrams: unique(rest.bigrams), pinyinBigrams: unique(rest.pinyinBigrams) };
  }
  return { text, normalized, words, bigrams, pinyinBigrams, places, topic };
}

function withExpansions(analyzer: TextAnalyzer, words: string[]): string[] {
  return unique([...words, ...analyzer.expansions(words)]);
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

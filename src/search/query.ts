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
   * The question's words that say which zone (青溪高新区, 本区, 高新区): a scope like its places,
   * judged by zone fit (search/zone-scope), not a topic.
   */
  zones: string[];
  /**
   * The terms of the question without its place names: what it is about. A place says where a
   * document applies, not what it says, so the topical signals of re-ranking use these and the
   * place is judged once, by place fit (docs/SEARCH.md). The whole question's terms when it
   * names no place.
   */
  topic: QueryTerms;
}

/** Where a question names its zone (see language/zones), to leave out of its topic. */
export type ZoneSpans = (normalized: string) => { start: number; end: number }[];

export function analyseQuery(
  analyzer: TextAnalyzer,
  text: string,
  correct?: (normalized: string) => string,
  zoneSpans?: ZoneSpans,
): AnalysedQuery {
  const repaired = analyzer.repairConfusions(analyzer.normalize(text));
  const normalized = correct ? correct(repaired) : repaired;
  const analysis = analyzer.analyze(normalized, { normalized: true, query: true });
  const words = withExpansions(analyzer, analysis.words);
  const bigrams = unique(analysis.bigrams);
  const spans = zoneSpans?.(normalized) ?? [];
  const zones = unique(spans.map((s) => normalized.slice(s.start, s.end)));
  const split = analyzer.segmenter.splitPlaces(blank(normalized, spans));
  // A division inside a zone's name (苏州 of 苏州工业园区) is still a place: the city's items fit.
  const places = unique(spans.length ? [...analyzer.segmenter.placeNames(normalized), ...split.places] : split.places);
  const pinyinBigrams = unique(analysis.pinyinBigrams);
  let topic: QueryTerms = { words, bigrams, pinyinBigrams };
  if (places.length || zones.length) {
    const rest = analyzer.analyze(split.rest, { normalized: true, query: true });
    topic = { words: withExpansions(analyzer, rest.words), bigrams: unique(rest.bigrams), pinyinBigrams: unique(rest.pinyinBigrams) };
  }
  return { text, normalized, words, bigrams, pinyinBigrams, places, zones, topic };
}

/** The text with the spans replaced by a comma: what is left says what the question is about. */
function blank(text: string, spans: { start: number; end: number }[]): string {
  let rest = '';
  let at = 0;
  for (const s of spans) {
    rest += `${text.slice(at, s.start)}，`;
    at = s.end;
  }
  return rest + text.slice(at);
}

function withExpansions(analyzer: TextAnalyzer, words: string[]): string[] {
  return unique([...words, ...analyzer.expansions(words)]);
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

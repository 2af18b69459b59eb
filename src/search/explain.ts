/**
 * @module search/explain
 * Hit testing for staff: how the engine read a question (normalised, repaired, which words and
 * synonyms it searched for) and, for each ranked candidate, which of those words it found, which
 * character pairs matched only by sound (pinyin), and the sentence that matched best. Slower than
 * a search (it re-analyses the candidates), which is fine for a person looking at one question.
 */
import { isCurrent, itemBody, type ItemKind } from '../knowledge/index.js';
import { charPinyin } from '../language/pinyin.js';
import { headText } from './fields.js';
import type { WindowMatch } from './rerank.js';
import type { SearchFilters, SearchIndex } from './search-index.js';

export interface QueryWord {
  term: string;
  /** `word`: as asked; `synonym`: the question's word folded to this form; `expansion`: added by a one-way relation. */
  source: 'word' | 'synonym' | 'expansion';
  /** The question's own word a synonym or expansion came from. */
  from?: string;
  /** Inverse document frequency: how much finding this word says. */
  weight: number;
}

export interface CandidateExplanation {
  rank: number;
  id: string;
  title: string;
  kind: ItemKind;
  category?: string;
  current: boolean;
  score: number;
  /** Query words found in the item (as searched, so synonyms appear in their folded form). */
  matchedWords: string[];
  /** Query words not found in the item. */
  missingWords: string[];
  /** Character pairs matched by sound only: `question pair → item pair (pinyin)`. */
  pinyinMatches: string[];
  /** Share of the question's word weight the item holds (0–1). */
  coverage?: number;
  /** The item's sentences that best restate the question. */
  bestSentences?: string;
}

export interface SearchExplanation {
  question: string;
  /** After width/traditional/numeral normalisation. */
  normalized: string;
  /** After repairing speech-recognition confusions and homophones, when that changed anything. */
  corrected?: string;
  words: QueryWord[];
  bigrams: string[];
  candidates: CandidateExplanation[];
}

const HAN_PAIR = /^\p{Script=Han}{2}$/u;

export function explainSearch(
  index: SearchIndex,
  question: string,
  filters: SearchFilters = {},
  limit = 10,
): SearchExplanation {
  const analyzer = index.analyzer;
  const normalized = analyzer.normalize(question).trim();
  const result = index.search(question, filters, limit);
  const query = result.query;
  const words = queryWords(index, query.normalized, query.words);
  const today = filters.today ?? new Date().toISOString().slice(0, 10);

  const candidates = result.hits.map((hit, i): CandidateExplanation => {
    const item = hit.item;
    const text = analyzer.normalize(`${headText(item)}\n${itemBody(item)}`);
    const analysis = analyzer.analyze(text, { normalized: true });
    const itemWords = new Set(analysis.words);
    return {
      rank: i + 1,
      id: item.id,
      title: item.title,
      kind: item.kind,
      ...(item.category ? { category: item.category } : {}),
      current: isCurrent(item, today),
      score: round(hit.score),
      matchedWords: query.words.filter((w) => itemWords.has(w)),
      missingWords: query.words.filter((w) => !itemWords.has(w)),
      pinyinMatches: pinyinOnlyMatches(query.bigrams, text, analysis.bigrams),
      ...(hit.coverage !== undefined ? { coverage: round(hit.coverage) } : {}),
      ...(hit.window && hit.window.length ? { bestSentences: windowText(index, item.id, itemBody(item), hit.window) } : {}),
    };
  });

  return {
    question,
    normalized,
    ...(query.normalized !== normalized ? { corrected: query.normalized } : {}),
    words,
    bigrams: query.bigrams,
    candidates,
  };
}

/** The searched words with where each came from. */
function queryWords(index: SearchIndex, normalized: string, searched: string[]): QueryWord[] {
  const analyzer = index.analyzer;
  const out = new Map<string, QueryWord>();
  for (const token of analyzer.contentTokens(normalized)) {
    if (token === null) continue;
    const canonical = analyzer.synonyms.canonical.get(token);
    if (canonical && canonical !== token) out.set(canonical, { term: canonical, source: 'synonym', from: token, weight: 0 });
    else if (!out.has(token)) out.set(token, { term: token, source: 'word', weight: 0 });
    for (const expansion of analyzer.synonyms.expansions.get(canonical ?? token) ?? []) {
      if (!out.has(expansion)) out.set(expansion, { term: expansion, source: 'expansion', from: token, weight: 0 });
    }
  }
  // Only what the search really used (pieces of aliases, for one, are dropped there).
  return searched.map((term) => ({ ...(out.get(term) ?? { term, source: 'word' as const }), weight: round(index.termWeight(term)) }));
}

/** Question pairs absent from the item's text whose sound matches one of the item's pairs. */
function pinyinOnlyMatches(queryBigrams: string[], itemText: string, itemBigrams: string[]): string[] {
  const bySound = new Map<string, string>();
  for (const pair of itemBigrams) if (HAN_PAIR.test(pair)) bySound.set(sound(pair), pair);
  const out: string[] = [];
  for (const pair of queryBigrams) {
    if (!HAN_PAIR.test(pair) || itemText.includes(pair)) continue;
    const match = bySound.get(sound(pair));
    if (match) out.push(`${pair} → ${match} (${sound(pair).replace('_', ' ')})`);
  }
  return out;
}

/** The window's sentences as written in the item. */
function windowText(index: SearchIndex, itemId: string, body: string, window: WindowMatch): string {
  const sentences = index.sentencesOf(itemId).slice(window.first, window.first + window.length);
  if (!sentences.length) return '';
  return body.slice(sentences[0]!.start, sentences[sentences.length - 1]!.end).trim();
}

function sound(pair: string): string {
  const [a, b] = [...pair];
  return `${charPinyin(a!)}_${charPinyin(b!)}`;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

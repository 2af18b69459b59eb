/**
 * @module language/analyzer
 * The one text pipeline that indexing and querying both call, so they can never drift apart:
 * normalise → segment → drop stop words → canonical synonyms → character bigrams → pinyin bigrams.
 */
import { join } from 'node:path';
import { normalizeText } from './normalize.js';
import { Segmenter } from './segment.js';
import { charPinyin } from './pinyin.js';
import { LEXICON_DIR, parseSynonyms, readLexiconLines, emptySynonymTable, type SynonymTable } from './lexicon.js';

export interface Analysis {
  /** Content words, synonyms mapped to their canonical form. */
  words: string[];
  /** Overlapping character pairs inside runs of content words; numbers and Latin words whole. */
  bigrams: string[];
  /** The same pairs by sound, for homophones from speech recognition. */
  pinyinBigrams: string[];
}

export interface AnalyzerOptions {
  /** Extra synonym files (a zone's own), same format as `resources/lexicon/synonyms.txt`. */
  synonymFiles?: string[];
  /** Extra jieba dictionaries. */
  dictionaryFiles?: string[];
  stopwordFiles?: string[];
  /** Extra speech-recognition confusion lists (`wrong right` a line), like `resources/lexicon/homophones.txt`. */
  homophoneFiles?: string[];
  /** Extra words people ask with (one a line), like `resources/lexicon/question-words.txt`. */
  questionWordFiles?: string[];
}

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{Script=Han}\p{L}\p{N}]/u;

export class TextAnalyzer {
  readonly segmenter: Segmenter;
  readonly stopwords: Set<string>;
  readonly synonyms: SynonymTable;
  /** Known recogniser confusions, longest wrong form first. */
  private readonly confusions: [string, string][];
  /** Words people ask with (多少, 哪些): the homophone corrector trusts them. */
  readonly questionWords: string[];
  /** Every lexicon file this analyzer reads (whether or not it exists): what its analysis depends on besides the code. */
  readonly lexiconFiles: string[];

  constructor(options: AnalyzerOptions = {}) {
    this.segmenter = new Segmenter(options.dictionaryFiles);
    const stopFiles = [join(LEXICON_DIR, 'stopwords.txt'), ...(options.stopwordFiles ?? [])];
    const synonymFiles = [join(LEXICON_DIR, 'synonyms.txt'), ...(options.synonymFiles ?? [])];
    const homophoneFiles = [join(LEXICON_DIR, 'homophones.txt'), ...(options.homophoneFiles ?? [])];
    const questionWordFiles = [join(LEXICON_DIR, 'question-words.txt'), ...(options.questionWordFiles ?? [])];
    this.lexiconFiles = [...this.segmenter.dictionaryFiles, ...stopFiles, ...synonymFiles, ...homophoneFiles, ...questionWordFiles];
    this.stopwords = new Set(stopFiles.flatMap(readLexiconLines).map(normalizeText));
    this.synonyms = emptySynonymTable();
    for (const file of synonymFiles) {
      parseSynonyms(readLexiconLines(file).map(normalizeText), this.synonyms);
    }
    this.confusions = homophoneFiles
      .flatMap(readLexiconLines)
      .map((line) => line.split(/\s+/).map(normalizeText) as [string, string])
      .filter(([wrong, right]) => wrong && right && wrong !== right)
      .sort((a, b) => b[0].length - a[0].length);
    this.questionWords = questionWordFiles
      .flatMap(readLexiconLines)
      .map(normalizeText);
    // Synonyms are single lexical units: keep them whole when segmenting.
    this.segmenter.addWords([...this.synonyms.canonical.keys(), ...this.synonyms.expansions.keys()]);
  }

  normalize(text: string): string {
    return normalizeText(text);
  }

  /**
   * Repairs known speech-recognition confusions in a normalised question (公基金 → 公积金).
   * Questions only: documents are written, not recognised.
   */
  repairConfusions(normalized: string): string {
    let text = normalized;
    for (const [wrong, right] of this.confusions) if (text.includes(wrong)) text = text.split(wrong).join(right);
    return text;
  }

  /** Adds knowledge-base terms (titles, departments) to the segmenter's dictionary. */
  addTerms(terms: Iterable<string>): void {
    this.segmenter.addWords([...terms].map(normalizeText));
  }

  /** The terms `addTerms` would add to the dictionary (normalised): those it does not hold yet. */
  newTerms(terms: Iterable<string>): string[] {
    return this.segmenter.newWords([...terms].map(normalizeText));
  }

  /**
   * Content tokens of already-normalised text, in order, with `null` where a stop word or
   * punctuation broke the run (bigrams must not span those breaks).
   */
  contentTokens(normalized: string): (string | null)[] {
    const out: (string | null)[] = [];
    for (const token of this.segmenter.cut(normalized)) {
      if (!WORD_CHAR.test(token) || this.stopwords.has(token)) {
        if (out[out.length - 1] !== null) out.push(null);
        continue;
      }
      out.push(token);
    }
    return out;
  }

  /** `query`: the text is a question (pieces of aliases are dropped, see below). */
  analyze(text: string, options: { normalized?: boolean; query?: boolean } = {}): Analysis {
    const normalized = options.normalized ? text : normalizeText(text);
    const tokens = this.contentTokens(normalized);
    // Search mode also yields the pieces of a long word (鹊巢 of 鹊巢房); when a question's word is
    // an alias of another (鹊巢房 → 人才公寓), its pieces stand for nothing and only add noise.
    // Documents keep every piece: partial matches there are evidence, not noise.
    const aliases = options.query
      ? tokens.filter((t): t is string => t !== null && (this.synonyms.canonical.get(t) ?? t) !== t)
      : [];
    const words: string[] = [];
    for (const t of tokens) {
      if (t === null) continue;
      const piece = !this.synonyms.canonical.has(t) && aliases.some((whole) => whole !== t && whole.includes(t));
      if (piece) continue;
      words.push(this.synonyms.canonical.get(t) ?? t);
    }
    const { bigrams, pinyinBigrams } = pairs(runsOf(precise(this, normalized)));
    return { words, bigrams, pinyinBigrams };
  }

  /** Extra query words from one-way synonym relations (`公司 => 企业`). */
  expansions(words: string[]): string[] {
    return words.flatMap((w) => this.synonyms.expansions.get(w) ?? []);
  }
}

/** Precise segmentation split into runs of content, broken at stop words and punctuation. */
function precise(analyzer: TextAnalyzer, normalized: string): (string | null)[] {
  const out: (string | null)[] = [];
  for (const token of analyzer.segmenter.cutPrecise(normalized)) {
    if (!WORD_CHAR.test(token) || analyzer.stopwords.has(token)) {
      if (out[out.length - 1] !== null) out.push(null);
    } else out.push(token);
  }
  return out;
}

function runsOf(tokens: (string | null)[]): string[][] {
  const runs: string[][] = [[]];
  for (const t of tokens) {
    if (t === null) runs.push([]);
    else runs[runs.length - 1]!.push(t);
  }
  return runs.filter((r) => r.length > 0);
}

/** Character pairs of each run; a run's Latin words and numbers count as one unit each. */
function pairs(runs: string[][]): { bigrams: string[]; pinyinBigrams: string[] } {
  const bigrams: string[] = [];
  const pinyinBigrams: string[] = [];
  for (const run of runs) {
    const units: string[] = [];
    for (const token of run) {
      // Han characters pair one by one; a Latin word or number inside a token stays whole (税务ukey).
      if (HAN.test(token)) for (const unit of token.match(/\p{Script=Han}|[^\p{Script=Han}]+/gu) ?? []) units.push(unit);
      else units.push(token);
    }
    if (units.length === 1 && units[0]!.length > 1) bigrams.push(units[0]!);
    for (let i = 0; i + 1 < units.length; i++) {
      const a = units[i]!;
      const b = units[i + 1]!;
      bigrams.push(a + b);
      if (HAN.test(a) && HAN.test(b)) pinyinBigrams.push(`${charPinyin(a)}_${charPinyin(b)}`);
    }
  }
  return { bigrams, pinyinBigrams };
}

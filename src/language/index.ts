/** @module language — the Chinese text pipeline shared by indexing and querying. */
export { normalizeText, parseChineseNumber } from './normalize.js';
export { TextAnalyzer, type Analysis, type AnalyzerOptions } from './analyzer.js';
export { Segmenter } from './segment.js';
export { charPinyin, toPinyin } from './pinyin.js';
export { parseSynonyms, emptySynonymTable, type SynonymTable, LEXICON_DIR } from './lexicon.js';

/**
 * @module language/lexicon
 * Loads the word lists shipped in `resources/lexicon/` (and any a zone adds): stop words,
 * synonym groups and the jieba domain dictionary.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder of shipped word lists; the same relative path works from `src/` and `dist/`. */
export const LEXICON_DIR = fileURLToPath(new URL('../../resources/lexicon/', import.meta.url));

export function readLexiconLines(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

export interface SynonymTable {
  /** Word → the canonical word of its group (two-way synonyms share one canonical form). */
  canonical: Map<string, string>;
  /** Word → extra words a query should also look for (one-way `a => b` relations). */
  expansions: Map<string, string[]>;
}

/**
 * Parses synonym lines: `社会保险 社保` (a group; the first word is canonical) or
 * `公司 => 企业` (a query for the left also searches the right, not the reverse).
 */
export function parseSynonyms(lines: string[], table: SynonymTable = emptySynonymTable()): SynonymTable {
  for (const line of lines) {
    const oneWay = line.split('=>');
    if (oneWay.length === 2) {
      const from = oneWay[0]!.trim().split(/\s+/);
      const to = oneWay[1]!.trim().split(/\s+/).filter(Boolean);
      for (const word of from) {
        const key = word;
        table.expansions.set(key, [...(table.expansions.get(key) ?? []), ...to]);
      }
      continue;
    }
    const words = line.split(/[\s,，]+/).filter(Boolean);
    const head = words[0];
    if (!head || words.length < 2) continue;
    // A word already in an earlier group keeps that group's canonical form (first group wins).
    const canonical = table.canonical.get(head) ?? head;
    for (const word of words) if (!table.canonical.has(word)) table.canonical.set(word, canonical);
  }
  return table;
}

export function emptySynonymTable(): SynonymTable {
  return { canonical: new Map(), expansions: new Map() };
}

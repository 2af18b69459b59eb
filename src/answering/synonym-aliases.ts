/**
 * @module answering/synonym-aliases
 * Extraction matches the question's character pairs against each sentence, so a question saying
 * 礼拜四 finds nothing in a sentence saying 周四. The synonym table (resources/lexicon/synonyms.txt)
 * already knows they are one word; here a sentence holding another word of the group is read as
 * if it also said the question's word.
 */
import type { SynonymTable } from '../language/lexicon.js';

/** A word of the question, and the words a sentence may use for it instead. */
export interface Alias {
  asked: string;
  others: string[];
}

/** Groups of each table, by canonical word, built once per table. */
const groupsByTable = new WeakMap<SynonymTable, Map<string, string[]>>();

function groupsOf(table: SynonymTable): Map<string, string[]> {
  let groups = groupsByTable.get(table);
  if (!groups) {
    groups = new Map();
    for (const [word, canonical] of table.canonical) groups.set(canonical, [...(groups.get(canonical) ?? []), word]);
    for (const [canonical, words] of groups) if (!words.includes(canonical)) words.push(canonical);
    groupsByTable.set(table, groups);
  }
  return groups;
}

/**
 * The question's words that have synonyms, each with the other words of its group and its
 * one-way expansions. Single characters are left out: as substrings they would match anywhere.
 */
export function synonymAliases(question: string, table: SynonymTable | undefined): Alias[] {
  if (!table) return [];
  const out: Alias[] = [];
  const seen = new Set<string>();
  for (const [word, canonical] of table.canonical) {
    if (word.length < 2 || seen.has(word) || !question.includes(word)) continue;
    seen.add(word);
    const others = (groupsOf(table).get(canonical) ?? []).filter((w) => w !== word && w.length >= 2 && !question.includes(w));
    if (others.length) out.push({ asked: word, others });
  }
  for (const [word, targets] of table.expansions) {
    if (word.length < 2 || !question.includes(word)) continue;
    const others = targets.filter((w) => w.length >= 2 && !question.includes(w));
    if (others.length) out.push({ asked: word, others });
  }
  // A word inside a longer asked word (周四 in 礼拜四的) adds nothing of its own.
  return out.filter((a) => !out.some((b) => b !== a && b.asked.length > a.asked.length && b.asked.includes(a.asked)));
}

/** The sentence's text, followed by the question's words it says in other words. */
export function withAliases(norm: string, aliases: readonly Alias[]): string {
  let extra = '';
  for (const a of aliases) if (!norm.includes(a.asked) && a.others.some((o) => norm.includes(o))) extra += `|${a.asked}`;
  return extra ? norm + extra : norm;
}

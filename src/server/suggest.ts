/**
 * @module server/suggest
 * Question completion over the catalogue's texts, fast enough for every keystroke. Both sides are
 * compared in normalised form (simplified characters, half-width, no punctuation or spaces), so
 * "營業執照" and "营业执照？" find the same entries. Ranking, best first:
 *   1. the text starts with what was typed;
 *   2. the text contains it (earlier is better);
 *   3. most of what was typed appears as character pairs in the text (3+ characters typed).
 * Within a tier an item's own title or standard question beats a similar question, and a
 * shorter text beats a longer one. Each item is offered once, with its best-ranked text.
 *
 * @example buildSuggester(entries).suggest('营业执照', 8)
 */
import type { ItemKind } from '../knowledge/index.js';
import { questionKey } from '../insights/question-log.js';

export interface SuggestEntry {
  text: string;
  itemId: string;
  kind: ItemKind;
  /** The item's title or an FAQ's standard question, rather than one of its similar questions. */
  primary: boolean;
}

export interface Suggestion {
  text: string;
  itemId: string;
  kind: ItemKind;
}

export interface Suggester {
  suggest(typed: string, limit: number): Suggestion[];
}

/** Share of the typed text's character pairs a text must hold to be offered without containing it. */
const MIN_PAIR_SHARE = 0.6;

interface Indexed extends SuggestEntry {
  key: string;
}

export function buildSuggester(entries: readonly SuggestEntry[]): Suggester {
  const indexed: Indexed[] = entries.map((e) => ({ ...e, key: questionKey(e.text) })).filter((e) => e.key);
  // Character pair → entries holding it, for tier 3 without scanning every text pair by pair.
  const byPair = new Map<string, number[]>();
  indexed.forEach((entry, i) => {
    for (const pair of new Set(pairs(entry.key))) {
      const list = byPair.get(pair);
      if (list) list.push(i);
      else byPair.set(pair, [i]);
    }
  });
  return { suggest: (typed, limit) => rank(indexed, byPair, questionKey(typed), limit) };
}

function rank(entries: readonly Indexed[], byPair: Map<string, number[]>, typed: string, limit: number): Suggestion[] {
  if (!typed || limit <= 0) return [];
  // Each item's best entry, by a score whose digits are the ranking's keys (lower is better).
  const best = new Map<string, { entry: Indexed; score: number }>();
  const offer = (entry: Indexed, tier: number, place: number) => {
    const score = tier * 1e9 + Math.min(place, 999) * 1e6 + (entry.primary ? 0 : 1e5) + Math.min(entry.key.length, 99_999);
    const known = best.get(entry.itemId);
    if (!known || score < known.score || (score === known.score && entry.text < known.entry.text)) {
      best.set(entry.itemId, { entry, score });
    }
  };
  const containing = new Uint8Array(entries.length);
  entries.forEach((entry, i) => {
    const at = entry.key.indexOf(typed);
    if (at < 0) return;
    containing[i] = 1;
    offer(entry, at === 0 ? 0 : 1, at);
  });
  if ([...typed].length >= 3) {
    const typedPairs = [...new Set(pairs(typed))];
    const hits = new Map<number, number>();
    for (const pair of typedPairs) for (const i of byPair.get(pair) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
    for (const [i, count] of hits) {
      const share = count / typedPairs.length;
      if (share >= MIN_PAIR_SHARE && !containing[i]) offer(entries[i]!, 2, Math.round((1 - share) * 100));
    }
  }
  const ranked = [...best.values()].sort((a, b) => a.score - b.score || byText(a.entry.text, b.entry.text));
  const result: Suggestion[] = [];
  const texts = new Set<string>();
  for (const { entry } of ranked) {
    // Two items with the same title would read as one suggestion twice.
    if (texts.has(entry.key)) continue;
    texts.add(entry.key);
    result.push({ text: entry.text, itemId: entry.itemId, kind: entry.kind });
    if (result.length >= limit) break;
  }
  return result;
}

function pairs(text: string): string[] {
  const chars = [...text];
  return chars.length < 2 ? chars : chars.slice(1).map((c, i) => chars[i] + c);
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * @module insights/hot
 * The home screen's hot questions. Never what someone typed: a stranger's words would be shown
 * to the next visitor ("政府都是垃圾 人才公寓怎么申请" on every kiosk). They are the standard
 * questions of the items that confidently answered people (an FAQ's question, a guide's name, a
 * policy's title), ranked by how many conversations they answered, topped up with the knowledge
 * base's curated questions while there is little history. Staff pin (always shown, in their
 * order) and hide (never shown) them in the back office.
 */
import type { ItemKind } from '../knowledge/index.js';
import type { AnsweredItem, Curation } from '../storage/index.js';
import { LOW_CONFIDENCE } from '../storage/index.js';

/** The answer types that mean the question was answered (not "not found", not a clarifying choice). */
export const ANSWERED_TYPES = ['guide-field', 'faq', 'passage'];

/**
 * The least confidence of an answer that counts: the insights' own line between answered and
 * "low confidence" (0.5), above the assistant's "not found" (0.35), so that the shaky band in
 * between, where the wrong item is likeliest, never puts an item on the home screen.
 */
export const HOT_MIN_CONFIDENCE = LOW_CONFIDENCE;

/** An item that answered one conversation only is one person's question (or one spammer's), not a frequent one. */
export const HOT_MIN_SESSIONS = 2;

/** The standard wording of an item a question can be answered by: an FAQ's question, a guide's name, a policy's title. */
export interface StandardQuestion {
  itemId: string;
  kind: ItemKind;
  question: string;
}

export type HotState = 'pinned' | 'hidden' | 'ranked';

export interface HotCandidate extends StandardQuestion {
  state: HotState;
  /** Conversations it answered confidently in the period. */
  sessions: number;
  /** Turns it answered confidently in the period. */
  answered: number;
  /** Whether it is one of the knowledge base's curated questions that top the list up. */
  curated: boolean;
}

/**
 * Every item that is, or could be, a hot question: the pinned in their order, then the ranked by
 * conversations answered (the curated after those that answered nobody), then the hidden. Items
 * no longer offered (withdrawn, expired, an article) are left out, even when pinned.
 */
export function hotCandidates(
  answered: readonly AnsweredItem[],
  curation: readonly Curation[],
  standard: ReadonlyMap<string, StandardQuestion>,
  curated: readonly StandardQuestion[],
): HotCandidate[] {
  const byId = new Map<string, HotCandidate>();
  const add = (itemId: string, fill: Partial<HotCandidate>) => {
    const question = standard.get(itemId);
    if (!question) return;
    const entry = byId.get(itemId) ?? { ...question, state: 'ranked' as HotState, sessions: 0, answered: 0, curated: false };
    byId.set(itemId, Object.assign(entry, fill));
  };
  for (const c of curation) add(c.itemId, { state: c.state });
  for (const a of answered) add(a.itemId, { sessions: a.sessions, answered: a.answered });
  for (const q of curated) add(q.itemId, { curated: true });
  const order = (state: HotState) => [...byId.values()].filter((c) => c.state === state);
  // Array.sort is stable: ties keep the order of `answered` (then of `curated`).
  const ranked = order('ranked').sort((a, b) => b.sessions - a.sessions || b.answered - a.answered);
  return [...order('pinned'), ...ranked, ...order('hidden')];
}

/**
 * Up to `limit` questions for the home screen: the pinned, then those that answered at least
 * HOT_MIN_SESSIONS conversations, then the curated ones; never a hidden one, one per wording.
 */
export function hotQuestions(candidates: readonly HotCandidate[], limit: number): string[] {
  const chosen = [
    ...candidates.filter((c) => c.state === 'pinned'),
    ...candidates.filter((c) => c.state === 'ranked' && c.sessions >= HOT_MIN_SESSIONS),
    ...candidates.filter((c) => c.state === 'ranked' && c.curated),
  ];
  return [...new Set(chosen.map((c) => c.question))].slice(0, limit);
}

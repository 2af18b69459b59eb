/**
 * @module answering/answer
 * The answer object every channel returns (`xiaoxin ask --json`, `POST /api/chat`).
 */
import type { DirectoryCard } from '../directory/present.js';
import type { EligibilityCard } from '../enterprise/dialogue/dialogue.js';
import type { ItemKind } from '../knowledge/index.js';

export const ANSWER_TYPES = ['guide-field', 'faq', 'passage', 'clarify', 'none', 'eligibility', 'directory'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export interface Citation {
  id: string;
  title: string;
  kind: ItemKind;
  /** Last valid day of a policy (`YYYY-MM-DD`), when it has one. */
  validUntil?: string;
}

export interface Answer {
  /** Verbatim text from the cited items (never generated). */
  text: string;
  type: AnswerType;
  citations: Citation[];
  /** 0–1: how sure the engine is that the cited item answers the question. */
  confidence: number;
  /** Follow-up questions or related items to offer. */
  suggestions: string[];
  /** For `guide-field`: which field of the guide was asked for (`overview` for the guide as a whole). */
  field?: string;
  /**
   * For `guide-field`: set when the guide does not state the field asked for; the text then says
   * so (「该指南未写明…」) and offers the fields it does state and a phone.
   */
  missingField?: string;
  /** For `clarify`: the candidate items offered, in order ("第二个" picks the second). */
  choices?: Citation[];
  /**
   * For `eligibility`: the eligibility dialogue's turn (src/enterprise/dialogue) — the question it
   * asks for a missing fact, or the verdict with every condition and the guide to apply with.
   */
  eligibility?: EligibilityCard;
  /** For `directory`: the 七找 entries found (src/directory/chat.ts), in order; empty when none fits. */
  directory?: DirectoryCard[];
}

/**
 * @module insights/question-log
 * What the question log keeps of one turn: the question with personal data taken out, its
 * normalised key (so that "營業執照？" and "营业执照" count as one question), and what was answered.
 */
import { normalizeText } from '../language/index.js';
import type { NewQuestion } from '../storage/index.js';
import { redact } from './redact.js';

/** The channels a question can arrive through. */
export const CHANNELS = ['web', 'kiosk', 'widget', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The form identical questions share: normalised, without spaces, punctuation or symbols. */
export function questionKey(text: string): string {
  return normalizeText(text).replace(/[\s\p{P}\p{S}]+/gu, '');
}

export interface Turn {
  id: string;
  sessionId?: string;
  channel: Channel;
  /** As typed; redacted here. */
  question: string;
  answer: { type: string; confidence: number; citations: ReadonlyArray<{ id: string }> };
}

/** The row to store for a turn, personal data removed. */
export function questionRecord(turn: Turn): NewQuestion {
  const question = redact(turn.question);
  return {
    id: turn.id,
    sessionId: turn.sessionId,
    channel: turn.channel,
    question,
    questionKey: questionKey(question),
    answerType: turn.answer.type,
    confidence: turn.answer.confidence,
    citedIds: turn.answer.citations.map((c) => c.id),
  };
}

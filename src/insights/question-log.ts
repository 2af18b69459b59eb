/**
 * @module insights/question-log
 * What the question log keeps of one turn: the question with personal data taken out, its
 * normalised key (so that "營業執照？" and "营业执照" count as one question), what was answered,
 * and how the insights classify it: the sort of question and its theme.
 */
import { normalizeText } from '../language/index.js';
import type { NewQuestion } from '../storage/index.js';
import { classifyQuestion } from './question-kind.js';
import { redact } from '../language/redact.js';

/** The channels a question can arrive through from the public API. */
export const CHANNELS = ['web', 'kiosk', 'widget', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Every channel in the log: the public ones, and `window` for questions staff log at the counter. */
export type LogChannel = Channel | 'window';

/** The form identical questions share: normalised, without spaces, punctuation or symbols. */
export function questionKey(text: string): string {
  return normalizeText(text).replace(/[\s\p{P}\p{S}]+/gu, '');
}

export interface Turn {
  id: string;
  sessionId?: string;
  channel: LogChannel;
  /** As typed; redacted here. */
  question: string;
  answer: { type: string; confidence: number; citations: ReadonlyArray<{ id: string; kind?: string }> };
  /** The category of the first cited item (or one a clerk chose); none when nothing was cited. */
  theme?: string;
  /** The staff account that logged a counter question. */
  loggedBy?: string;
  /** A clerk's note; redacted here. */
  note?: string;
}

/** The row to store for a turn, personal data removed, classified for the insights. */
export function questionRecord(turn: Turn): NewQuestion {
  const question = redact(turn.question);
  const note = turn.note?.trim();
  return {
    id: turn.id,
    sessionId: turn.sessionId,
    channel: turn.channel,
    question,
    questionKey: questionKey(question),
    answerType: turn.answer.type,
    confidence: turn.answer.confidence,
    citedIds: turn.answer.citations.map((c) => c.id),
    questionKind: classifyQuestion(normalizeText(question), turn.answer.citations[0]?.kind),
    ...(turn.theme ? { theme: turn.theme } : {}),
    ...(turn.loggedBy ? { loggedBy: turn.loggedBy } : {}),
    ...(note ? { note: redact(note) } : {}),
  };
}

/**
 * @module insights/hot
 * The home screen's frequent questions: what people asked most (and got an answer to) lately,
 * topped up with the knowledge base's curated questions while there is little history.
 */
import type { FrequentQuestion } from '../storage/index.js';
import { questionKey } from './question-log.js';
import { hasRedaction } from '../language/redact.js';

/** The answer types that mean the question was answered (not "not found", not a clarifying choice). */
export const ANSWERED_TYPES = ['guide-field', 'faq', 'passage'];

/** Longer questions are one person's story, not a question to tap. */
const MAX_HOT_CHARS = 40;

/**
 * Up to `limit` questions: the logged ones first (fit to show: short, with no redacted personal
 * data), then the curated ones; one per normalised form.
 */
export function hotQuestions(frequent: readonly FrequentQuestion[], curated: readonly string[], limit: number): string[] {
  const result: string[] = [];
  const seen = new Set<string>();
  const add = (text: string, key: string) => {
    if (result.length >= limit || !key || seen.has(key)) return;
    seen.add(key);
    result.push(text);
  };
  for (const q of frequent) {
    const text = q.question.trim();
    if ([...text].length > MAX_HOT_CHARS || hasRedaction(text)) continue;
    add(text, q.questionKey);
  }
  for (const text of curated) add(text, questionKey(text));
  return result;
}

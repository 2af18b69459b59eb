/**
 * @module server/turns
 * Writes a turn to the question log, redacted. A failed write is logged and counted but does not
 * cost the person their answer: answering matters more than the statistics.
 */
import { questionRecord, type Turn } from '../insights/question-log.js';
import type { ServerContext } from './context.js';

export async function recordTurn(ctx: ServerContext, turn: Turn): Promise<void> {
  try {
    await ctx.store.logQuestion(questionRecord(turn));
  } catch (error) {
    ctx.metrics.error('question_log');
    ctx.logError(`could not log a question: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * @module server/turns
 * Writes a turn to the question log, redacted and classified (its theme is the category of the
 * first cited item). While the database is unreachable the turn is kept and written when it is
 * back (server/store-watch). A failed write is logged and counted but does not cost the person
 * their answer: answering matters more than the statistics.
 */
import { questionRecord, type Turn } from '../insights/question-log.js';
import type { ServerContext } from './context.js';

export async function recordTurn(ctx: ServerContext, turn: Turn): Promise<void> {
  try {
    const theme = turn.theme ?? (await themeOf(ctx, turn.answer.citations[0]?.id));
    await ctx.storeWatch.logQuestion(questionRecord({ ...turn, ...(theme ? { theme } : {}) }));
  } catch (error) {
    ctx.metrics.error('question_log');
    ctx.logError(`could not log a question: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The category of a cited item: from the engine's index when it has one (no query), else the store. */
async function themeOf(ctx: ServerContext, itemId: string | undefined): Promise<string | undefined> {
  if (!itemId) return undefined;
  const index = ctx.engine.current?.searchIndex;
  const item = index?.getItem(itemId) ?? (ctx.storeWatch.outage ? undefined : await ctx.store.getItem(itemId).catch(() => undefined));
  return item?.category;
}

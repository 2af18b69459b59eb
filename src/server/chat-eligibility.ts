/**
 * @module server/chat-eligibility
 * The chat's hook for the eligibility dialogue (enterprise/dialogue): before the knowledge base
 * answers, a message that asks whether the enterprise qualifies for a rule — or answers the
 * dialogue's last question — is the dialogue's. With the portal's session cookie the verdict comes
 * from the enterprise's stored profile. The dialogue's state is kept in the chat session.
 */
import type { FastifyRequest } from 'fastify';
import type { Answer } from '../answering/answer.js';
import { dialogueTurn, mayBeDialogue, readDialogueState } from '../enterprise/dialogue/dialogue.js';
import { readProfile } from '../enterprise/profiles/service.js';
import type { SessionState } from '../storage/index.js';
import type { ServerContext } from './context.js';
import { guideTitles } from './enterprise/portal-data.js';
import { enterpriseCallerFromCookie } from './enterprise/session.js';

/** The dialogue's answer to this turn (the session saved), or undefined for the knowledge base. */
export async function eligibilityAnswer(
  ctx: ServerContext,
  request: FastifyRequest,
  message: string,
  sessionId: string,
  session: SessionState,
): Promise<Answer | undefined> {
  try {
    return await dialogueAnswer(ctx, request, message, sessionId, session);
  } catch (error) {
    // While the database is unreachable the knowledge base still answers; the dialogue needs the session.
    if (ctx.storeWatch.failed(error)) return undefined;
    throw error;
  }
}

async function dialogueAnswer(ctx: ServerContext, request: FastifyRequest, message: string, sessionId: string, session: SessionState): Promise<Answer | undefined> {
  const stored = readDialogueState(session.eligibility);
  // Most turns are no dialogue's: the rules held (read again whenever the store's revision moved,
  // which the notices job hears of at once) tell so without a query to the store per question.
  if (!mayBeDialogue(message, stored, ctx.enterprise.rules.current())) return undefined;
  const rules = await ctx.enterprise.rules.rules();
  const caller = await enterpriseCallerFromCookie(ctx, request.headers.cookie);
  const reply = await dialogueTurn(message, stored, {
    rules,
    asOf: ctx.today(),
    guideTitles: () => guideTitles(ctx),
    ...(caller ? { profile: async () => (await readProfile(ctx.store, caller.enterprise)).profile } : {}),
  });
  if (!reply) return undefined;
  const { eligibility: _previous, ...rest } = session;
  await ctx.store.saveSession(sessionId, { ...rest, turns: session.turns + 1, ...(reply.state ? { eligibility: reply.state } : {}) });
  return { text: reply.text, type: 'eligibility', citations: [], confidence: 1, suggestions: reply.suggestions, eligibility: reply.card };
}

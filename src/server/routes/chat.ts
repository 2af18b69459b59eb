/**
 * @module server/routes/chat
 * POST /api/chat: one question in, one cited answer out, in a conversation the server remembers.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { CHANNELS, type Channel } from '../../insights/question-log.js';
import type { ServerContext } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { answerSchema, errorReplies, ID_PATTERN, MAX_MESSAGE_CHARS } from '../schemas.js';
import { recordTurn } from '../turns.js';
import { eligibilityAnswer } from '../chat-eligibility.js';
import type { SessionState } from '../../storage/index.js';

interface ChatBody {
  message: string;
  sessionId?: string;
  channel?: Channel;
}

const schema = {
  summary: 'Ask a question',
  description:
    'Without sessionId a new conversation starts; send the returned sessionId with the next message so that ' +
    'follow-ups resolve in context. An unknown or expired sessionId is a 404: start again without one.',
  tags: ['conversation'],
  body: {
    type: 'object',
    properties: {
      message: { type: 'string', minLength: 1, maxLength: MAX_MESSAGE_CHARS },
      sessionId: { type: 'string', pattern: ID_PATTERN },
      channel: { type: 'string', enum: [...CHANNELS], default: 'api' },
    },
    required: ['message'],
  },
  response: {
    200: {
      type: 'object',
      properties: {
        sessionId: { type: 'string' },
        turnId: { type: 'string', description: 'Identifies this question and answer for POST /api/feedback' },
        answer: answerSchema,
      },
      required: ['sessionId', 'turnId', 'answer'],
    },
    // 503 with Retry-After: the assistant is starting, or too busy to answer soon (try again).
    ...errorReplies(400, 404, 413, 415, 429, 503),
  },
};

/**
 * A conversation's state, read once per question for every part of answering; `undefined` when the
 * session was never issued (or expired). While the database is unreachable every session is taken
 * on trust, its context lost.
 */
async function readSession(ctx: ServerContext, sessionId: string): Promise<SessionState | undefined> {
  try {
    return await ctx.store.getSession(sessionId);
  } catch (error) {
    if (ctx.storeWatch.failed(error)) return { turns: 0 };
    throw error;
  }
}

export const chatRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.post<{ Body: ChatBody }>(
    '/api/chat',
    { schema, config: { bodyExample: '{"message": "办理营业执照要带什么材料"}' } },
    async (request) => {
      const message = request.body.message.trim();
      if (!message) throw badRequest('message: must not be empty');
      const engine = ctx.engine.require();
      const sessionId = request.body.sessionId ?? randomUUID();
      // A new conversation is not looked up: nothing can be stored under an id just made.
      const session = request.body.sessionId === undefined ? { turns: 0 } : await readSession(ctx, sessionId);
      if (!session) {
        throw notFound(`unknown session "${sessionId}" (never issued, or idle for more than a day); send the message without a sessionId to start again`);
      }
      // “我们公司能申报高企吗？” and its follow-up answers are the eligibility dialogue's (server/chat-eligibility).
      const answer =
        (await eligibilityAnswer(ctx, request, message, sessionId, session)) ?? (await ctx.answerQueue.run(() => engine.ask(message, { sessionId, session })));
      const turnId = randomUUID();
      ctx.metrics.answers.inc({ type: answer.type });
      await recordTurn(ctx, { id: turnId, sessionId, channel: request.body.channel ?? 'api', question: message, answer });
      return { sessionId, turnId, answer };
    },
  );
};

/**
 * @module server/routes/feedback
 * POST /api/feedback: whether an answer helped, stored with the turn in the question log.
 */
import type { FastifyPluginAsync } from 'fastify';
import { redact } from '../../language/redact.js';
import type { ServerContext } from '../context.js';
import { notFound } from '../errors.js';
import { errorReplies, ID_PATTERN, MAX_COMMENT_CHARS } from '../schemas.js';

interface FeedbackBody {
  turnId: string;
  helpful: boolean;
  comment?: string;
}

const schema = {
  summary: 'Say whether an answer helped',
  description: 'Giving feedback again on the same turn replaces it.',
  tags: ['conversation'],
  body: {
    type: 'object',
    properties: {
      turnId: { type: 'string', pattern: ID_PATTERN },
      helpful: { type: 'boolean' },
      comment: { type: 'string', maxLength: MAX_COMMENT_CHARS },
    },
    required: ['turnId', 'helpful'],
  },
  response: {
    200: { type: 'object', properties: { ok: { type: 'boolean', const: true } }, required: ['ok'] },
    ...errorReplies(400, 404, 413, 415, 429),
  },
};

export const feedbackRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.post<{ Body: FeedbackBody }>(
    '/api/feedback',
    { schema, config: { bodyExample: '{"turnId": "…", "helpful": true}' } },
    async (request) => {
      const { turnId, helpful } = request.body;
      const comment = request.body.comment?.trim();
      const found = await ctx.store.recordFeedback(turnId, { helpful, ...(comment ? { comment: redact(comment) } : {}) });
      if (!found) throw notFound(`unknown turn "${turnId}"; use the turnId of a reply from POST /api/chat`);
      return { ok: true };
    },
  );
};

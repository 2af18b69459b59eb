/**
 * @module server/routes/suggest
 * GET /api/suggest: question completion while a person types.
 */
import type { FastifyPluginAsync } from 'fastify';
import { ITEM_KINDS } from '../../knowledge/index.js';
import type { ServerContext } from '../context.js';
import { badRequest } from '../errors.js';
import { errorReplies } from '../schemas.js';

const schema = {
  summary: 'Complete a question being typed',
  description: 'FAQ questions, guide names and policy titles matching the text typed so far, best first.',
  tags: ['knowledge'],
  querystring: {
    type: 'object',
    properties: {
      q: { type: 'string', minLength: 1, maxLength: 100, description: 'The text typed so far' },
      limit: { type: 'integer', minimum: 1, maximum: 20, default: 8 },
    },
    required: ['q'],
  },
  response: {
    200: {
      type: 'object',
      properties: {
        suggestions: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              text: { type: 'string' },
              itemId: { type: 'string' },
              kind: { type: 'string', enum: [...ITEM_KINDS] },
            },
            required: ['text', 'itemId', 'kind'],
          },
        },
      },
      required: ['suggestions'],
    },
    ...errorReplies(400, 429),
  },
};

export const suggestRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get<{ Querystring: { q: string; limit: number } }>('/api/suggest', { schema }, async (request) => {
    const q = request.query.q.trim();
    if (!q) throw badRequest('q: must not be empty');
    const catalog = await ctx.catalog.current();
    return { suggestions: catalog.suggester.suggest(q, request.query.limit) };
  });
};

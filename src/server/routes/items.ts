/**
 * @module server/routes/items
 * GET /api/items/:id: the full cited item, for "show source", and whether it is still in force.
 */
import type { FastifyPluginAsync } from 'fastify';
import { isCurrent } from '../../knowledge/index.js';
import type { ServerContext } from '../context.js';
import { notFound } from '../errors.js';
import { errorReplies } from '../schemas.js';

const schema = {
  summary: 'A cited item in full',
  description: 'The policy, guide, FAQ or article as imported, plus `current` (false for an expired policy).',
  tags: ['knowledge'],
  params: {
    type: 'object',
    properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
    required: ['id'],
  },
  response: {
    200: {
      type: 'object',
      additionalProperties: true,
      properties: {
        id: { type: 'string' },
        kind: { type: 'string' },
        title: { type: 'string' },
        current: { type: 'boolean' },
      },
      required: ['id', 'kind', 'title', 'current'],
    },
    ...errorReplies(400, 404, 429),
  },
};

export const itemRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get<{ Params: { id: string } }>('/api/items/:id', { schema }, async (request) => {
    const item = await ctx.store.getItem(request.params.id);
    if (!item) throw notFound(`no item with id "${request.params.id}"`);
    return { ...item, current: isCurrent(item, ctx.today()) };
  });
};

/**
 * @module server/routes/hot
 * GET /api/hot: questions to tap on the home screen (server/hot): standard questions of the
 * knowledge base, never what someone typed.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../context.js';
import { HOT_DAYS, type Hot } from '../hot.js';
import { errorReplies } from '../schemas.js';

const stringList = { type: 'array', items: { type: 'string' } } as const;
const schema = {
  summary: 'Questions for the home screen',
  description:
    'Standard questions of the knowledge base (an FAQ\'s question, a guide\'s name, a policy\'s title), never ' +
    'what someone typed: those staff pinned, in their order; then the items that confidently answered the most ' +
    `conversations in the last ${HOT_DAYS} days; then the curated questions. Hidden ones never. Also the categories ` +
    'with a few questions each.',
  tags: ['knowledge'],
  response: {
    200: {
      type: 'object',
      properties: {
        questions: stringList,
        categories: {
          type: 'array',
          items: {
            type: 'object',
            properties: { name: { type: 'string' }, questions: stringList },
            required: ['name', 'questions'],
          },
        },
      },
      required: ['questions', 'categories'],
    },
    ...errorReplies(429),
  },
};

export const hotRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get('/api/hot', { schema }, async (): Promise<Hot> => ctx.hot.current());
};

/**
 * @module server/routes/hot
 * GET /api/hot: questions to tap on the home screen. Computed at most once a minute: it groups
 * a month of the question log.
 */
import type { FastifyPluginAsync } from 'fastify';
import { ANSWERED_TYPES, hotQuestions } from '../../insights/hot.js';
import type { Category } from '../catalog.js';
import type { ServerContext } from '../context.js';
import { errorReplies } from '../schemas.js';

const HOT_DAYS = 30;
const HOT_QUESTIONS = 8;
/** A question asked in one conversation only is one person's, not a frequent one (and not a spammer's). */
const MIN_SESSIONS = 2;

interface Hot {
  questions: string[];
  categories: Category[];
}

const stringList = { type: 'array', items: { type: 'string' } } as const;
const schema = {
  summary: 'Questions for the home screen',
  description:
    `The most frequent answered questions of the last ${HOT_DAYS} days (the knowledge base's curated questions ` +
    'while there is little history), and the categories with a few questions each.',
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
  let cached: { at: number; revision: number; hot: Hot } | undefined;

  app.get('/api/hot', { schema }, async (): Promise<Hot> => {
    const catalog = await ctx.catalog.current();
    const now = ctx.now();
    const fresh = cached && cached.revision === catalog.revision && now.getTime() - cached.at < ctx.hotCacheMs;
    if (fresh) return cached!.hot;
    const frequent = await ctx.store.frequentQuestions({
      since: new Date(now.getTime() - HOT_DAYS * 24 * 60 * 60 * 1000),
      answerTypes: ANSWERED_TYPES,
      minSessions: MIN_SESSIONS,
      limit: HOT_QUESTIONS * 3,
    });
    const hot = { questions: hotQuestions(frequent, catalog.curated, HOT_QUESTIONS), categories: catalog.categories };
    cached = { at: now.getTime(), revision: catalog.revision, hot };
    return hot;
  });
};

/**
 * @module server/admin/hit-test
 * GET /api/admin/hit-test: why the assistant answers a question the way it does — how it read
 * the question, which items it ranked with which words, and the answer it would give. Nothing is
 * logged: trying questions out must not count in the insights.
 */
import type { FastifyPluginAsync } from 'fastify';
import { explainSearch } from '../../search/explain.js';
import type { ServerContext } from '../context.js';
import { unavailable } from '../errors.js';
import { answerSchema, errorReplies } from '../schemas.js';
import { guarded } from './guard.js';
import { int, obj, str, strings } from './schemas.js';

const candidate = obj(
  {
    rank: int,
    id: str,
    title: str,
    kind: str,
    category: str,
    current: { type: 'boolean' },
    score: { type: 'number' },
    matchedWords: strings,
    missingWords: strings,
    pinyinMatches: strings,
    coverage: { type: 'number' },
    bestSentences: str,
  },
  ['rank', 'id', 'title', 'kind', 'current', 'score', 'matchedWords', 'missingWords', 'pinyinMatches'],
);

export const hitTestRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get<{ Querystring: { q: string } }>(
    '/hit-test',
    guarded('knowledge:read', {
      summary: 'Explain how a question is searched and answered',
      querystring: { type: 'object', properties: { q: { type: 'string', minLength: 1, maxLength: 500 } }, required: ['q'] },
      response: {
        200: obj(
          {
            question: str,
            normalized: str,
            corrected: str,
            words: { type: 'array', items: obj({ term: str, source: str, from: str, weight: { type: 'number' } }, ['term', 'source', 'weight']) },
            bigrams: strings,
            candidates: { type: 'array', items: candidate },
            answer: answerSchema,
          },
          ['question', 'normalized', 'words', 'bigrams', 'candidates', 'answer'],
        ),
        ...errorReplies(400, 503),
      },
    }),
    async (request) => {
      const engine = ctx.engine.require();
      if (!engine.searchIndex) throw unavailable('hit testing needs the search engine, which this server does not expose', 60);
      const explanation = explainSearch(engine.searchIndex, request.query.q, { today: ctx.today() });
      return { ...explanation, answer: await engine.ask(request.query.q) };
    },
  );
};

/**
 * @module server/admin/hot-questions
 * The home screen's hot questions in the back office: every candidate with how many conversations
 * it answered, and pinning (always shown, in order), hiding (never shown) and ordering them.
 * Choosing what every visitor sees is editing the knowledge base's face: `knowledge:edit`
 * (editors and admins). Each change is audited and shown on the home screen at once.
 */
import type { FastifyPluginAsync } from 'fastify';
import { ITEM_KINDS } from '../../knowledge/index.js';
import { CurationOrderError, type CurationState } from '../../storage/index.js';
import type { ServerContext } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { HOT_DAYS, HOT_QUESTIONS } from '../hot.js';
import { errorReplies } from '../schemas.js';
import { guarded } from './guard.js';
import { int, itemIdParam, obj, str, strings } from './schemas.js';

const STATES = ['pinned', 'hidden', 'ranked'] as const;
type State = (typeof STATES)[number];

const candidateSchema = obj(
  {
    itemId: str,
    kind: { type: 'string', enum: [...ITEM_KINDS] },
    question: { type: 'string', description: "The item's standard question: an FAQ's question, a guide's name, a policy's title" },
    state: { type: 'string', enum: [...STATES] },
    sessions: { type: 'integer', description: `Conversations it answered confidently in the last ${HOT_DAYS} days` },
    answered: int,
    curated: { type: 'boolean', description: 'One of the curated questions that top the list up' },
  },
  ['itemId', 'kind', 'question', 'state', 'sessions', 'answered', 'curated'],
);
const listSchema = obj(
  { candidates: { type: 'array', items: candidateSchema }, shown: { ...strings, description: 'What GET /api/hot shows now' } },
  ['candidates', 'shown'],
);

export const hotQuestionRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const list = async () => {
    const candidates = await ctx.hot.candidates();
    return { candidates, shown: (await ctx.hot.current()).questions };
  };

  app.get(
    '/hot-questions',
    guarded('knowledge:read', {
      summary: 'The hot question candidates and what the home screen shows',
      description: `Pinned in their order, then ranked by conversations answered confidently in the last ${HOT_DAYS} days, then hidden. The home screen shows the first ${HOT_QUESTIONS} that are pinned, answered at least two conversations, or curated.`,
      response: { 200: listSchema },
    }),
    list,
  );

  app.put<{ Params: { itemId: string }; Body: { state: State } }>(
    '/hot-questions/:itemId',
    {
      ...guarded('knowledge:edit', {
        summary: 'Pin, hide, or return a hot question to the ranking',
        description: '`pinned` puts it last among the pinned; `hidden` keeps it off the home screen; `ranked` undoes either. Audited as `hot-question.pin`, `.hide`, `.reset`.',
        params: { type: 'object', properties: { itemId: itemIdParam }, required: ['itemId'] },
        body: { type: 'object', properties: { state: { type: 'string', enum: [...STATES] } }, required: ['state'] },
        response: { 200: listSchema, ...errorReplies(400, 404) },
      }),
      config: { bodyExample: '{"state": "pinned"}' },
    },
    async (request) => {
      const { itemId } = request.params;
      const { standard } = await ctx.catalog.current();
      const wanted: CurationState | undefined = request.body.state === 'ranked' ? undefined : request.body.state;
      // Returning an item to the ranking is allowed after it left the knowledge base: that tidies up.
      if (wanted && !standard.has(itemId)) throw notFound(`itemId: no published FAQ, guide or current policy "${itemId}"`);
      if (await ctx.store.hotQuestions.setState(itemId, wanted, request.staff!.account.name)) ctx.hot.invalidate();
      return list();
    },
  );

  app.put<{ Body: { pinned: string[] } }>(
    '/hot-questions',
    {
      ...guarded('knowledge:edit', {
        summary: 'Order the pinned hot questions',
        description: '`pinned` lists every pinned item id once, in the new order; otherwise 409 (someone changed the pins meanwhile: reload). Audited as `hot-question.order`.',
        body: { type: 'object', properties: { pinned: { type: 'array', items: itemIdParam, maxItems: 100 } }, required: ['pinned'] },
        response: { 200: listSchema, ...errorReplies(400, 409) },
      }),
      config: { bodyExample: '{"pinned": ["faq-parking", "guide-license"]}' },
    },
    async (request) => {
      try {
        await ctx.store.hotQuestions.orderPinned(request.body.pinned, request.staff!.account.name);
      } catch (error) {
        if (error instanceof CurationOrderError) throw conflict(error.message);
        throw error;
      }
      ctx.hot.invalidate();
      return list();
    },
  );
};

/**
 * @module server/admin/insights
 * What people ask and where the knowledge base falls short: the summary figures of a period, the
 * failed questions grouped by similarity, a group turned into an FAQ draft for review, the
 * question log itself, and questions asked at the service counter, logged by the clerk.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { clusterQuestions } from '../../insights/cluster.js';
import { faqId } from '../../ingestion/ids.js';
import { ANSWER_TYPES } from '../../answering/answer.js';
import { CHANNELS } from '../../insights/question-log.js';
import { itemSchema } from '../../knowledge/index.js';
import { TextAnalyzer } from '../../language/index.js';
import type { ServerContext } from '../context.js';
import { badRequest } from '../errors.js';
import { answerSchema, errorReplies } from '../schemas.js';
import { recordTurn } from '../turns.js';
import { guarded } from './guard.js';
import { itemExists } from './item-input.js';
import { periodOf } from './period.js';
import { int, obj, paging, period, str, strings } from './schemas.js';

const counted = { type: 'array', items: obj({ value: str, count: int }, ['value', 'count']) };
const loggedQuestion = obj(
  {
    id: str,
    createdAt: { type: 'string', format: 'date-time' },
    channel: str,
    question: str,
    answerType: str,
    confidence: { type: 'number' },
    citedIds: strings,
    questionKind: str,
    theme: str,
    loggedBy: str,
    note: str,
    helpful: { type: 'boolean' },
    feedbackComment: str,
  },
  ['id', 'createdAt', 'channel', 'question', 'answerType', 'confidence', 'citedIds'],
);

interface FaqBody {
  question: string;
  similarQuestions?: string[];
  answer: string;
  category?: string;
}

export const insightRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  let fallbackAnalyzer: TextAnalyzer | undefined;
  // The engine's own analyser (the zone's word lists included) when it is built.
  const analyzer = () => ctx.engine.current?.searchIndex?.analyzer ?? (fallbackAnalyzer ??= new TextAnalyzer());
  const periodQuery = { type: 'object', properties: { ...period } } as const;

  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/insights',
    guarded('insights:read', {
      summary: 'Questions asked in a period: totals, by day, hottest questions, themes, kinds and channels',
      description:
        'Days in XIAOXIN_TIMEZONE; `to` inclusive; the last 30 days up to today in that time zone by default (`today` says which day that is, ' +
        'so that a browser in another time zone or with a wrong clock offers the right days). `kinds` values: how, materials, where, policy, other.',
      querystring: periodQuery,
      response: {
        200: obj(
          {
            from: str,
            to: str,
            today: str,
            timeZone: str,
            totals: obj({ asked: int, answered: int, helpful: int, notHelpful: int, answeredShare: { type: 'number' }, helpfulShare: { type: 'number' } }),
            daily: { type: 'array', items: obj({ day: str, asked: int, answered: int, helpful: int, notHelpful: int }) },
            hotQuestions: { type: 'array', items: obj({ question: str, questionKey: str, count: int }) },
            themes: counted,
            kinds: counted,
            channels: counted,
          },
          ['from', 'to', 'today', 'timeZone', 'totals', 'daily', 'hotQuestions', 'themes', 'kinds', 'channels'],
        ),
        ...errorReplies(400),
      },
    }),
    async (request) => {
      const today = ctx.today();
      const p = periodOf(request.query, today, ctx.admin.timeZone);
      const summary = await ctx.store.insights.summary({ from: p.from, to: p.to, timeZone: ctx.admin.timeZone });
      return { from: p.fromDay, to: p.toDay, today, timeZone: ctx.admin.timeZone, ...summary };
    },
  );

  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/insights/clusters',
    guarded('insights:read', {
      summary: 'Failed questions grouped by similarity',
      description: 'Questions answered "not found", with low confidence, or marked unhelpful, grouped by what they ask; largest group first.',
      querystring: periodQuery,
      response: {
        200: obj(
          { clusters: { type: 'array', items: obj({ representative: str, total: int, variants: { type: 'array', items: obj({ text: str, count: int }, ['text', 'count']) } }, ['representative', 'total', 'variants']) } },
          ['clusters'],
        ),
        ...errorReplies(400),
      },
    }),
    async (request) => {
      const p = periodOf(request.query, ctx.today(), ctx.admin.timeZone);
      const failed = await ctx.store.insights.failed({ from: p.from, to: p.to });
      const clusters = clusterQuestions(failed.map((f) => ({ text: f.text, count: f.count })), analyzer());
      return {
        clusters: clusters.map((c) => ({ representative: c.representative, total: c.total, variants: c.variants.map((v) => ({ text: v.text, count: v.count })) })),
      };
    },
  );

  app.post<{ Body: FaqBody }>(
    '/insights/clusters/faq',
    {
      ...guarded('knowledge:edit', {
        summary: 'Turn a group of failed questions into an FAQ draft submitted for review',
        body: {
          type: 'object',
          properties: {
            question: { type: 'string', minLength: 1, maxLength: 200 },
            similarQuestions: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 200 }, default: [] },
            answer: { type: 'string', minLength: 1, maxLength: 10000 },
            category: { type: 'string', maxLength: 100 },
          },
          required: ['question', 'answer'],
        },
        response: { 201: obj({ id: str, version: int, status: str }, ['id', 'version', 'status']), ...errorReplies(400) },
      }),
      config: { bodyExample: '{"question": "…", "similarQuestions": ["…"], "answer": "…"}' },
    },
    async (request, reply) => {
      const question = request.body.question.trim();
      const similar = [...new Set((request.body.similarQuestions ?? []).map((q) => q.trim()).filter((q) => q && q !== question))];
      let id = faqId(question);
      // The same question may have been made an FAQ before (and withdrawn): a new id, not an edit of that one.
      for (let n = 2; await itemExists(ctx.store, id); n++) id = `${faqId(question)}-${n}`;
      const parsed = itemSchema.safeParse({
        kind: 'faq',
        id,
        title: question,
        similarQuestions: similar,
        answer: request.body.answer,
        ...(request.body.category?.trim() ? { category: request.body.category.trim() } : {}),
      });
      if (!parsed.success) throw badRequest(`${String(parsed.error.issues[0]?.path[0] ?? 'body')}: ${parsed.error.issues[0]?.message}`);
      const actor = request.staff!.account.name;
      const draft = await ctx.store.versions.saveDraft(parsed.data, actor, '由未答问题聚类生成');
      const submitted = await ctx.store.versions.submit(id, draft.version, actor);
      return reply.status(201).send({ id, version: submitted.version, status: submitted.status });
    },
  );

  app.get<{ Querystring: { from?: string; to?: string; channel?: string; type?: string; page: number; pageSize: number } }>(
    '/questions',
    guarded('insights:read', {
      summary: 'The question log, newest first (personal data already replaced by placeholders)',
      querystring: {
        type: 'object',
        properties: {
          ...period,
          channel: { type: 'string', enum: [...CHANNELS, 'window'] },
          type: { type: 'string', enum: [...ANSWER_TYPES] },
          ...paging,
        },
      },
      response: { 200: obj({ questions: { type: 'array', items: loggedQuestion }, total: int, page: int, pageSize: int }, ['questions', 'total', 'page', 'pageSize']), ...errorReplies(400) },
    }),
    async (request) => {
      const { page, pageSize, channel, type } = request.query;
      const p = periodOf(request.query, ctx.today(), ctx.admin.timeZone);
      const result = await ctx.store.listQuestions({
        since: p.from,
        until: p.to,
        ...(channel ? { channel } : {}),
        ...(type ? { answerType: type } : {}),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { ...result, page, pageSize };
    },
  );

  app.post<{ Body: { question: string; category?: string; note?: string } }>(
    '/questions',
    {
      ...guarded('questions:log', {
        summary: 'Log a question asked at the service counter',
        description: 'Answered by the assistant (the answer is returned for the clerk) and logged with channel `window`, so that it counts in the insights like any other.',
        body: {
          type: 'object',
          properties: {
            question: { type: 'string', minLength: 1, maxLength: 500 },
            category: { type: 'string', maxLength: 100, description: 'The theme, when the clerk knows it better than the answer does' },
            note: { type: 'string', maxLength: 500 },
          },
          required: ['question'],
        },
        response: { 200: obj({ id: str, answer: answerSchema }, ['id', 'answer']), ...errorReplies(400, 503) },
      }),
      config: { bodyExample: '{"question": "个体户营业执照怎么注销", "category": "企业开办"}' },
    },
    async (request) => {
      const question = request.body.question.trim();
      if (!question) throw badRequest('question: must not be empty');
      const answer = await ctx.engine.require().ask(question);
      ctx.metrics.answers.inc({ type: answer.type });
      const id = randomUUID();
      const category = request.body.category?.trim();
      await recordTurn(ctx, {
        id,
        channel: 'window',
        question,
        answer,
        loggedBy: request.staff!.account.name,
        ...(category ? { theme: category } : {}),
        ...(request.body.note ? { note: request.body.note } : {}),
      });
      return { id, answer };
    },
  );
};

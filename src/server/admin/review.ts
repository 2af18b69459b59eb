/**
 * @module server/admin/review
 * Keeping the knowledge base current: the review queue (changes waiting for a reviewer, and items
 * whose expiry or review date is near or past), the staleness figures, and running the daily
 * upkeep job on demand.
 */
import type { FastifyPluginAsync } from 'fastify';
import { dueItems } from '../../upkeep/due.js';
import { staleness } from '../../upkeep/staleness.js';
import type { ServerContext } from '../context.js';
import { errorReplies } from '../schemas.js';
import { guarded } from './guard.js';
import { versionSummary } from './item-input.js';
import { day, dueItemSchema, int, obj, str, versionSchema } from './schemas.js';

const pendingSchema = { ...versionSchema, properties: { ...versionSchema.properties, kind: str, title: str, category: str } };
const groupSchema = obj({ dated: int, stale: int, undated: int }, ['dated', 'stale', 'undated']);

export const reviewRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get<{ Querystring: { days?: number } }>(
    '/review-queue',
    guarded('knowledge:read', {
      summary: 'Changes waiting for review, and items due for review',
      description: '`pending`: drafts and versions in review, oldest first. `due`: published items whose expiry or review date is past or within `days` (default XIAOXIN_REVIEW_WINDOW_DAYS), most urgent first.',
      querystring: { type: 'object', properties: { days: { type: 'integer', minimum: 0, maximum: 3650 } } },
      response: {
        200: obj({ pending: { type: 'array', items: pendingSchema }, due: { type: 'array', items: dueItemSchema }, days: int, today: day }, ['pending', 'due', 'days', 'today']),
        ...errorReplies(400),
      },
    }),
    async (request) => {
      const days = request.query.days ?? ctx.admin.reviewWindowDays;
      const today = ctx.today();
      const pending = (await ctx.store.versions.open()).map((v) => ({
        ...versionSummary(v),
        kind: v.item.kind,
        title: v.item.title,
        ...(v.item.category ? { category: v.item.category } : {}),
      }));
      return { pending, due: dueItems(await ctx.store.listItems(), today, days), days, today };
    },
  );

  app.get(
    '/staleness',
    guarded('knowledge:read', {
      summary: 'How much of the knowledge base is past its review or expiry date',
      response: {
        200: obj(
          {
            today: day,
            total: int,
            dated: int,
            stale: int,
            undated: int,
            staleShare: { type: 'number' },
            byKind: { type: 'object', additionalProperties: groupSchema },
            byCategory: { type: 'object', additionalProperties: groupSchema },
          },
          ['today', 'total', 'dated', 'stale', 'undated', 'staleShare', 'byKind', 'byCategory'],
        ),
      },
    }),
    async () => {
      const today = ctx.today();
      return { today, ...staleness(await ctx.store.listItems(), today) };
    },
  );

  app.post(
    '/upkeep/run',
    guarded('admin', {
      summary: 'Run the daily upkeep job now',
      description:
        'Records each newly expired policy in the audit log (once per policy) and sends the alert to the configured webhook and e-mail; ' +
        'the day then counts as done for the scheduled run. `expiredToday`: the policies recorded by this run.',
      response: {
        200: obj(
          {
            day,
            ran: { type: 'boolean' },
            due: { type: 'array', items: dueItemSchema },
            expiredToday: { type: 'array', items: dueItemSchema },
            alerts: { type: 'array', items: obj({ channel: str, ok: { type: 'boolean' }, error: str }, ['channel', 'ok']) },
          },
          ['day', 'ran', 'due', 'expiredToday', 'alerts'],
        ),
      },
    }),
    async () => ctx.admin.dailyJob.runNow(),
  );
};

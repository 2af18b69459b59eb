/**
 * @module server/admin/audit
 * GET /api/admin/audit: who changed what and when, newest first, filtered by actor, action (an
 * exact action, or a prefix ending in `.` such as `item.`), target and days; paged backwards with
 * `beforeId`.
 */
import type { FastifyPluginAsync } from 'fastify';
import { MAX_AUDIT_PAGE } from '../../storage/index.js';
import type { ServerContext } from '../context.js';
import { errorReplies } from '../schemas.js';
import { guarded } from './guard.js';
import { boundsOf } from './period.js';
import { int, obj, period, str } from './schemas.js';

interface AuditQuerystring {
  actor?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
  beforeId?: number;
  limit: number;
}

const entry = obj(
  { id: int, at: { type: 'string', format: 'date-time' }, actor: str, action: str, target: str, before: {}, after: {}, detail: str },
  ['id', 'at', 'actor', 'action'],
);

export const auditRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get<{ Querystring: AuditQuerystring }>(
    '/audit',
    guarded('audit:read', {
      summary: 'The audit log, newest first',
      description: '`from`/`to` are days in XIAOXIN_TIMEZONE (`to` inclusive). When a full page comes back, `nextBeforeId` fetches the next (older) one.',
      querystring: {
        type: 'object',
        properties: {
          actor: { type: 'string', maxLength: 100 },
          action: { type: 'string', maxLength: 100 },
          target: { type: 'string', maxLength: 200 },
          ...period,
          // The audit log's id is a bigint: any whole number JavaScript holds exactly.
          beforeId: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
          limit: { type: 'integer', minimum: 1, maximum: MAX_AUDIT_PAGE, default: 100 },
        },
      },
      response: { 200: obj({ entries: { type: 'array', items: entry }, nextBeforeId: int }, ['entries']), ...errorReplies(400) },
    }),
    async (request) => {
      const { actor, action, target, beforeId, limit } = request.query;
      const entries = await ctx.store.audit.query({
        ...(actor ? { actor } : {}),
        ...(action ? { action } : {}),
        ...(target ? { target } : {}),
        ...boundsOf(request.query, ctx.admin.timeZone),
        ...(beforeId ? { beforeId } : {}),
        limit,
      });
      const last = entries[entries.length - 1];
      return { entries, ...(entries.length === limit && last ? { nextBeforeId: last.id } : {}) };
    },
  );
};

/**
 * @module server/admin/export
 * GET /api/admin/export: the whole published knowledge base as a download, JSONL (one item a
 * line, exactly as `xiaoxin import` reads it: importing it again changes nothing) or XLSX (one
 * sheet per kind, for people).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../context.js';
import { errorReplies } from '../schemas.js';
import { guarded } from './guard.js';
import { knowledgeWorkbook } from './export-xlsx.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const exportRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get<{ Querystring: { format: 'jsonl' | 'xlsx' } }>(
    '/export',
    guarded('knowledge:edit', {
      summary: 'Download the published knowledge base',
      description: 'JSONL re-imports unchanged; XLSX has one sheet per kind (the FAQ sheet first, in the importer\'s columns).',
      querystring: { type: 'object', properties: { format: { type: 'string', enum: ['jsonl', 'xlsx'], default: 'jsonl' } } },
      produces: ['application/x-ndjson', XLSX_TYPE],
      response: { ...errorReplies(400) },
    }),
    async (request, reply) => {
      // Timestamps are bookkeeping of this store, not content.
      const items = (await ctx.store.listItems()).map(({ createdAt: _c, updatedAt: _u, ...item }) => item);
      const name = `xiaoxin-knowledge-${ctx.today()}.${request.query.format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      reply.header('cache-control', 'no-store');
      if (request.query.format === 'xlsx') return reply.type(XLSX_TYPE).send(await knowledgeWorkbook(items));
      return reply.type('application/x-ndjson; charset=utf-8').send(items.map((i) => JSON.stringify(i)).join('\n') + (items.length ? '\n' : ''));
    },
  );
};

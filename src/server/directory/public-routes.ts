/**
 * @module server/directory/public-routes
 * GET /api/directory: the 七找 directory for everyone — published entries, market and job posts
 * until their date (the zone's today) — searched and filtered (kind, type, zone, area, rent, floor
 * load, amount, free text). Entries come as cards: name, type and the key facts as labelled lines.
 */
import type { FastifyPluginAsync } from 'fastify';
import { DirectoryCatalog } from '../../directory/catalog.js';
import { ENTRY_FIELD_LABELS } from '../../directory/field-errors.js';
import type { DirectoryFilter } from '../../directory/filter.js';
import { DIRECTORY_KIND_LABELS, DIRECTORY_KINDS, DIRECTORY_TYPES, type DirectoryKind } from '../../directory/model.js';
import { cardOf } from '../../directory/present.js';
import type { ServerContext } from '../context.js';
import { notFound } from '../errors.js';
import { errorReplies } from '../schemas.js';
import { installDirectoryErrors } from './errors.js';
import { cardSchema, directoryVocabulary, entryIdParam } from './schemas.js';

interface ListQuery {
  kind?: DirectoryKind;
  type?: string;
  district?: string;
  areaMin?: number;
  areaMax?: number;
  rentMax?: number;
  loadMin?: number;
  amountMin?: number;
  vacant?: 'true' | 'false';
  q?: string;
  limit: number;
}

const figure = (max: number) => ({ type: 'number', minimum: 0, maximum: max });

export const directoryPublicRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  installDirectoryErrors(app);
  const catalog = new DirectoryCatalog(ctx.store);

  app.get<{ Querystring: ListQuery }>(
    '/api/directory',
    {
      schema: {
        summary: 'Search and filter the 七找 directory',
        description: 'Published entries only; market and job posts until their date. With `q`, by relevance (the Chinese analyzer); otherwise by kind and name.',
        tags: ['directory'],
        querystring: {
          type: 'object',
          properties: {
            kind: { type: 'string', enum: [...DIRECTORY_KINDS] },
            type: { type: 'string', maxLength: 40, description: '知识产权代理, 贷款贴息, 厂房 … (or a part of it)' },
            district: { type: 'string', maxLength: 60 },
            areaMin: figure(1e6),
            areaMax: figure(1e6),
            rentMax: figure(1e4),
            loadMin: figure(1000),
            amountMin: figure(1e7),
            vacant: { type: 'string', enum: ['true', 'false'], description: '`true`: only space still to let' },
            q: { type: 'string', maxLength: 200 },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          },
        },
        response: { 200: { type: 'object', properties: { entries: { type: 'array', items: cardSchema }, total: { type: 'integer' } } }, ...errorReplies(400, 429) },
      },
    },
    async (request) => {
      const { limit, vacant, ...rest } = request.query;
      const filter: DirectoryFilter = { ...rest, ...(vacant === 'true' ? { vacantOnly: true } : {}) };
      const index = await catalog.current(ctx.today());
      const hits = index.search(filter, 1000);
      return { entries: hits.slice(0, limit).map((h) => cardOf(h.stored.entry)), total: hits.length };
    },
  );

  app.get(
    '/api/directory/vocabulary',
    { schema: { summary: 'The kinds, their usual types and the field names (for filters and forms)', tags: ['directory'], response: { 200: { type: 'object', additionalProperties: true } } } },
    async () => directoryVocabulary(ENTRY_FIELD_LABELS, DIRECTORY_TYPES, DIRECTORY_KIND_LABELS),
  );

  app.get<{ Params: { id: string } }>(
    '/api/directory/:id',
    { schema: { summary: 'One published directory entry', tags: ['directory'], params: entryIdParam, response: { 200: cardSchema, ...errorReplies(400, 404, 429) } } },
    async (request) => {
      const index = await catalog.current(ctx.today());
      const stored = index.entries.find((s) => s.entry.id === request.params.id);
      if (!stored) throw notFound(`id（编号）：目录中没有编号为 ${request.params.id} 的条目`);
      return cardOf(stored.entry);
    },
  );
};

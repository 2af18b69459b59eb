/**
 * @module server/admin/items
 * The knowledge base as staff see it: the list of items with what is pending and due, one item
 * with its history, new items and new drafts (every save is a version), and withdrawal.
 */
import type { FastifyPluginAsync } from 'fastify';
import { isCurrent, ITEM_KINDS } from '../../knowledge/index.js';
import type { ServerContext } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { errorReplies } from '../schemas.js';
import { guarded } from './guard.js';
import { checkedItem, itemExists, versionSummary } from './item-input.js';
import { ITEM_LIST_STATUSES, ITEM_STATUS_FILTERS, listItemEntries, type ItemListQuery } from './item-list.js';
import { anyItem, day, int, itemIdParam, obj, okSchema, paging, str, versionSchema } from './schemas.js';

const idParams = { type: 'object', properties: { id: itemIdParam }, required: ['id'] } as const;

const listEntry = obj(
  {
    id: str,
    kind: str,
    title: str,
    category: str,
    status: { type: 'string', enum: [...ITEM_LIST_STATUSES] },
    current: { type: 'boolean', description: 'False for a policy past its expiry date, and for anything not published' },
    updatedAt: str,
    dueDate: day,
    dueReason: str,
    openVersion: obj({ version: int, status: { type: 'string', enum: ['draft', 'in_review'] } }, ['version', 'status']),
  },
  ['id', 'kind', 'title', 'status', 'current', 'updatedAt'],
);

const draftBody = {
  type: 'object',
  properties: { item: { type: 'object', description: 'The whole item (src/knowledge/schema.ts)' }, note: { type: 'string', maxLength: 500 } },
  required: ['item'],
} as const;

interface DraftBody {
  item: Record<string, unknown>;
  note?: string;
}

export const itemRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get<{ Querystring: Omit<ItemListQuery, 'due'> & { due?: number } }>(
    '/items',
    guarded('knowledge:read', {
      summary: 'List items',
      description: '`q` searches titles and ids; `status=pending` lists items with a draft or a version in review; `due=1` only items due for review within the window.',
      querystring: {
        type: 'object',
        properties: {
          q: { type: 'string', maxLength: 100 },
          kind: { type: 'string', enum: [...ITEM_KINDS] },
          category: { type: 'string', maxLength: 100 },
          status: { type: 'string', enum: [...ITEM_STATUS_FILTERS] },
          due: { type: 'integer', enum: [0, 1] },
          ...paging,
        },
      },
      response: { 200: obj({ items: { type: 'array', items: listEntry }, total: int, page: int, pageSize: int }, ['items', 'total', 'page', 'pageSize']), ...errorReplies(400) },
    }),
    async (request) => {
      const { due, ...query } = request.query;
      const list = await listItemEntries(ctx.store, ctx.today(), ctx.admin.reviewWindowDays, { ...query, due: due === 1 });
      return { ...list, page: query.page, pageSize: query.pageSize };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/items/:id',
    guarded('knowledge:read', {
      summary: 'One item: what is published and every version',
      params: idParams,
      response: {
        200: obj({ id: str, published: anyItem, current: { type: 'boolean' }, versions: { type: 'array', items: versionSchema } }, ['id', 'current', 'versions']),
        ...errorReplies(404),
      },
    }),
    async (request) => {
      const { id } = request.params;
      const published = await ctx.store.getItem(id);
      const versions = await ctx.store.versions.history(id);
      if (!published && versions.length === 0) throw notFound(`no item with id "${id}"`);
      return { id, ...(published ? { published } : {}), current: published ? isCurrent(published, ctx.today()) : false, versions: versions.map(versionSummary) };
    },
  );

  app.post<{ Body: DraftBody }>(
    '/items',
    {
      ...guarded('knowledge:edit', {
        summary: 'Create an item as a draft',
        description: 'The item is not answered from until a reviewer publishes it. 409 when the id exists.',
        body: draftBody,
        response: { 201: versionSchema, ...errorReplies(400, 409) },
      }),
      config: { bodyExample: '{"item": {"kind": "faq", "id": "faq-parking", "title": "停车收费吗？", "answer": "免费。"}}' },
    },
    async (request, reply) => {
      const item = checkedItem(request.body.item);
      if (await itemExists(ctx.store, item.id)) throw conflict(`item.id: an item "${item.id}" exists already; save a draft of it with PUT /api/admin/items/${item.id}/draft`);
      const saved = await ctx.store.versions.saveDraft(item, request.staff!.account.name, request.body.note);
      return reply.status(201).send(versionSummary(saved));
    },
  );

  app.put<{ Params: { id: string }; Body: DraftBody }>(
    '/items/:id/draft',
    {
      ...guarded('knowledge:edit', {
        summary: 'Save a new draft version of an item',
        description: 'Every save is a new version; an earlier draft or version in review of the item is superseded.',
        params: idParams,
        body: draftBody,
        response: { 200: versionSchema, ...errorReplies(400, 404) },
      }),
      config: { bodyExample: '{"item": {…}, "note": "改收费标准"}' },
    },
    async (request) => {
      const { id } = request.params;
      const item = checkedItem(request.body.item, id);
      if (!(await itemExists(ctx.store, id))) throw notFound(`no item with id "${id}"; create it with POST /api/admin/items`);
      return versionSummary(await ctx.store.versions.saveDraft(item, request.staff!.account.name, request.body.note));
    },
  );

  app.delete<{ Params: { id: string }; Body: { reason?: string } | undefined }>(
    '/items/:id',
    {
      // A DELETE usually has no body; the reason is optional.
      preValidation: async (request) => {
        request.body ??= {};
      },
      ...guarded('knowledge:publish', {
      summary: 'Withdraw an item from the answers',
      description: 'Its history stays; a new draft can bring it back through review.',
      params: idParams,
      body: { type: 'object', properties: { reason: { type: 'string', maxLength: 500 } } },
      response: { 200: okSchema, ...errorReplies(400, 404) },
      }),
    },
    async (request) => {
      const { id } = request.params;
      const withdrawn = await ctx.store.versions.withdraw(id, request.staff!.account.name, request.body?.reason);
      if (!withdrawn) throw notFound(`no published item with id "${id}"`);
      return { ok: true };
    },
  );
};

/**
 * @module server/directory/admin-routes
 * Staff keep the 七找 directory under /api/admin/directory: list by kind and state (market posts
 * waiting first), read an entry with every version, add, edit, take down and restore, and approve
 * or reject enterprises' market posts. Reads need `knowledge:read`, writes `directory:manage`;
 * every write is audited (src/directory/service).
 */
import type { FastifyPluginAsync } from 'fastify';
import { ENTRY_FIELD_LABELS } from '../../directory/field-errors.js';
import { DIRECTORY_KIND_LABELS, DIRECTORY_KINDS, DIRECTORY_TYPES, ENTRY_STATUS_LABELS, ENTRY_STATUSES, type DirectoryKind, type EntryStatus } from '../../directory/model.js';
import { createEntry, DirectoryInputError, reviewPost, setArchived, updateEntry } from '../../directory/service.js';
import { guarded } from '../admin/guard.js';
import type { ServerContext } from '../context.js';
import { errorReplies } from '../schemas.js';
import { installDirectoryErrors } from './errors.js';
import { directoryVocabulary, entryErrorsSchema, entryIdParam, storedEntrySchema } from './schemas.js';

const entryBody = { type: 'object', additionalProperties: true, description: 'A directory entry (docs/ADMIN-API.md, “Directory”)' } as const;

export const directoryAdminRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  installDirectoryErrors(app);
  const staffName = (request: { staff?: { account: { name: string } } }) => request.staff!.account.name;

  app.get<{ Querystring: { kind?: DirectoryKind; status?: EntryStatus } }>(
    '/directory',
    guarded('knowledge:read', {
      summary: 'Directory entries by kind and state (pending market posts first)',
      description: 'Without `status`, every entry but the archived ones.',
      querystring: { type: 'object', properties: { kind: { type: 'string', enum: [...DIRECTORY_KINDS] }, status: { type: 'string', enum: [...ENTRY_STATUSES] } } },
      response: { 200: { type: 'object', properties: { entries: { type: 'array', items: storedEntrySchema } } }, ...errorReplies(400) },
    }),
    async (request) => {
      const entries = await ctx.store.directory.list(request.query);
      // What waits for a person comes first.
      entries.sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'));
      return { entries };
    },
  );

  app.get(
    '/directory/vocabulary',
    guarded('knowledge:read', { summary: 'Kinds, usual types, states and field names (the edit form’s hints)', response: { 200: { type: 'object', additionalProperties: true } } }),
    async () => ({ ...directoryVocabulary(ENTRY_FIELD_LABELS, DIRECTORY_TYPES, DIRECTORY_KIND_LABELS), statuses: ENTRY_STATUS_LABELS }),
  );

  app.get<{ Params: { id: string } }>(
    '/directory/:id',
    guarded('knowledge:read', {
      summary: 'A directory entry and every version of it (who, when), newest first',
      params: entryIdParam,
      response: { 200: { type: 'object', properties: { stored: storedEntrySchema, versions: { type: 'array', items: { type: 'object', additionalProperties: true } } } }, ...errorReplies(404) },
    }),
    async (request) => {
      const stored = await ctx.store.directory.get(request.params.id);
      if (!stored) throw new DirectoryInputError(`id（编号）：没有编号为 ${request.params.id} 的条目`, 404);
      return { stored, versions: await ctx.store.directory.versions(request.params.id) };
    },
  );

  app.post<{ Body: Record<string, unknown> }>(
    '/directory',
    guarded('directory:manage', {
      summary: 'Add a directory entry (published at once)',
      description: 'Without `id`, one is made from the kind. 400 lists every field at fault (`errors`), 409 a taken id.',
      body: entryBody,
      response: { 201: storedEntrySchema, 400: entryErrorsSchema, ...errorReplies(409) },
    }),
    async (request, reply) => reply.status(201).send(await createEntry(ctx.store, request.body, staffName(request))),
  );

  app.put<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/directory/:id',
    guarded('directory:manage', {
      summary: 'Change a directory entry (a new version; its state stays)',
      params: entryIdParam,
      body: entryBody,
      response: { 200: storedEntrySchema, 400: entryErrorsSchema, ...errorReplies(404) },
    }),
    async (request) => updateEntry(ctx.store, request.params.id, request.body, staffName(request)),
  );

  for (const [path, archived, summary] of [
    ['archive', true, 'Take an entry down (kept with its history)'],
    ['restore', false, 'Publish a taken-down entry again'],
  ] as const) {
    app.post<{ Params: { id: string } }>(
      `/directory/:id/${path}`,
      guarded('directory:manage', { summary, params: entryIdParam, response: { 200: storedEntrySchema, ...errorReplies(404, 409) } }),
      async (request) => setArchived(ctx.store, request.params.id, archived, staffName(request)),
    );
  }

  app.post<{ Params: { id: string } }>(
    '/directory/:id/approve',
    guarded('directory:manage', { summary: "Approve an enterprise's pending market post: published until its date", params: entryIdParam, response: { 200: storedEntrySchema, ...errorReplies(404, 409) } }),
    async (request) => reviewPost(ctx.store, request.params.id, 'approve', staffName(request)),
  );

  app.post<{ Params: { id: string }; Body: { note: string } }>(
    '/directory/:id/reject',
    guarded('directory:manage', {
      summary: "Reject an enterprise's pending market post, with the reason it reads",
      params: entryIdParam,
      body: { type: 'object', properties: { note: { type: 'string', minLength: 1, maxLength: 500 } }, required: ['note'] },
      response: { 200: storedEntrySchema, 400: entryErrorsSchema, ...errorReplies(404, 409) },
    }),
    async (request) => reviewPost(ctx.store, request.params.id, 'reject', staffName(request), request.body.note),
  );
};

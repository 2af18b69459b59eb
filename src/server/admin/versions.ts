/**
 * @module server/admin/versions
 * One version of an item and the path a change takes: submit a draft for review, publish or
 * reject it, roll back to an earlier version; and a readable diff between two versions. Storage
 * enforces the order of the steps (409 otherwise) and audits each one.
 */
import type { FastifyPluginAsync } from 'fastify';
import { diffItems } from '../../knowledge/item-diff.js';
import type { PublishRule } from '../../storage/index.js';
import type { ServerContext } from '../context.js';
import { badRequest } from '../errors.js';
import { errorReplies } from '../schemas.js';
import { guarded } from './guard.js';
import { requireVersion, versionSummary } from './item-input.js';
import { anyItem, fieldChangeSchema, int, itemIdParam, obj, positiveIntParam, str, versionSchema } from './schemas.js';

interface VersionParams {
  id: string;
  version: number;
}

const params = {
  type: 'object',
  properties: { id: itemIdParam, version: positiveIntParam },
  required: ['id', 'version'],
} as const;

/** Four eyes unless the installation allows self-publishing (XIAOXIN_ALLOW_SELF_PUBLISH). */
export const publishRule = (ctx: ServerContext): PublishRule => ({ allowSelfPublish: ctx.admin.allowSelfPublish });

const noteBody = { type: 'object', properties: { note: { type: 'string', maxLength: 500 } } } as const;

export const versionRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get(
    '/publish-rule',
    guarded('knowledge:read', {
      summary: 'Who may publish a change',
      description:
        '`allowSelfPublish: false` (the default, four eyes): a version is published, or rolled back to, only by someone other than its author, ' +
        'and an import cannot be published at once. True where XIAOXIN_ALLOW_SELF_PUBLISH=1 (a one-person centre).',
      response: { 200: obj({ allowSelfPublish: { type: 'boolean' } }, ['allowSelfPublish']) },
    }),
    async () => publishRule(ctx),
  );

  app.get<{ Params: VersionParams }>(
    '/items/:id/versions/:version',
    guarded('knowledge:read', {
      summary: 'One version with its content',
      params,
      response: { 200: { ...versionSchema, properties: { ...versionSchema.properties, item: anyItem }, required: [...versionSchema.required, 'item'] }, ...errorReplies(400, 404) },
    }),
    async (request) => requireVersion(ctx.store, request.params.id, request.params.version),
  );

  app.get<{ Params: VersionParams; Querystring: { against?: number } }>(
    '/items/:id/versions/:version/diff',
    guarded('knowledge:read', {
      summary: 'What a version changed, field by field',
      description: 'Against the previous version by default; the first version shows every filled field as added.',
      params,
      querystring: { type: 'object', properties: { against: positiveIntParam } },
      response: {
        200: obj({ itemId: str, version: int, against: int, changes: { type: 'array', items: fieldChangeSchema } }, ['itemId', 'version', 'changes']),
        ...errorReplies(400, 404),
      },
    }),
    async (request) => {
      const { id, version } = request.params;
      const target = await requireVersion(ctx.store, id, version);
      const againstNumber = request.query.against ?? (version > 1 ? version - 1 : undefined);
      const against = againstNumber === undefined ? undefined : await requireVersion(ctx.store, id, againstNumber);
      return { itemId: id, version, ...(against ? { against: against.version } : {}), changes: diffItems(against?.item, target.item) };
    },
  );

  const step = (
    path: string,
    access: 'knowledge:edit' | 'knowledge:publish',
    summary: string,
    body: Record<string, unknown> | undefined,
    run: (p: VersionParams, actor: string, body: Record<string, string | undefined>) => Promise<Parameters<typeof versionSummary>[0]>,
  ) =>
    app.post<{ Params: VersionParams; Body: Record<string, string | undefined> | undefined }>(
      `/items/:id/versions/:version/${path}`,
      guarded(access, { summary, params, ...(body ? { body } : {}), response: { 200: versionSchema, ...errorReplies(400, 404, 409) } }),
      async (request) => {
        await requireVersion(ctx.store, request.params.id, request.params.version);
        const done = await run(request.params, request.staff!.account.name, request.body ?? {});
        // Read back, so that the reply shows the version exactly as stored (reviewer, note, time).
        return versionSummary(await requireVersion(ctx.store, done.itemId, done.version));
      },
    );

  step('submit', 'knowledge:edit', 'Submit a draft for review (draft → in_review)', undefined, (p, actor) =>
    ctx.store.versions.submit(p.id, p.version, actor),
  );
  step('publish', 'knowledge:publish', 'Publish a version in review: it is answered from within seconds', noteBody, (p, actor, body) =>
    ctx.store.versions.publish(p.id, p.version, actor, body.note?.trim() || undefined, publishRule(ctx)),
  );
  step(
    'reject',
    'knowledge:publish',
    'Reject a version in review, with the reason',
    { type: 'object', properties: { reason: { type: 'string', minLength: 1, maxLength: 500 } }, required: ['reason'] },
    (p, actor, body) => {
      const reason = body.reason?.trim();
      if (!reason) throw badRequest('reason: must not be empty');
      return ctx.store.versions.reject(p.id, p.version, actor, reason);
    },
  );
  step('rollback', 'knowledge:publish', "Publish an earlier version's content again, as a new version", undefined, (p, actor) =>
    ctx.store.versions.rollback(p.id, p.version, actor, publishRule(ctx)),
  );
};

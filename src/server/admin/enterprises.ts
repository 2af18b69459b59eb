/**
 * @module server/admin/enterprises
 * Staff's view of enterprise accounts: list them (pending first), create one (active at once),
 * approve, disable or re-enable, add users. The rules are those of enterprise/accounts/service,
 * which answer in Chinese naming the field.
 */
import type { FastifyPluginAsync } from 'fastify';
import {
  createEnterprise,
  createEnterpriseUser,
  publicEnterprise,
  publicEnterpriseUser,
  setEnterpriseStatus,
} from '../../enterprise/accounts/service.js';
import { ENTERPRISE_STATUSES, type Enterprise, type EnterpriseStatus } from '../../storage/index.js';
import type { ServerContext } from '../context.js';
import { notFound } from '../errors.js';
import { errorReplies, PG_INTEGER_MAX } from '../schemas.js';
import { installEnterpriseErrors } from '../enterprise/errors.js';
import { creditCodeField, enterpriseSchema, enterpriseUserSchema, passwordField, usernameField } from '../enterprise/schemas.js';
import { guarded } from './guard.js';

export const enterpriseIdParam = { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[\\w-]+$' } }, required: ['id'] } as const;

/** The enterprise a path names, or 404. */
export async function enterpriseOr404(ctx: ServerContext, id: string): Promise<Enterprise> {
  const enterprise = await ctx.store.enterprises.get(id);
  if (!enterprise) throw notFound(`id：没有编号为 ${id} 的企业`);
  return enterprise;
}

export const enterpriseRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  installEnterpriseErrors(app);

  app.get<{ Querystring: { status?: EnterpriseStatus; q?: string; page: number; pageSize: number } }>(
    '/enterprises',
    guarded('enterprises:read', {
      summary: 'List enterprises (pending first, then by name)',
      querystring: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: [...ENTERPRISE_STATUSES] },
          q: { type: 'string', maxLength: 100, description: 'Part of the name or the credit code' },
          page: { type: 'integer', minimum: 1, maximum: PG_INTEGER_MAX, default: 1 },
          pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
        },
      },
      response: { 200: { type: 'object', properties: { enterprises: { type: 'array', items: enterpriseSchema }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } } } },
    }),
    async (request) => {
      const { status, q, page, pageSize } = request.query;
      const found = await ctx.store.enterprises.list({ ...(status ? { status } : {}), ...(q ? { q } : {}), limit: pageSize, offset: (page - 1) * pageSize });
      return { enterprises: found.enterprises.map(publicEnterprise), total: found.total, page, pageSize };
    },
  );

  app.post<{ Body: { creditCode: string; name: string; contactName?: string; contactPhone?: string } }>(
    '/enterprises',
    guarded('enterprises:manage', {
      summary: 'Create an enterprise (active at once)',
      description: '409 when the credit code is registered already; 400 names the field in Chinese.',
      body: {
        type: 'object',
        properties: { creditCode: creditCodeField, name: { type: 'string', minLength: 1, maxLength: 200 }, contactName: { type: 'string', maxLength: 100 }, contactPhone: { type: 'string', maxLength: 40 } },
        required: ['creditCode', 'name'],
      },
      response: { 201: enterpriseSchema, ...errorReplies(400, 409) },
    }),
    async (request, reply) => reply.status(201).send(await createEnterprise(ctx.store, request.body, request.staff!.account.name)),
  );

  app.get<{ Params: { id: string } }>(
    '/enterprises/:id',
    guarded('enterprises:read', {
      summary: 'An enterprise and its users',
      params: enterpriseIdParam,
      response: { 200: { type: 'object', properties: { enterprise: enterpriseSchema, users: { type: 'array', items: enterpriseUserSchema } } }, ...errorReplies(404) },
    }),
    async (request) => {
      const enterprise = await enterpriseOr404(ctx, request.params.id);
      return { enterprise: publicEnterprise(enterprise), users: (await ctx.store.enterprises.listUsers(enterprise.id)).map(publicEnterpriseUser) };
    },
  );

  const statusRoute = (path: string, status: 'active' | 'disabled', summary: string) =>
    app.post<{ Params: { id: string } }>(
      `/enterprises/:id/${path}`,
      guarded('enterprises:manage', { summary, params: enterpriseIdParam, response: { 200: enterpriseSchema, ...errorReplies(404) } }),
      async (request) => {
        const changed = await setEnterpriseStatus(ctx.store, request.params.id, status, request.staff!.account.name);
        if (!changed) throw notFound(`id：没有编号为 ${request.params.id} 的企业`);
        return changed;
      },
    );
  statusRoute('approve', 'active', 'Approve a pending enterprise: its users can log in');
  statusRoute('enable', 'active', 'Enable a disabled enterprise again');
  statusRoute('disable', 'disabled', 'Disable an enterprise: its users are logged out and cannot log in');

  app.post<{ Params: { id: string }; Body: { username: string; password: string; displayName?: string } }>(
    '/enterprises/:id/users',
    guarded('enterprises:manage', {
      summary: 'Add a user (username and password) to an enterprise',
      params: enterpriseIdParam,
      body: {
        type: 'object',
        properties: { username: usernameField, password: passwordField, displayName: { type: 'string', maxLength: 100 } },
        required: ['username', 'password'],
      },
      response: { 201: enterpriseUserSchema, ...errorReplies(400, 404, 409) },
    }),
    async (request, reply) => {
      const user = await createEnterpriseUser(ctx.store, request.params.id, request.body, request.staff!.account.name);
      if (!user) throw notFound(`id：没有编号为 ${request.params.id} 的企业`);
      return reply.status(201).send(user);
    },
  );
};

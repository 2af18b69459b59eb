/**
 * @module server/directory/enterprise-routes
 * An enterprise's own market posts (找市场) under /api/enterprise/directory: submit a supply or demand
 * post — pending until staff approve it — and read its posts with their state and staff's reason.
 * No route takes an enterprise id, and none approves: the session says whose posts they are.
 */
import type { FastifyPluginAsync } from 'fastify';
import { submitPost } from '../../directory/service.js';
import { actorOf } from '../../enterprise/accounts/service.js';
import type { ServerContext } from '../context.js';
import { errorReplies } from '../schemas.js';
import { enterpriseGuarded } from '../enterprise/session.js';
import { installDirectoryErrors } from './errors.js';
import { entryErrorsSchema, storedEntrySchema } from './schemas.js';

export const directoryEnterpriseRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  installDirectoryErrors(app);

  app.get(
    '/directory/posts',
    enterpriseGuarded({ summary: "The enterprise's own market posts, every state", response: { 200: { type: 'object', properties: { posts: { type: 'array', items: storedEntrySchema } } } } }),
    async (request) => {
      const id = request.enterpriseCaller!.enterprise.id;
      const posts = [...(await ctx.store.directory.list({ enterpriseId: id })), ...(await ctx.store.directory.list({ enterpriseId: id, status: 'archived' }))];
      return { posts };
    },
  );

  app.post<{ Body: Record<string, unknown> }>(
    '/directory/posts',
    {
      ...enterpriseGuarded({
        summary: 'Submit a supply or demand post (pending until staff approve it)',
        description:
          '`{ name, type: 供应|需求, direction: supply|demand, expiresOn, summary?, quantity?, contact? }`. It is always a market post under the enterprise’s own name; ' +
          '`expiresOn` from today to a year ahead. 400 lists every field at fault; 409 when 20 posts already wait for review.',
        body: { type: 'object', additionalProperties: true },
        response: { 201: storedEntrySchema, 400: entryErrorsSchema, ...errorReplies(409) },
      }),
      config: { bodyExample: '{"name": "求购精密注塑件", "type": "需求", "direction": "demand", "expiresOn": "2027-06-30"}' },
    },
    async (request, reply) => {
      const { enterprise, user } = request.enterpriseCaller!;
      return reply.status(201).send(await submitPost(ctx.store, enterprise, request.body, actorOf(enterprise, user), ctx.today()));
    },
  );
};

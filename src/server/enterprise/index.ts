/**
 * @module server/enterprise
 * The enterprise portal's API under /api/enterprise (docs/ENTERPRISE-API.md): one plugin scope
 * with its own session cookie, Chinese errors naming the field, a per-address limit on register
 * and login, and never cached. An enterprise user reaches only its own enterprise's data.
 */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { tooManyRequests } from '../errors.js';
import { enterpriseAccountRoutes } from './account-routes.js';
import { installEnterpriseErrors } from './errors.js';
import { enterpriseNoticeRoutes } from './notice-routes.js';
import { enterpriseOidcRoutes } from './oidc-routes.js';
import { enterpriseProfileRoutes } from './profile-routes.js';
import { enterpriseMatchRoutes } from './match-routes.js';
import { directoryEnterpriseRoutes } from '../directory/enterprise-routes.js';
import { installEnterpriseSessionLookup } from './session.js';

export { ENTERPRISE_COOKIE } from './session.js';

/** A whole profile with its lists is a few KiB; this leaves room without inviting megabytes. */
const ENTERPRISE_BODY_LIMIT = 256 * 1024;

export function registerEnterpriseApi(app: FastifyInstance, ctx: ServerContext): void {
  app.register(
    async (scope) => {
      await scope.register(cookie);
      if (ctx.admin.loginRateLimit > 0) {
        await scope.register(rateLimit, {
          global: false,
          errorResponseBuilder: (_request, context) => tooManyRequests(Math.max(1, Math.ceil(context.ttl / 1000))),
        });
      }
      scope.addHook('onRoute', (route) => {
        route.bodyLimit ??= ENTERPRISE_BODY_LIMIT;
      });
      scope.addHook('onSend', async (_request, reply, payload) => {
        if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
        return payload;
      });
      installEnterpriseErrors(scope);
      installEnterpriseSessionLookup(scope, ctx);
      await scope.register(enterpriseAccountRoutes(ctx.admin.loginRateLimit), ctx);
      await scope.register(enterpriseOidcRoutes, ctx);
      await scope.register(enterpriseProfileRoutes, ctx);
      await scope.register(enterpriseNoticeRoutes, ctx);
      await scope.register(enterpriseMatchRoutes, ctx);
      await scope.register(directoryEnterpriseRoutes, ctx);
    },
    { prefix: '/api/enterprise' },
  );
}

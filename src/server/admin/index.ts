/**
 * @module server/admin
 * The back office's API under /api/admin (docs/ADMIN-API.md): one plugin scope with its own
 * cookie and upload handling, a stricter rate limit on login, larger bodies than the public API
 * (a policy's text runs long), and the session of the request looked up before any route runs.
 * It is outside the public API's rate limit: staff use it all day.
 */
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { AccountInputError } from '../../accounts/service.js';
import { FourEyesError, VersionStateError } from '../../storage/index.js';
import type { ServerContext } from '../context.js';
import { HttpError, tooManyRequests } from '../errors.js';
import { accountRoutes } from './accounts.js';
import { auditRoutes } from './audit.js';
import { enterpriseProfileRoutes } from './enterprise-profiles.js';
import { enterpriseMatchRoutes } from './enterprise-matches.js';
import { enterpriseRoutes } from './enterprises.js';
import { directoryAdminRoutes } from '../directory/admin-routes.js';
import { exportRoutes } from './export.js';
import { hitTestRoutes } from './hit-test.js';
import { hotQuestionRoutes } from './hot-questions.js';
import { importRoutes, UPLOAD_LIMITS } from './import.js';
import { insightRoutes } from './insights.js';
import { itemRoutes } from './items.js';
import { outreachRoutes } from './outreach.js';
import { reviewRoutes } from './review.js';
import { ruleTryRoutes } from './rule-try.js';
import { ruleRoutes } from './rules.js';
import { installSessionLookup, sessionRoutes } from './session.js';
import { versionRoutes } from './versions.js';

export { CSRF_HEADER } from './guard.js';
export { SESSION_COOKIE, SESSION_HOURS } from './session.js';

/** Login attempts a minute per client address, on top of the lock-out of each account. */
export const DEFAULT_LOGIN_RATE_LIMIT = 10;
/** JSON bodies of the back office: an item with a long policy text, not a file (files go as multipart). */
const ADMIN_BODY_LIMIT = 2 * 1024 * 1024;

export function registerAdminApi(app: FastifyInstance, ctx: ServerContext): void {
  app.register(
    async (admin) => {
      await admin.register(cookie);
      await admin.register(multipart, { limits: UPLOAD_LIMITS });
      if (ctx.admin.loginRateLimit > 0) {
        // Only routes that ask for it (login) are limited.
        await admin.register(rateLimit, {
          global: false,
          errorResponseBuilder: (_request, context) => tooManyRequests(Math.max(1, Math.ceil(context.ttl / 1000))),
        });
      }
      admin.addHook('onRoute', (route) => {
        route.bodyLimit ??= ADMIN_BODY_LIMIT;
      });
      // Staff data and session tokens: never kept by a browser's or a proxy's cache.
      admin.addHook('onSend', async (_request, reply, payload) => {
        if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
        return payload;
      });
      // Storage and account rules speak in their own errors; here they become 409, 403 and 400.
      admin.setErrorHandler((error) => {
        if (error instanceof VersionStateError) throw new HttpError(409, error.message);
        if (error instanceof FourEyesError) throw new HttpError(403, error.message);
        if (error instanceof AccountInputError) throw new HttpError(400, error.message);
        throw error;
      });
      installSessionLookup(admin, ctx);
      await admin.register(sessionRoutes(ctx.admin.loginRateLimit), ctx);
      for (const routes of [itemRoutes, versionRoutes, importRoutes, exportRoutes, reviewRoutes, insightRoutes, hotQuestionRoutes, hitTestRoutes, accountRoutes, auditRoutes, enterpriseRoutes, enterpriseProfileRoutes, outreachRoutes, enterpriseMatchRoutes, directoryAdminRoutes, ruleRoutes, ruleTryRoutes]) {
        await admin.register(routes, ctx);
      }
    },
    { prefix: '/api/admin' },
  );
}

/**
 * @module server/enterprise/oidc-routes
 * Login through the identity service: `start` sends the browser there (PKCE, state, nonce kept in
 * the database, the state also in a short-lived cookie that binds the login to this browser);
 * `callback` takes the code back, signs the user in and sends the browser to the portal —
 * `/enterprise` when logged in, `/enterprise?login=pending|disabled|failed` otherwise.
 */
import type { FastifyPluginAsync } from 'fastify';
import { OidcError } from '../../enterprise/accounts/oidc.js';
import { signInWithOidc } from '../../enterprise/accounts/oidc-sign-in.js';
import { hashToken } from '../admin/session.js';
import type { ServerContext } from '../context.js';
import { notFound } from '../errors.js';
import { errorReplies } from '../schemas.js';
import { startEnterpriseSession } from './session.js';

const STATE_COOKIE = 'xiaoxin_oidc_state';
/** Time to log in at the identity service. */
const LOGIN_MINUTES = 10;
export const PORTAL_PATH = '/enterprise';

export const enterpriseOidcRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const oidc = ctx.enterprise.oidc;
  const notConfigured = () => notFound('未配置统一身份认证登录（XIAOXIN_OIDC_*）');

  app.get(
    '/login-options',
    {
      schema: {
        summary: 'How enterprise users may log in here',
        description: '`oidc`: whether the login through the unified identity service is configured (the portal shows its button then).',
        tags: ['enterprise'],
        response: { 200: { type: 'object', properties: { oidc: { type: 'boolean' } }, required: ['oidc'] } },
      },
    },
    async () => ({ oidc: oidc !== undefined }),
  );

  app.get(
    '/oidc/start',
    {
      schema: {
        summary: 'Start a login through the unified identity service (OIDC)',
        description: 'Redirects (303) to the identity service. 404 when XIAOXIN_OIDC_* is not configured; 502 when the service cannot be reached.',
        tags: ['enterprise'],
        response: { ...errorReplies(404, 502) },
      },
    },
    async (request, reply) => {
      if (!oidc) throw notConfigured();
      let started;
      try {
        started = await oidc.start();
      } catch (error) {
        if (error instanceof OidcError) return reply.status(502).send({ error: error.message });
        throw error;
      }
      await ctx.store.enterprises.saveOidcLogin(hashToken(started.state), {
        codeVerifier: started.codeVerifier,
        nonce: started.nonce,
        expiresAt: new Date(ctx.now().getTime() + LOGIN_MINUTES * 60_000),
      });
      // Lax, not Strict: the identity service's redirect back is a cross-site navigation.
      reply.setCookie(STATE_COOKIE, started.state, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/api/enterprise/oidc',
        secure: ctx.admin.secureCookies || request.protocol === 'https',
        maxAge: LOGIN_MINUTES * 60,
      });
      return reply.redirect(started.url, 303);
    },
  );

  app.get<{ Querystring: Record<string, string> }>(
    '/oidc/callback',
    {
      schema: {
        summary: 'Where the identity service sends the browser back',
        description: 'Redirects (303) to /enterprise (logged in) or /enterprise?login=pending|disabled|failed.',
        tags: ['enterprise'],
        querystring: { type: 'object', additionalProperties: { type: 'string', maxLength: 4096 } },
        response: { ...errorReplies(404) },
      },
    },
    async (request, reply) => {
      if (!oidc) throw notConfigured();
      const back = (login?: string) => reply.redirect(login ? `${PORTAL_PATH}?login=${login}` : PORTAL_PATH, 303);
      const state = request.cookies[STATE_COOKIE];
      reply.clearCookie(STATE_COOKIE, { path: '/api/enterprise/oidc' });
      // The login must come back to the browser that started it, and be used once.
      const pending = state && request.query.state === state ? await ctx.store.enterprises.takeOidcLogin(hashToken(state)) : undefined;
      if (!state || !pending) {
        await ctx.store.audit.record({ actor: 'oidc', action: 'enterprise.login.failed', detail: `callback without a matching login in progress (${request.ip})` });
        return back('failed');
      }
      let identity;
      try {
        identity = await oidc.finish(new URL(request.url, 'http://x').search, { state, ...pending });
      } catch (error) {
        if (!(error instanceof OidcError)) throw error;
        await ctx.store.audit.record({ actor: 'oidc', action: 'enterprise.login.failed', detail: error.message });
        return back('failed');
      }
      const result = await signInWithOidc(ctx.store, identity);
      if (!result.ok) return back(result.reason === 'pending' || result.reason === 'disabled' ? result.reason : 'failed');
      await startEnterpriseSession(ctx, request, reply, result.enterprise, result.user);
      return back();
    },
  );
};

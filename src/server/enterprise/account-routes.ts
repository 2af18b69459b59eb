/**
 * @module server/enterprise/account-routes
 * Register, log in, log out, who am I: the enterprise portal's account routes.
 */
import type { FastifyPluginAsync } from 'fastify';
import { logInEnterprise } from '../../enterprise/accounts/login.js';
import { actorOf, registerEnterprise } from '../../enterprise/accounts/service.js';
import type { ServerContext } from '../context.js';
import { forbidden, unauthorized } from '../errors.js';
import { errorReplies } from '../schemas.js';
import { creditCodeField, enterpriseSchema, enterpriseUserSchema, passwordField, usernameField } from './schemas.js';
import { ENTERPRISE_COOKIE, enterpriseGuarded, sessionBody, sessionReply, startEnterpriseSession } from './session.js';

/** Every refused login, alike: it tells nobody which codes and names exist or are locked out. */
export const ENTERPRISE_LOGIN_REFUSED = '统一社会信用代码、用户名或密码不正确，或尝试次数过多；请稍后再试';

interface Registration {
  creditCode: string;
  name: string;
  contactName: string;
  contactPhone: string;
  username: string;
  password: string;
  displayName?: string;
}

const limited = (max: number) => (max > 0 ? { rateLimit: { max, timeWindow: 60_000 } } : {});

export function enterpriseAccountRoutes(loginRateLimit: number): FastifyPluginAsync<ServerContext> {
  return async (app, ctx) => {
    app.post<{ Body: Registration }>(
      '/register',
      {
        schema: {
          summary: 'An enterprise registers itself (pending until staff approve it)',
          description:
            'Creates the enterprise (status `pending`) and its first user. The credit code is checked (GB 32100 check character); ' +
            'the password follows the staff rule (at least 10 characters, hard to guess). 409 when the credit code is registered already. ' +
            'Logging in works once staff approve the enterprise.',
          tags: ['enterprise'],
          body: {
            type: 'object',
            properties: {
              creditCode: creditCodeField,
              name: { type: 'string', minLength: 1, maxLength: 200 },
              contactName: { type: 'string', minLength: 1, maxLength: 100 },
              contactPhone: { type: 'string', minLength: 1, maxLength: 40 },
              username: usernameField,
              password: passwordField,
              displayName: { type: 'string', maxLength: 100 },
            },
            required: ['creditCode', 'name', 'contactName', 'contactPhone', 'username', 'password'],
          },
          response: {
            201: { type: 'object', properties: { enterprise: enterpriseSchema, user: enterpriseUserSchema, message: { type: 'string' } } },
            ...errorReplies(400, 409, 429),
          },
        },
        config: { bodyExample: '{"creditCode": "91…", "name": "…有限公司", "contactName": "…", "contactPhone": "…", "username": "zhang", "password": "…"}', ...limited(loginRateLimit) },
      },
      async (request, reply) => {
        const registered = await registerEnterprise(ctx.store, request.body);
        return reply.status(201).send({ ...registered, message: '注册已提交，工作人员审核通过后即可登录' });
      },
    );

    app.post<{ Body: { creditCode: string; username: string; password: string } }>(
      '/login',
      {
        schema: {
          summary: 'Log in to the enterprise portal',
          description:
            `Sets the HttpOnly cookie ${ENTERPRISE_COOKIE} (8 hours). A wrong code, name or password and an attempt refused by the lock-out ` +
            `all get the same 401 ${JSON.stringify({ error: ENTERPRISE_LOGIN_REFUSED })} (the back office's lock-out: 5 failures for one ` +
            'user from one address lock that address out of it for 15 minutes; 20 from one address, of every account). With the right ' +
            'password, an enterprise still waiting for approval or disabled gets 403 saying so.',
          tags: ['enterprise'],
          body: {
            type: 'object',
            properties: { creditCode: creditCodeField, username: usernameField, password: passwordField },
            required: ['creditCode', 'username', 'password'],
          },
          response: { 200: sessionReply, ...errorReplies(400, 401, 403, 429) },
        },
        config: { bodyExample: '{"creditCode": "91…", "username": "zhang", "password": "…"}', ...limited(loginRateLimit) },
      },
      async (request, reply) => {
        const result = await logInEnterprise(ctx.store, request.body, request.ip, ctx.now());
        if (result.ok) return startEnterpriseSession(ctx, request, reply, result.enterprise, result.user);
        if (result.reason === 'pending') throw forbidden('企业注册正在等待工作人员审核，审核通过后即可登录');
        if (result.reason === 'disabled') throw forbidden('企业账户已停用；如有疑问请联系政务服务中心');
        throw unauthorized(ENTERPRISE_LOGIN_REFUSED);
      },
    );

    app.get('/me', enterpriseGuarded({ summary: 'The logged-in enterprise user, the enterprise, and the CSRF token', response: { 200: sessionReply } }), async (request) => {
      const caller = request.enterpriseCaller!;
      return sessionBody(caller.enterprise, caller.user, caller.csrfToken);
    });

    app.post(
      '/logout',
      enterpriseGuarded({ summary: 'Log out: the session ends and the cookie is cleared', response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } } } }),
      async (request, reply) => {
        const caller = request.enterpriseCaller!;
        await ctx.store.enterprises.deleteSession(caller.tokenHash);
        await ctx.store.audit.record({ actor: actorOf(caller.enterprise, caller.user), action: 'enterprise.logout', target: caller.enterprise.id });
        reply.clearCookie(ENTERPRISE_COOKIE, { path: '/' });
        return { ok: true };
      },
    );
  };
}

/**
 * @module server/enterprise/session
 * Enterprise users' sessions: the back office's mechanism (server/admin/session and guard — a
 * random token in an HttpOnly, SameSite=Strict cookie, only its SHA-256 stored, a CSRF token for
 * every write) with its own cookie, `xiaoxin_enterprise`, and its own table, so a staff session
 * and an enterprise session never stand in for each other.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Enterprise, EnterpriseUser } from '../../storage/index.js';
import { publicEnterprise, publicEnterpriseUser } from '../../enterprise/accounts/service.js';
import { CSRF_HEADER, sameToken } from '../admin/guard.js';
import { hashToken, newSessionTokens, setSessionCookie } from '../admin/session.js';
import type { ServerContext } from '../context.js';
import { forbidden, unauthorized } from '../errors.js';
import { errorReplies } from '../schemas.js';
import { enterpriseSchema, enterpriseUserSchema } from './schemas.js';

export const ENTERPRISE_COOKIE = 'xiaoxin_enterprise';

/** The enterprise user of a request, found from its cookie. */
export interface EnterpriseCaller {
  enterprise: Enterprise;
  user: EnterpriseUser;
  csrfToken: string;
  tokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    enterpriseCaller?: EnterpriseCaller;
  }
}

/** Finds the request's enterprise session (an onRequest hook of the enterprise API); none is no error here. */
export function installEnterpriseSessionLookup(app: FastifyInstance, ctx: ServerContext): void {
  app.decorateRequest('enterpriseCaller', undefined);
  app.addHook('onRequest', async (request) => {
    const caller = await enterpriseCallerOf(ctx, request.cookies[ENTERPRISE_COOKIE]);
    if (caller) request.enterpriseCaller = caller;
  });
}

/** The enterprise user a session token belongs to, while the user and the enterprise are active. */
export async function enterpriseCallerOf(ctx: ServerContext, token: string | undefined): Promise<EnterpriseCaller | undefined> {
  if (!token) return undefined;
  const tokenHash = hashToken(token);
  const session = await ctx.store.enterprises.getSession(tokenHash);
  if (!session) return undefined;
  // Read afresh: a disabled enterprise or user is out at once.
  const user = await ctx.store.enterprises.getUser(session.userId);
  const enterprise = user && (await ctx.store.enterprises.get(user.enterpriseId));
  if (!user || user.disabled || !enterprise || enterprise.status !== 'active') return undefined;
  return { enterprise, user, csrfToken: session.csrfToken, tokenHash };
}

/** The same from a raw Cookie header, for routes outside the portal's scope (the chat). */
export async function enterpriseCallerFromCookie(ctx: ServerContext, header: string | undefined): Promise<EnterpriseCaller | undefined> {
  if (!header || header.length > 8192) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== ENTERPRISE_COOKIE) continue;
    const raw = part.slice(eq + 1).trim();
    // A token is URL-safe base64; anything else is no session (and never reaches the database).
    return /^[\w-]{16,200}$/.test(raw) ? enterpriseCallerOf(ctx, raw) : undefined;
  }
  return undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** onRequest: 401 without an enterprise session, 403 without the CSRF token on a write. */
async function requireEnterprise(request: FastifyRequest): Promise<void> {
  const caller = request.enterpriseCaller;
  if (!caller) throw unauthorized('未登录企业账户；请先通过 POST /api/enterprise/login 或统一身份认证登录');
  if (!SAFE_METHODS.has(request.method) && !sameToken(request.headers[CSRF_HEADER], caller.csrfToken)) {
    throw forbidden(`${CSRF_HEADER}：缺少或不正确；请带上登录和 GET /api/enterprise/me 返回的 csrfToken`);
  }
}

/** Route options for a route of a logged-in enterprise user: the hook, and the schema tagged for /api/docs. */
export function enterpriseGuarded<S extends { description?: string; response?: Record<number, unknown> }>(schema: S) {
  return {
    onRequest: requireEnterprise,
    schema: {
      tags: ['enterprise'],
      security: [{ enterpriseSession: [] }],
      ...schema,
      description: `${schema.description ? `${schema.description}\n\n` : ''}Needs a logged-in enterprise user; sees only that user's enterprise.`,
      response: { ...errorReplies(401, 403), ...schema.response },
    },
  };
}

/** Logs `user` in: a new session (the browser's previous one ends), its cookie, and the reply body. */
export async function startEnterpriseSession(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  enterprise: Enterprise,
  user: EnterpriseUser,
) {
  const previous = request.cookies[ENTERPRISE_COOKIE];
  if (previous) await ctx.store.enterprises.deleteSession(hashToken(previous));
  const { token, tokenHash, csrfToken, expiresAt } = newSessionTokens(ctx.now());
  await ctx.store.enterprises.createSession(tokenHash, { userId: user.id, csrfToken, expiresAt });
  setSessionCookie(reply, request, ctx, ENTERPRISE_COOKIE, token);
  return sessionBody(enterprise, user, csrfToken);
}

export const sessionBody = (enterprise: Enterprise, user: EnterpriseUser, csrfToken: string) => ({
  enterprise: publicEnterprise(enterprise),
  user: publicEnterpriseUser(user),
  csrfToken,
});

export const sessionReply = {
  type: 'object',
  properties: {
    enterprise: enterpriseSchema,
    user: enterpriseUserSchema,
    csrfToken: { type: 'string', description: `Send it as the ${CSRF_HEADER} header of every write` },
  },
  required: ['enterprise', 'user', 'csrfToken'],
} as const;

/**
 * @module server/admin/session
 * Logging in and out of the back office. A login sets the cookie `xiaoxin_admin` to a random
 * 32-byte token; the database keeps only its SHA-256, so a copy of the database opens no doors.
 * The cookie is HttpOnly and SameSite=Strict, and Secure over HTTPS (or when configured); every
 * write must also carry the session's CSRF token in a header, which another site cannot read.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { logIn, publicAccount, type PublicAccount } from '../../accounts/service.js';
import type { ServerContext } from '../context.js';
import { unauthorized } from '../errors.js';
import { errorReplies } from '../schemas.js';
import { CSRF_HEADER, guarded } from './guard.js';
import { okSchema, userSchema } from './schemas.js';

export const SESSION_COOKIE = 'xiaoxin_admin';
export const SESSION_HOURS = 8;
/** The answer to every refused login: honest that a lock-out may be the cause, silent on which. */
export const LOGIN_REFUSED = 'name or password is wrong, or there were too many attempts; try again later';

/** The logged-in account of a request, found from its cookie. */
export interface Staff {
  account: PublicAccount;
  csrfToken: string;
  tokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff?: Staff;
  }
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A new session's cookie token (kept only as its hash), CSRF token and end; enterprise sessions use it too. */
export function newSessionTokens(now: Date) {
  const token = randomBytes(32).toString('base64url');
  return {
    token,
    tokenHash: hashToken(token),
    csrfToken: randomBytes(32).toString('base64url'),
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
  };
}

/** Sets a session cookie: HttpOnly, SameSite=Strict, Secure over HTTPS (or when configured), SESSION_HOURS long. */
export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, ctx: ServerContext, name: string, token: string): void {
  reply.setCookie(name, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: ctx.admin.secureCookies || request.protocol === 'https',
    maxAge: SESSION_HOURS * 3600,
  });
}

/** Finds the request's session (an onRequest hook for the whole back office); no session is no error here. */
export function installSessionLookup(app: FastifyInstance, ctx: ServerContext): void {
  app.decorateRequest('staff', undefined);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const tokenHash = hashToken(token);
    const session = await ctx.store.accounts.getSession(tokenHash);
    if (!session) return;
    // Read afresh each time: a changed role or a disabled account counts at once.
    const account = await ctx.store.accounts.get(session.userName);
    if (!account || account.disabled) return;
    request.staff = { account: publicAccount(account, ctx.now()), csrfToken: session.csrfToken, tokenHash };
  });
}

/** What the back office shows of the logged-in account. */
function userOf(account: PublicAccount) {
  const { name, role, displayName, permissions } = account;
  return { name, role, ...(displayName ? { displayName } : {}), permissions };
}

const sessionReply = {
  type: 'object',
  properties: { user: userSchema, csrfToken: { type: 'string', description: `Send it as the ${CSRF_HEADER} header of every write` } },
  required: ['user', 'csrfToken'],
} as const;

const loginSchema = {
  summary: 'Log in to the back office',
  description:
    `Sets the HttpOnly cookie ${SESSION_COOKIE} (${SESSION_HOURS} hours). An unknown name, a disabled account, a wrong ` +
    `password and an attempt refused by the lock-out all get the same 401 ${JSON.stringify({ error: LOGIN_REFUSED })}. ` +
    'After 5 failures for one account from one client address, that address is locked out of that account for 15 minutes ' +
    '(other addresses are not); after 20 failures from one address, of every account. Also limited per client address (429).',
  tags: ['admin'],
  body: {
    type: 'object',
    properties: { name: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 1024 } },
    required: ['name', 'password'],
  },
  response: {
    200: sessionReply,
    ...errorReplies(400, 401, 429),
  },
};

export function sessionRoutes(loginRateLimit: number): FastifyPluginAsync<ServerContext> {
  return async (app, ctx) => {
    app.post<{ Body: { name: string; password: string } }>(
      '/login',
      {
        schema: loginSchema,
        config: {
          bodyExample: '{"name": "li.ming", "password": "…"}',
          ...(loginRateLimit > 0 ? { rateLimit: { max: loginRateLimit, timeWindow: 60_000 } } : {}),
        },
      },
      async (request, reply) => {
        const now = ctx.now();
        const result = await logIn(ctx.store, request.body.name, request.body.password, request.ip, now);
        // One answer for every refusal, so that it tells nobody which names exist or are locked out.
        if (!result.ok) throw unauthorized(LOGIN_REFUSED);
        // A browser that logs in again leaves no second session behind.
        if (request.staff) await ctx.store.accounts.deleteSession(request.staff.tokenHash);
        const { token, tokenHash, csrfToken, expiresAt } = newSessionTokens(now);
        await ctx.store.accounts.createSession(tokenHash, { userName: result.account.name, csrfToken, expiresAt });
        setSessionCookie(reply, request, ctx, SESSION_COOKIE, token);
        return { user: userOf(result.account), csrfToken };
      },
    );

    app.get('/me', guarded('login', { summary: 'The logged-in account and its CSRF token', response: { 200: sessionReply } }), async (request) => {
      const staff = request.staff!;
      return { user: userOf(staff.account), csrfToken: staff.csrfToken };
    });

    app.post(
      '/logout',
      guarded('login', { summary: 'Log out: the session ends and the cookie is cleared', response: { 200: okSchema } }),
      async (request: FastifyRequest, reply) => {
        const staff = request.staff!;
        await ctx.store.accounts.deleteSession(staff.tokenHash);
        await ctx.store.audit.record({ actor: staff.account.name, action: 'logout' });
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true };
      },
    );
  };
}

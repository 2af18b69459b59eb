/**
 * @module server/admin/guard
 * Who may call a back-office route, checked before the body is even read: logged in (401), the
 * CSRF token for every request that changes something (403), and the permission of the role
 * (403). Each route names what it needs with `guarded(access, schema)`, so the rule sits beside
 * the route and in the API description.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, type Permission } from '../../accounts/roles.js';
import { forbidden, unauthorized } from '../errors.js';
import { errorReplies } from '../schemas.js';

/** The header every write carries the session's CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

/** A permission, `login` for any logged-in account, or `admin` for the administrator role alone. */
export type Access = Permission | 'login' | 'admin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** An onRequest hook: 401 without a session, 403 without the CSRF token on a write or without the right. */
export function requireAccess(access: Access) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const staff = request.staff;
    if (!staff) throw unauthorized('not logged in; log in with POST /api/admin/login');
    if (!SAFE_METHODS.has(request.method) && !sameToken(request.headers[CSRF_HEADER], staff.csrfToken)) {
      throw forbidden(`${CSRF_HEADER}: missing or wrong; send the csrfToken that login and GET /api/admin/me return`);
    }
    if (!allowed(staff.account.role, access)) {
      throw forbidden(`the role ${staff.account.role} may not do this (it needs ${access === 'admin' ? 'the admin role' : access})`);
    }
  };
}

/** The hook for routes that need one permission. */
export const requirePermission = (permission: Permission) => requireAccess(permission);

export function allowed(role: Parameters<typeof can>[0], access: Access): boolean {
  if (access === 'login') return true;
  if (access === 'admin') return role === 'admin';
  return can(role, access);
}

/** Route options for a guarded back-office route: the hook, and the schema tagged and annotated for /api/docs. */
export function guarded<S extends { description?: string; response?: Record<number, unknown> }>(access: Access, schema: S) {
  const needs = access === 'login' ? 'any logged-in account' : access === 'admin' ? 'the admin role' : `the permission \`${access}\``;
  return {
    onRequest: requireAccess(access),
    schema: {
      tags: ['admin'],
      security: [{ adminSession: [] }],
      ...schema,
      description: `${schema.description ? `${schema.description}\n\n` : ''}Needs ${needs}.`,
      response: { ...errorReplies(401, 403), ...schema.response },
    },
  };
}

/** Whether the CSRF header sent is the session's token (compared in constant time); enterprise sessions use it too. */
export function sameToken(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * @module server/admin/accounts
 * Staff accounts, for administrators: list, create, change role, name or password, disable, end
 * the lock-outs of an account. The
 * rules (name format, password strength, no self-demotion) are those of `accounts/service.ts`,
 * which `xiaoxin user` uses too.
 */
import type { FastifyPluginAsync } from 'fastify';
import { ROLES } from '../../accounts/roles.js';
import { createAccount, publicAccount, unlockAccount, updateAccount } from '../../accounts/service.js';
import type { ServerContext } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { errorReplies } from '../schemas.js';
import { guarded } from './guard.js';
import { accountSchema } from './schemas.js';

interface NewAccount {
  name: string;
  role: string;
  password: string;
  displayName?: string;
}

const role = { type: 'string', enum: [...ROLES] } as const;
const password = { type: 'string', minLength: 1, maxLength: 1024 } as const;
const displayName = { type: 'string', maxLength: 50 } as const;

export const accountRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get(
    '/accounts',
    guarded('accounts:manage', { summary: 'List the staff accounts', response: { 200: { type: 'array', items: accountSchema } } }),
    async () => (await ctx.store.accounts.list()).map((a) => publicAccount(a, ctx.now())),
  );

  app.post<{ Body: NewAccount }>(
    '/accounts',
    {
      ...guarded('accounts:manage', {
        summary: 'Create an account',
        description: 'Names are 2–32 lower-case letters, digits, `.`, `_` or `-`; passwords at least 10 characters and hard to guess (zxcvbn score 3 or more; the 400 says why). 409 when the name is taken.',
        body: {
          type: 'object',
          properties: { name: { type: 'string', minLength: 1, maxLength: 64 }, role, password, displayName },
          required: ['name', 'role', 'password'],
        },
        response: { 201: accountSchema, ...errorReplies(400, 409) },
      }),
      config: { bodyExample: '{"name": "li.ming", "role": "editor", "password": "…", "displayName": "李明"}' },
    },
    async (request, reply) => {
      const name = request.body.name.trim().toLowerCase();
      if (await ctx.store.accounts.get(name)) throw conflict(`name: an account "${name}" already exists`);
      return reply.status(201).send(await createAccount(ctx.store, request.body, request.staff!.account.name));
    },
  );

  app.patch<{ Params: { name: string }; Body: { role?: string; displayName?: string; password?: string; disabled?: boolean } }>(
    '/accounts/:name',
    {
      ...guarded('accounts:manage', {
        summary: 'Change an account',
        description: 'A new password or disabling ends the account\'s sessions (and a new password ends its lock-outs). An administrator cannot disable or demote themself (400).',
        params: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['name'] },
        body: { type: 'object', properties: { role, displayName, password, disabled: { type: 'boolean' } } },
        response: { 200: accountSchema, ...errorReplies(400, 404) },
      }),
      config: { bodyExample: '{"role": "reviewer"}' },
    },
    async (request) => {
      const updated = await updateAccount(ctx.store, request.params.name, request.body, request.staff!.account.name);
      if (!updated) throw notFound(`no account "${request.params.name}"`);
      return updated;
    },
  );

  app.post<{ Params: { name: string } }>(
    '/accounts/:name/unlock',
    guarded('accounts:manage', {
      summary: 'End the lock-outs of an account',
      description: 'Forgets the failed logins of the account from every client address, so that a user who locked themself out can log in again at once. 404 for an unknown account.',
      params: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['name'] },
      response: { 200: accountSchema, ...errorReplies(404) },
    }),
    async (request) => {
      const unlocked = await unlockAccount(ctx.store, request.params.name, request.staff!.account.name);
      if (!unlocked) throw notFound(`no account "${request.params.name}"`);
      return unlocked;
    },
  );
};

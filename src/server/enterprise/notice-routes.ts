/**
 * @module server/enterprise/notice-routes
 * The logged-in enterprise's notices (精准直达): its inbox with the unread count, marking read, and
 * its notice settings (off; a webhook URL, checked as hostile input; an e-mail address). No route
 * takes an enterprise id: the session says whose notices they are.
 */
import type { FastifyPluginAsync } from 'fastify';
import { actorOf } from '../../enterprise/accounts/service.js';
import { MAX_WEBHOOK_URL_CHARS, webhookUrlProblem } from '../../enterprise/notices/webhook-target.js';
import type { ServerContext } from '../context.js';
import { badRequest } from '../errors.js';
import { PG_INTEGER_MAX } from '../schemas.js';
import { enterpriseGuarded } from './session.js';

const EMAIL = /^[^\s@<>(),;:"[\]]{1,64}@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

const str = { type: 'string' } as const;
const deliverySchema = { type: 'object', additionalProperties: true, properties: { channel: str, status: str, attempts: { type: 'integer' }, lastError: str, deliveredAt: str } } as const;
export const noticeSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: str,
    ruleId: str,
    ruleVersion: str,
    verdict: { type: 'string', enum: ['eligible', 'missing-facts'] },
    title: str,
    body: str,
    detail: { type: 'object', additionalProperties: true },
    createdAt: str,
    readAt: str,
  },
} as const;
const settingsSchema = {
  type: 'object',
  properties: {
    noticesOff: { type: 'boolean' },
    webhookUrl: str,
    email: str,
    emailAvailable: { type: 'boolean', description: 'Whether this installation can send e-mail (XIAOXIN_SMTP_URL)' },
    updatedAt: str,
  },
} as const;
export { deliverySchema };

interface SettingsBody {
  noticesOff: boolean;
  webhookUrl?: string;
  email?: string;
}

export const enterpriseNoticeRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get<{ Querystring: { limit: number; offset: number; unread?: 'true' | 'false' } }>(
    '/notices',
    enterpriseGuarded({
      summary: 'The inbox: policies, qualifications and funds the enterprise newly fits, newest first',
      querystring: {
        type: 'object',
        properties: {
          limit: { type: 'integer', minimum: 0, maximum: 100, default: 20 },
          offset: { type: 'integer', minimum: 0, maximum: PG_INTEGER_MAX, default: 0 },
          unread: { type: 'string', enum: ['true', 'false'], description: '`true`: only the unread ones' },
        },
      },
      response: { 200: { type: 'object', properties: { notices: { type: 'array', items: noticeSchema }, total: { type: 'integer' }, unread: { type: 'integer' } } } },
    }),
    async (request) => {
      const { limit, offset, unread } = request.query;
      return ctx.store.notices.inbox(request.enterpriseCaller!.enterprise.id, { limit, offset, ...(unread === 'true' ? { unreadOnly: true } : {}) });
    },
  );

  app.post<{ Body: { ids?: string[] } }>(
    '/notices/read',
    {
      ...enterpriseGuarded({
        summary: 'Mark notices read (all of them without `ids`)',
        body: { type: 'object', properties: { ids: { type: 'array', maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 64 } } } },
        response: { 200: { type: 'object', properties: { marked: { type: 'integer' }, unread: { type: 'integer' } } } },
      }),
      config: { bodyExample: '{"ids": ["…"]}' },
    },
    async (request) => {
      const enterpriseId = request.enterpriseCaller!.enterprise.id;
      const marked = await ctx.store.notices.markRead(enterpriseId, request.body?.ids);
      const { unread } = await ctx.store.notices.inbox(enterpriseId, { limit: 0, offset: 0 });
      return { marked, unread };
    },
  );

  app.get(
    '/notices/settings',
    enterpriseGuarded({ summary: "The enterprise's notice settings", response: { 200: settingsSchema } }),
    async (request) => {
      const settings = await ctx.store.notices.settings(request.enterpriseCaller!.enterprise.id);
      return { ...settings, emailAvailable: Boolean(ctx.enterprise.notices.sendSettings.smtpUrl) };
    },
  );

  app.put<{ Body: SettingsBody }>(
    '/notices/settings',
    {
      ...enterpriseGuarded({
        summary: 'Change the notice settings',
        description:
          '`noticesOff: true`: no notices are made for the enterprise (staff see that it turned them off). `webhookUrl`: https:// (http:// only to a host the operator allow-listed); ' +
          'link-local, cloud metadata and private addresses are refused, also when the name later resolves to one. `email`: sent when the installation has an SMTP server. ' +
          'Leaving out webhookUrl or email removes it.',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            noticesOff: { type: 'boolean' },
            webhookUrl: { type: 'string', maxLength: MAX_WEBHOOK_URL_CHARS },
            email: { type: 'string', maxLength: 254 },
          },
          required: ['noticesOff'],
        },
        response: { 200: settingsSchema },
      }),
      config: { bodyExample: '{"noticesOff": false, "webhookUrl": "https://oa.example.com/xiaoxin", "email": "hr@example.com"}' },
    },
    async (request) => {
      const { enterprise, user } = request.enterpriseCaller!;
      const webhookUrl = request.body.webhookUrl?.trim() || undefined;
      const email = request.body.email?.trim() || undefined;
      if (webhookUrl) {
        const problem = webhookUrlProblem(webhookUrl, ctx.enterprise.notices.sendSettings.webhookAllowHosts);
        if (problem) throw badRequest(`webhookUrl（接收通知的网址）：${problem}`);
      }
      if (email && !EMAIL.test(email)) throw badRequest('email（接收通知的邮箱）：不是有效的邮箱地址');
      const before = await ctx.store.notices.settings(enterprise.id);
      const after = { noticesOff: request.body.noticesOff, ...(webhookUrl ? { webhookUrl } : {}), ...(email ? { email } : {}) };
      const actor = actorOf(enterprise, user);
      await ctx.store.transaction(async (tx) => {
        await tx.notices.saveSettings(enterprise.id, after, actor);
        await tx.audit.record({ actor, action: 'enterprise.notices.settings', target: enterprise.id, before, after });
      });
      // Turning notices on may make some at once.
      ctx.enterprise.notices.poke();
      return { ...(await ctx.store.notices.settings(enterprise.id)), emailAvailable: Boolean(ctx.enterprise.notices.sendSettings.smtpUrl) };
    },
  );
};

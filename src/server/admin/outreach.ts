/**
 * @module server/admin/outreach
 * Staff's outreach view (精准直达): for a rule, the enterprises that fit, might fit (missing facts)
 * and do not (failing conditions), each with the notices it got — when, by which channels, what
 * failed — as JSON, a CSV or an XLSX download; and a failed webhook or e-mail delivery sent again.
 * Reading it is audited: it is a list of companies' figures.
 */
import type { FastifyPluginAsync } from 'fastify';
import { isInForce } from '../../enterprise/rules/evaluate.js';
import { outreachCsv, outreachFor, type OutreachView } from '../../enterprise/notices/outreach.js';
import { outreachWorkbook } from '../../enterprise/notices/outreach-sheet.js';
import { parseDeliveryId } from '../../storage/notices.js';
import type { ServerContext } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { errorReplies } from '../schemas.js';
import { installEnterpriseErrors } from '../enterprise/errors.js';
import { guarded } from './guard.js';

const ruleQuery = {
  type: 'object',
  properties: {
    rule: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[a-z0-9-]+$', description: 'The rule id (high-tech-enterprise …)' },
    format: { type: 'string', enum: ['json', 'csv'], default: 'json' },
  },
  required: ['rule'],
} as const;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CHANNEL_NAMES = { webhook: 'Webhook', email: '邮件' } as const;

const deliverySchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string' },
    noticeId: { type: 'string' },
    channel: { type: 'string' },
    target: { type: 'string' },
    status: { type: 'string' },
    attempts: { type: 'integer' },
    nextAttemptAt: { type: 'string' },
  },
} as const;

export const outreachRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  installEnterpriseErrors(app);
  const job = ctx.enterprise.notices;

  /** The list of one rule, its reading audited with the three counts; 404 for an unknown rule. */
  async function auditedView(ruleId: string, actor: string, action: string): Promise<OutreachView> {
    const view = await outreachFor(ctx.store, job.rules, ruleId, ctx.today());
    if (!view) throw notFound(`rule：没有编号为 ${ruleId} 的规则`);
    await ctx.store.audit.record({ actor, action, target: view.rule.id, detail: `符合${view.counts.fit}家，可能符合${view.counts.mightFit}家，不符合${view.counts.notFit}家` });
    return view;
  }

  app.get(
    '/outreach/rules',
    guarded('enterprises:read', {
      summary: 'The rules an outreach list can be made for',
      response: { 200: { type: 'object', properties: { rules: { type: 'array', items: { type: 'object', additionalProperties: true } } } } },
    }),
    async () => {
      const today = ctx.today();
      return {
        rules: job.rules
          .filter((r) => r.kind !== 'classification')
          .map((r) => ({ id: r.id, name: r.name, level: r.level, inForce: isInForce(r, today), ...(r.summary ? { summary: r.summary } : {}) })),
      };
    },
  );

  app.get<{ Querystring: { rule: string; format: 'json' | 'csv' } }>(
    '/outreach',
    guarded('enterprises:read', {
      summary: 'For one rule: the enterprises that fit, might fit and do not, with the notices sent and their deliveries',
      description:
        'Evaluated now against every active enterprise\'s profile. `fit`, `mightFit` (with `missingFactLabels`), `notFit` (with `reasons`: the failing conditions); ' +
        'each row has `noticesOff` and `notices` (newest first) with `deliveries` by channel: status, attempts, last error. `format=csv` downloads the list.',
      querystring: ruleQuery,
      response: { 200: { type: 'object', additionalProperties: true }, ...errorReplies(404) },
    }),
    async (request, reply) => {
      const csv = request.query.format === 'csv';
      const view = await auditedView(request.query.rule, request.staff!.account.name, csv ? 'enterprise.outreach.export' : 'enterprise.outreach.view');
      if (!csv) return view;
      reply.header('content-disposition', `attachment; filename="xiaoxin-outreach-${view.rule.id}-${ctx.today()}.csv"`);
      return reply.type('text/csv; charset=utf-8').send(outreachCsv(view));
    },
  );

  app.get<{ Querystring: { rule: string } }>(
    '/outreach.xlsx',
    guarded('enterprises:read', {
      summary: 'The outreach list of one rule as an Excel workbook',
      description:
        'Sheets 说明 (the rule, the date evaluated, the counts), 符合 (with the benefit), 可能符合（缺信息） (with the facts missing) and 不符合 (with the conditions not met); ' +
        'each row: the enterprise, whether it was notified, when, read or not, and the latest notice\'s state per channel (站内, Webhook, 邮件) with the last error.',
      querystring: { type: 'object', properties: { rule: ruleQuery.properties.rule }, required: ['rule'] },
      response: errorReplies(404),
      produces: [XLSX_TYPE],
    }),
    async (request, reply) => {
      const view = await auditedView(request.query.rule, request.staff!.account.name, 'enterprise.outreach.export');
      reply.header('content-disposition', `attachment; filename="xiaoxin-outreach-${view.rule.id}-${ctx.today()}.xlsx"`);
      return reply.type(XLSX_TYPE).send(await outreachWorkbook(view));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/outreach/deliveries/:id/retry',
    guarded('enterprises:manage', {
      summary: 'Send a failed webhook or e-mail delivery again',
      description:
        'The delivery (`<notice id>.<channel>`, as the outreach list gives it) is queued again, due at once, to the address the enterprise has set now, ' +
        'with the retries of a new delivery; the answer is the delivery, `pending`. 409 when it has not failed, is the inbox, or the enterprise turned notices off ' +
        'or no longer has that address (or e-mail is not configured). Audited as `enterprise.notices.retry`.',
      params: {
        type: 'object',
        properties: { id: { type: 'string', minLength: 3, maxLength: 120, pattern: '^[A-Za-z0-9_-]+\\.[a-z]+$', description: 'The delivery: `<notice id>.<channel>`' } },
        required: ['id'],
      },
      response: { 200: { type: 'object', properties: { delivery: deliverySchema } }, ...errorReplies(404, 409) },
    }),
    async (request) => {
      const parsed = parseDeliveryId(request.params.id);
      const found = parsed && (await ctx.store.notices.delivery(parsed.noticeId, parsed.channel));
      if (!parsed || !found) throw notFound(`id：没有编号为 ${request.params.id} 的通知送达记录`);
      const { channel } = parsed;
      if (channel === 'inbox') throw conflict('站内通知不经网络发送，无需重新发送');
      if (found.status !== 'failed') throw conflict(`只有发送失败的通知可以重新发送（这一条${found.status === 'pending' ? '正在等待发送' : '已送达'}）`);
      const settings = await ctx.store.notices.settings(found.enterpriseId);
      if (settings.noticesOff) throw conflict('企业已关闭通知，不能重新发送');
      const target = channel === 'webhook' ? settings.webhookUrl : settings.email;
      if (!target) throw conflict(`企业已不再设置接收通知的${channel === 'webhook' ? ' Webhook 网址' : '邮箱'}，不能重新发送`);
      if (channel === 'email' && !job.sendSettings.smtpUrl) throw conflict('未配置邮件服务器（XIAOXIN_SMTP_URL），不能发送邮件');
      const actor = request.staff!.account.name;
      const delivery = await ctx.store.transaction(async (tx) => {
        const retried = await tx.notices.retry(parsed.noticeId, channel, target);
        if (retried) {
          await tx.audit.record({
            actor,
            action: 'enterprise.notices.retry',
            target: retried.id,
            detail: `${CHANNEL_NAMES[channel]}，规则 ${found.ruleId}，上次错误：${found.lastError ?? '无'}`,
            before: { status: found.status, attempts: found.attempts, target: found.target },
            after: { status: retried.status, target: retried.target },
          });
        }
        return retried;
      });
      // Another member of staff queued it a moment ago.
      if (!delivery) throw conflict('这条通知已重新排队发送');
      job.poke();
      return { delivery };
    },
  );
};

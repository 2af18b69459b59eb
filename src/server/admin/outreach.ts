/**
 * @module server/admin/outreach
 * Staff's outreach view (精准直达): for a rule, the enterprises that fit, might fit (missing facts)
 * and do not (failing conditions), each with the notices it got — when, by which channels, what
 * failed — as JSON or a CSV download. Reading it is audited: it is a list of companies' figures.
 */
import type { FastifyPluginAsync } from 'fastify';
import { isInForce } from '../../enterprise/rules/evaluate.js';
import { outreachCsv, outreachFor } from '../../enterprise/notices/outreach.js';
import type { ServerContext } from '../context.js';
import { notFound } from '../errors.js';
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

export const outreachRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  installEnterpriseErrors(app);
  const job = ctx.enterprise.notices;

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
      const view = await outreachFor(ctx.store, job.rules, request.query.rule, ctx.today());
      if (!view) throw notFound(`rule：没有编号为 ${request.query.rule} 的规则`);
      const csv = request.query.format === 'csv';
      await ctx.store.audit.record({ actor: request.staff!.account.name, action: csv ? 'enterprise.outreach.export' : 'enterprise.outreach.view', target: view.rule.id, detail: `符合${view.counts.fit}家，可能符合${view.counts.mightFit}家，不符合${view.counts.notFit}家` });
      if (!csv) return view;
      reply.header('content-disposition', `attachment; filename="xiaoxin-outreach-${view.rule.id}-${ctx.today()}.csv"`);
      return reply.type('text/csv; charset=utf-8').send(outreachCsv(view));
    },
  );
};

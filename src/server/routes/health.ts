/**
 * @module server/routes/health
 * Probes and metrics for operators: /healthz (the process is alive; touches nothing), /readyz
 * (the search index is built and the store answers; `degraded` while the database is unreachable:
 * the instance still answers questions, so it stays in service) and /metrics (Prometheus text, for this machine
 * or the holder of the metrics token only).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../context.js';
import { forbidden } from '../errors.js';
import { mayReadMetrics, metricsRefusal } from '../metrics-access.js';

const tags = ['operations'];
const statusReply = { type: 'object', additionalProperties: true, properties: { status: { type: 'string' } } } as const;

export const healthRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get('/healthz', { schema: { summary: 'The process is alive', tags, response: { 200: statusReply } } }, async () => ({
    status: 'ok',
  }));

  app.get(
    '/readyz',
    { schema: { summary: 'The store answers and the search index is built', tags, response: { 200: statusReply, 503: statusReply } } },
    async (_request, reply) => {
      const state = ctx.engine.state;
      if (state !== 'ready') {
        const error = state === 'starting' ? 'the search index is being built' : 'the assistant could not start';
        return reply.status(503).send({ status: state, error });
      }
      try {
        const [items, revision] = await Promise.all([ctx.store.countItems(), ctx.store.revision()]);
        return { status: 'ready', items, revision };
      } catch (error) {
        if (ctx.storeWatch.failed(error)) {
          const since = ctx.storeWatch.outage?.since.toISOString() ?? ctx.now().toISOString();
          return {
            status: 'degraded',
            error: `the database is unreachable since ${since}: questions are answered from memory, changes cannot be saved`,
            questionsKept: ctx.storeWatch.buffered,
          };
        }
        ctx.logError(`readiness check: the store does not answer: ${error instanceof Error ? error.message : String(error)}`);
        return reply.status(503).send({ status: 'unavailable', error: 'the store does not answer' });
      }
    },
  );

  app.get(
    '/metrics',
    {
      schema: {
        summary: 'Prometheus metrics',
        description: 'From this machine only, or anywhere with the bearer token of XIAOXIN_METRICS_TOKEN; 403 otherwise.',
        tags,
      },
    },
    async (request, reply) => {
      if (!mayReadMetrics(request, ctx.metricsToken)) throw forbidden(metricsRefusal(ctx.metricsToken));
      reply.type(ctx.metrics.registry.contentType);
      return ctx.metrics.registry.metrics();
    },
  );
};

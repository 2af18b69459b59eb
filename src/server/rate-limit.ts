/**
 * @module server/rate-limit
 * Requests a minute per client address, for the /api/* routes only (health checks, metrics and
 * the web app's files are never limited). Registered inside the API's plugin scope, so that it
 * applies to exactly the routes declared there. The count is per instance, in memory.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { tooManyRequests } from './errors.js';

export async function registerRateLimit(api: FastifyInstance, perMinute: number): Promise<void> {
  if (perMinute <= 0) return;
  await api.register(rateLimit, {
    max: perMinute,
    timeWindow: 60_000,
    // Thrown, so the error handler gives it the project's { error } shape; the plugin adds retry-after.
    errorResponseBuilder: (_request, context) => tooManyRequests(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
}

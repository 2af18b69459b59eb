/**
 * @module server/metrics-access
 * Who may read /metrics. Its numbers (request rates, errors, memory) help an attacker time and
 * size an attack, so by default only this machine may read them: a Prometheus agent on the same
 * host. With XIAOXIN_METRICS_TOKEN set, anyone presenting it as a bearer token may too, which is
 * how a monitoring server elsewhere on the zone's network reads them.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';

/** Whether `request` may read the metrics. */
export function mayReadMetrics(request: FastifyRequest, token: string | undefined): boolean {
  if (token !== undefined && bearerMatches(request.headers.authorization, token)) return true;
  return isLoopback(request.ip) && !cameThroughProxy(request);
}

/** The message for everyone else, saying what would let them in. */
export function metricsRefusal(token: string | undefined): string {
  return token === undefined
    ? 'metrics: only readable from this machine (127.0.0.1 or ::1); set XIAOXIN_METRICS_TOKEN to read them from elsewhere'
    : 'metrics: send the token of XIAOXIN_METRICS_TOKEN as "Authorization: Bearer …", or ask from this machine';
}

/** 127.0.0.0/8 or ::1, also written as an IPv4-mapped IPv6 address (::ffff:127.0.0.1). */
export function isLoopback(address: string): boolean {
  return ipaddr.isValid(address) && ipaddr.process(address).range() === 'loopback';
}

/**
 * A reverse proxy on the same machine connects from 127.0.0.1 for every visitor, so a forwarded
 * request is not a local one, unless XIAOXIN_TRUST_PROXY let Fastify resolve the real address
 * (then `request.ip` is the visitor's, and `request.ips` lists more than the socket).
 */
function cameThroughProxy(request: FastifyRequest): boolean {
  const forwarded = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  return forwarded && (request.ips?.length ?? 1) <= 1;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!sent) return false;
  // Compare digests: timingSafeEqual wants equal lengths, and the length must not leak either.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(sent), digest(token));
}

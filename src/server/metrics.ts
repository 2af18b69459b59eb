/**
 * @module server/metrics
 * Prometheus metrics in a registry of this server's own (tests build many servers in one
 * process; the global registry would refuse the second): requests by route and status, request
 * latency, answers by type, and errors by kind. Served as text at /metrics.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AnswerQueue } from './answer-queue.js';
import type { StoreWatch } from './store-watch.js';

export type ErrorKind = 'internal' | 'index_refresh' | 'question_log' | 'startup';

export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'xiaoxin_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'xiaoxin_http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames: ['method', 'route'] as const,
    // Answers take tens of milliseconds; an index rebuild or a slow store shows in the tail.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly answers = new Counter({
    name: 'xiaoxin_answers_total',
    help: 'Answers given by type (guide-field, faq, passage, clarify, none)',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'xiaoxin_errors_total',
    help: 'Errors by kind: internal (a 5xx), index_refresh, question_log, startup',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  constructor(processMetrics = true) {
    if (processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'xiaoxin_' });
  }

  /** Whether the database answers, and the question log kept (or dropped) while it does not. */
  watchStore(watch: StoreWatch): void {
    this.#readOnScrape('xiaoxin_store_up', '1 while the database answers, 0 while it is unreachable (answers come from memory)', () =>
      watch.outage ? 0 : 1,
    );
    this.#readOnScrape('xiaoxin_question_log_buffered', 'Question-log turns kept in memory until the database is back', () => watch.buffered);
    this.#readOnScrape('xiaoxin_question_log_dropped', 'Question-log turns lost since start: more than the buffer holds during an outage', () => watch.dropped);
  }

  /** Questions waiting for a turn, and those turned away under load. */
  watchQueue(queue: AnswerQueue): void {
    this.#readOnScrape('xiaoxin_answers_waiting', 'Questions waiting for a turn to be answered', () => queue.waiting);
    this.#readOnScrape('xiaoxin_answers_refused', 'Questions turned away with 503 since start: the queue was full or the wait too long', () => queue.refused);
  }

  /** A gauge whose value is read when /metrics is scraped. */
  #readOnScrape(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  error(kind: ErrorKind): void {
    this.errors.inc({ kind });
  }

  /** Counts and times every request the server answers. */
  install(app: FastifyInstance): void {
    app.addHook('onResponse', async (request, reply) => {
      const route = routeLabel(request, reply.statusCode);
      this.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
      this.latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    });
  }
}

/** The route pattern, never the path itself, so that ids and probes cannot grow the label set. */
function routeLabel(request: FastifyRequest, status: number): string {
  if (request.is404) return status < 400 ? 'web-app' : 'not-found';
  return request.routeOptions.url ?? 'not-found';
}

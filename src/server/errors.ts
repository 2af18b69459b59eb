/**
 * @module server/errors
 * Every error the API gives is JSON `{ "error": "…" }` naming the field or parameter at fault.
 * Routes throw the factories below; Fastify's own 4xx errors (bad JSON, schema validation) are
 * rewritten here into the same words; anything unexpected is a generic 500 and goes to the log.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { databaseInputError } from './database-input-errors.js';
import { PATTERN_WORDS } from './schemas.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A valid body for this route, quoted when the body sent is not JSON. */
    bodyExample?: string;
  }
}

/** An error whose message is meant for the client, with its status and any headers. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const notFound = (message: string) => new HttpError(404, message);
export const unauthorized = (message: string) => new HttpError(401, message);
export const forbidden = (message: string) => new HttpError(403, message);
export const conflict = (message: string) => new HttpError(409, message);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new HttpError(429, `too many requests from this address; try again in ${retryAfterSeconds} seconds`, {
    'retry-after': String(retryAfterSeconds),
  });
export const unavailable = (message: string, retryAfterSeconds = 5) =>
  new HttpError(503, message, { 'retry-after': String(retryAfterSeconds) });

/** What a client is told to wait while the database is unreachable (the store is probed every 2 s). */
const OUTAGE_RETRY_SECONDS = 5;

export interface ErrorHandlingOptions {
  logError: (message: string) => void;
  /** Called for every unexpected error (a 5xx the code did not mean to give), for the error counter. */
  onInternalError?: () => void;
  /**
   * Told of every unexpected error; true when it was the database being unreachable, which is
   * answered with a 503 and Retry-After, and logged once per outage (by whoever is told), not per request.
   */
  isOutage?: (error: unknown) => boolean;
  /** Gets a chance to answer an unknown path (the web app's client-side routes) before the JSON 404. */
  fallback?: (request: FastifyRequest, reply: FastifyReply) => Promise<boolean> | boolean;
}

export function installErrorHandling(app: FastifyInstance, options: ErrorHandlingOptions): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    // The last line: a value no schema caught, refused by the database, is still the client's error.
    const refused = databaseInputError(error, request);
    if (refused) {
      options.logError(`a bad value reached the database (give the route a schema that refuses it): ${refused.message}; ${error.message}`);
      return reply.status(400).send({ error: refused.message });
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500 && !(error instanceof HttpError) && options.isOutage?.(error)) {
      reply.header('retry-after', String(OUTAGE_RETRY_SECONDS));
      return reply.status(503).send({ error: 'the database is unreachable; try again in a few seconds' });
    }
    if (status >= 500 && !(error instanceof HttpError)) {
      options.onInternalError?.();
      options.logError(error.stack ?? error.message);
      return reply.status(status).send({ error: 'internal error; the server log has the details' });
    }
    if (error instanceof HttpError) reply.headers(error.headers);
    return reply.status(status).send({ error: clientMessage(error, request) });
  });
  app.setNotFoundHandler(async (request, reply) => {
    if (options.fallback && (await options.fallback(request, reply))) return reply;
    return reply.status(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
}

/**
 * Fastify's option for errors raised before routing (a path that is not valid %-encoding, such
 * as a lone surrogate `%ED%A0%80`), in the same `{ "error": … }` words as every other reply.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const path = request.url.split('?')[0];
  const message = error.code === 'FST_ERR_BAD_URL' ? `the path: ${path} is not valid %-encoded UTF-8` : error.message;
  void reply.status(400).send({ error: message });
}

/** Fastify's own 4xx messages, said the way a client developer can act on them. */
function clientMessage(error: FastifyError | HttpError, request: FastifyRequest): string {
  if (error instanceof HttpError) return error.message;
  const example = request.routeOptions.config.bodyExample ?? '{…}';
  if (error.validation) return validationMessage(error.validation, example);
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return `the body is not valid JSON; send a JSON body such as ${example}`;
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return `the body is empty; send a JSON body such as ${example}`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'send the body as JSON (Content-Type: application/json)';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'the body is too large';
    default:
      return error.message;
  }
}

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
  /** The schema the keyword is in (Ajv's `verbose`, on for parameters and query strings). */
  parentSchema?: { type?: unknown; minimum?: unknown; maximum?: unknown };
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a JSON object',
  array: 'a list',
};

/** The first schema error as `field: what is wrong`. */
export function validationMessage(errors: readonly SchemaError[], bodyExample: string): string {
  const error = errors[0];
  if (!error) return 'the request is not valid';
  const field = error.instancePath.slice(1).replaceAll('/', '.');
  const p = error.params;
  const range = wholeNumberRange(error);
  if (range) return `${field}: must be a whole number from ${range}`;
  switch (error.keyword) {
    case 'required':
      return `${[field, p.missingProperty].filter(Boolean).join('.')}: is required`;
    case 'type':
      // The body as a whole is not an object: text, a list, null.
      if (!field) return `send a JSON body such as ${bodyExample}`;
      return `${field}: must be ${TYPE_WORDS[String(p.type)] ?? String(p.type)}`;
    case 'minLength':
      return Number(p.limit) === 1 ? `${field}: must not be empty` : `${field}: must be at least ${p.limit} characters`;
    case 'maxLength':
      return `${field}: must be at most ${p.limit} characters`;
    case 'minimum':
      return `${field}: must be at least ${p.limit}`;
    case 'maximum':
      return `${field}: must be at most ${p.limit}`;
    case 'enum':
      return `${field}: must be one of ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'pattern':
      return `${field}: ${PATTERN_WORDS[String(p.pattern)] ?? `must match ${p.pattern}`}`;
    default:
      return `${field || 'the request'}: ${error.message ?? 'is not valid'}`;
  }
}

/** "1 to 2147483647" when a bounded whole number was refused for its type or its bounds. */
function wholeNumberRange(error: SchemaError): string | undefined {
  const schema = error.parentSchema;
  if (!['type', 'minimum', 'maximum'].includes(error.keyword) || schema?.type !== 'integer') return undefined;
  if (typeof schema.minimum !== 'number' || typeof schema.maximum !== 'number') return undefined;
  return `${schema.minimum} to ${schema.maximum}`;
}

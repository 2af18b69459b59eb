/**
 * @module server/database-input-errors
 * PostgreSQL's (and PGlite's) refusals of a value, which mean the request was bad, not the
 * server: text it cannot store, a number out of range, a value of the wrong form. The schemas
 * and the input guard should catch these first; this is the safety net behind them, so that a
 * route without a schema gives a 400 naming the field rather than a 500.
 */
import type { FastifyRequest } from 'fastify';
import { bodyTextProblem, findBadText } from './input-guard.js';

/** SQLSTATE codes of values refused for what they are (class 22, "data exception"). */
const REFUSALS: Record<string, string> = {
  '22021': 'contains a character the database cannot store',
  '22P05': 'contains a character the database cannot store',
  '22003': 'is out of range',
  '22P02': 'is not in a form the database accepts',
};

/** The value the database quotes: `value "999999999999" is out of range…`, `…type bigint: "Infinity"`. */
const QUOTED = /"([^"]*)"/;

export interface DatabaseInputError {
  message: string;
}

/** A 400's message when `error` is the database refusing a value of the request; otherwise undefined. */
export function databaseInputError(error: unknown, request: FastifyRequest): DatabaseInputError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !(code in REFUSALS)) return undefined;
  const what = REFUSALS[code]!;
  const field = code === '22021' || code === '22P05' ? fieldWithBadText(request) : fieldHolding(request, quotedValue(error));
  return { message: `${field ?? 'a parameter or field'}: ${what}` };
}

function quotedValue(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : '';
  return QUOTED.exec(message)?.[1];
}

function parts(request: FastifyRequest): unknown[] {
  return [request.params, request.query, Buffer.isBuffer(request.body) ? undefined : request.body];
}

function fieldWithBadText(request: FastifyRequest): string | undefined {
  for (const part of parts(request)) {
    const found = findBadText(part, bodyTextProblem);
    if (found) return found.field;
  }
  return undefined;
}

/** The field whose value, said as text, is `value`. */
function fieldHolding(request: FastifyRequest, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  for (const part of parts(request)) {
    const found = findValue(part, value, []);
    if (found !== undefined) return found;
  }
  return undefined;
}

function findValue(part: unknown, value: string, path: string[]): string | undefined {
  if (part === null || part === undefined) return undefined;
  if (typeof part !== 'object') return String(part) === value ? path.join('.') : undefined;
  for (const [key, child] of Object.entries(part)) {
    const found = findValue(child, value, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

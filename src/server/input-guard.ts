/**
 * @module server/input-guard
 * Text the database cannot store never reaches it: before any route's schema runs, path
 * parameters and query strings with control characters, and JSON bodies with U+0000 or an
 * unpaired surrogate (in a value or a key), are a 400 naming the field. PostgreSQL refuses NUL
 * in text and JSONB outright, and would store a lone surrogate as U+FFFD, silently changed.
 * One hook for every route, so that a new route is covered without anyone remembering to.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { firstUnstorable } from '../knowledge/storable-text.js';
import { badRequest } from './errors.js';

/** Ids and search words are one line: any C0 control character or DEL is junk there. */
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f]/;

export interface BadText {
  /** `id`, `page`, `item.materials.0.name`: the field as the other error messages name it. */
  field: string;
  problem: string;
}

/** How deep a body may nest; an item is four levels deep, and deeper walks overflow the stack (ours, Ajv's, the database's). */
export const MAX_DEPTH = 32;

/**
 * The first string in `value` (values and keys, at any depth) that `problemOf` objects to, or
 * the first place nested deeper than MAX_DEPTH. A loop, not recursion: the value may be a
 * hostile `[[[[…]]]]` many thousands deep.
 */
export function findBadText(value: unknown, problemOf: (text: string) => string | undefined): BadText | undefined {
  const pending: { value: unknown; field: string; depth: number }[] = [{ value, field: '', depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value: v, field, depth } = next;
    if (typeof v === 'string') {
      const problem = problemOf(v);
      if (problem) return { field, problem };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) return { field, problem: `must not be nested more than ${MAX_DEPTH} levels deep` };
    // Named as item validation names them: `item.materials[0].name`. Reversed, so that the first comes off the stack first.
    const childField = (key: string) => (Array.isArray(v) ? `${field}[${key}]` : field ? `${field}.${key}` : key);
    for (const [key, child] of Object.entries(v).reverse()) {
      const keyProblem = problemOf(key);
      if (keyProblem) return { field: childField(JSON.stringify(key)), problem: `${keyProblem} (in a property name)` };
      pending.push({ value: child, field: childField(key), depth: depth + 1 });
    }
  }
  return undefined;
}

export function lineProblem(text: string): string | undefined {
  if (CONTROL_IN_LINE.test(text)) return 'must not contain control characters';
  return firstUnstorable(text);
}

/** Bodies hold multi-line text (tabs, newlines): only what the database refuses is refused, in the words item validation uses. */
export function bodyTextProblem(text: string): string | undefined {
  return firstUnstorable(text);
}

/** The first bad text of the request's parameters, query string and body. */
export function badTextOf(request: FastifyRequest): BadText | undefined {
  return (
    findBadText(request.params, lineProblem) ??
    findBadText(request.query, lineProblem) ??
    // Only parsed bodies: a multipart upload is read by its route, and a Buffer is not text.
    (Buffer.isBuffer(request.body) ? undefined : findBadText(request.body, bodyTextProblem))
  );
}

export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const bad = badTextOf(request);
    if (!bad) return;
    // `*` is the web app's catch-all parameter: the rest of the path.
    const field = bad.field === '*' ? 'the path' : bad.field || 'the body';
    throw badRequest(`${field}: ${bad.problem}`);
  });
}

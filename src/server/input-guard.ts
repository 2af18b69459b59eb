/**
 * @module server/input-guard
 * Text the database cannot store never reaches it: before any route's schema runs, path
 * parameters and query strings with control characters, and JSON bodies with U+0000 or an
 * unpaired surrogate (in a value or a key), are a 400 naming the field. PostgreSQL refuses NUL
 * in text and JSONB outright, and would store a lone surrogate as U+FFFD, silently changed.
 * One hook for every route, so that a new route is covered without anyone remembering to.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest } from './errors.js';

/** Ids and search words are one line: any C0 control character or DEL is junk there. */
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f]/;
/** Bodies hold multi-line text (tabs, newlines); only NUL is unstorable. */
const NUL = /\u0000/;
/** A surrogate not part of a pair (with the u flag, a proper pair is one code point and does not match). */
const LONE_SURROGATE = /\p{Cs}/u;

export interface BadText {
  /** `id`, `page`, `item.materials.0.name`: the field as the other error messages name it. */
  field: string;
  problem: string;
}

/** The first string in `value` (values and keys, at any depth) that `problemOf` objects to. */
export function findBadText(value: unknown, problemOf: (text: string) => string | undefined, path: string[] = []): BadText | undefined {
  if (typeof value === 'string') {
    const problem = problemOf(value);
    return problem ? { field: path.join('.'), problem } : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  // Arrays and objects alike: Object.entries gives an array's indices as keys.
  for (const [key, child] of Object.entries(value)) {
    const keyProblem = problemOf(key);
    if (keyProblem) return { field: [...path, JSON.stringify(key)].join('.'), problem: `${keyProblem} (in a property name)` };
    const found = findBadText(child, problemOf, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

export function lineProblem(text: string): string | undefined {
  if (CONTROL_IN_LINE.test(text)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it has an unpaired surrogate)';
  return undefined;
}

export function bodyTextProblem(text: string): string | undefined {
  if (NUL.test(text)) return 'must not contain control characters (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it has an unpaired surrogate)';
  return undefined;
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

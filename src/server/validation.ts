/**
 * @module server/validation
 * Request validation with two Ajv instances: bodies are checked as sent (a number is not quietly
 * turned into the text "42"), query strings and path parameters are coerced, as they are text.
 * `strictNumbers` is off for the text: with it on, Ajv turns "1e999" into Infinity and then skips
 * `minimum`/`maximum` for a number that is not finite, so Infinity reached the routes. Off, the
 * bounds every numeric parameter has (see input-bounds.test.ts) refuse it.
 */
import { Ajv, type Options } from 'ajv';
import type { FastifyInstance } from 'fastify';

const common: Options = { useDefaults: true, removeAdditional: true, allErrors: false };

export function installValidation(app: FastifyInstance): void {
  const body = new Ajv({ ...common, coerceTypes: false });
  // verbose: the error carries its schema, so that a bound can be said as the whole range.
  const text = new Ajv({ ...common, coerceTypes: 'array', strictNumbers: false, verbose: true });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema));
}

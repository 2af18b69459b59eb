/**
 * @module server/validation
 * Request validation with two Ajv instances: bodies are checked as sent (a number is not quietly
 * turned into the text "42"), query strings and path parameters are coerced, as they are text.
 */
import { Ajv, type Options } from 'ajv';
import type { FastifyInstance } from 'fastify';

const common: Options = { useDefaults: true, removeAdditional: true, allErrors: false };

export function installValidation(app: FastifyInstance): void {
  const body = new Ajv({ ...common, coerceTypes: false });
  const text = new Ajv({ ...common, coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema));
}

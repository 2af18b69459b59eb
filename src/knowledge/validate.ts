/**
 * @module knowledge/validate
 * Turns raw input into a valid item, or into a message that names the offending field.
 */
import { z } from 'zod';
import { itemSchema, type Item } from './schema.js';
import { unstorableText } from './storable-text.js';

export type Validation = { ok: true; item: Item } | { ok: false; errors: string[] };

export { unstorableText } from './storable-text.js';

/**
 * Validates one item. Error messages read like `materials[2].name: must not be empty`. Text the
 * database would refuse (`answer: contains a NUL character (U+0000) at position 12`) is an error
 * too, so that it shows in an import preview and never reaches storage.
 */
export function validateItem(input: unknown): Validation {
  const parsed = itemSchema.safeParse(input);
  // The input as given is searched, not the parsed item, so that positions match the file (before trimming).
  const unstorable = unstorableText(parsed.success ? pickKnown(input, parsed.data) : input);
  if (parsed.success && unstorable.length === 0) return { ok: true, item: parsed.data };
  const errors = parsed.success ? [] : parsed.error.issues.map(describeIssue);
  return { ok: false, errors: [...errors, ...unstorable] };
}

/** The fields of `input` the parsed item kept: unknown fields are dropped by the schema, so never stored. */
function pickKnown(input: unknown, item: Item): unknown {
  if (!input || typeof input !== 'object') return input;
  return Object.fromEntries(Object.entries(input).filter(([key]) => key in item));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
  if (issue.code === 'invalid_union' && path === '' ) return `kind: must be one of policy, guide, faq, article`;
  return path ? `${path}: ${issue.message}` : issue.message;
}

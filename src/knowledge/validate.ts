/**
 * @module knowledge/validate
 * Turns raw input into a valid item, or into a message that names the offending field.
 */
import { z } from 'zod';
import { itemSchema, type Item } from './schema.js';

export type Validation = { ok: true; item: Item } | { ok: false; errors: string[] };

/** Validates one item. Error messages read like `materials[2].name: must not be empty`. */
export function validateItem(input: unknown): Validation {
  const parsed = itemSchema.safeParse(input);
  if (parsed.success) return { ok: true, item: parsed.data };
  return { ok: false, errors: parsed.error.issues.map(describeIssue) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
  if (issue.code === 'invalid_union' && path === '' ) return `kind: must be one of policy, guide, faq, article`;
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * @module server/directory/schemas
 * The directory's shapes for the API description and serialisation. Entries are checked by
 * src/directory (zod, Chinese per-field errors), so bodies are only required to be objects here.
 */
import { DIRECTORY_KINDS, ENTRY_STATUSES } from '../../directory/model.js';

export const entryIdParam = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]*$' } },
  required: ['id'],
} as const;

/** A directory entry (src/directory/model.ts): `kind` decides its other fields. */
export const entrySchema = {
  type: 'object',
  additionalProperties: true,
  properties: { id: { type: 'string' }, kind: { type: 'string', enum: [...DIRECTORY_KINDS] }, name: { type: 'string' }, type: { type: 'string' } },
} as const;

export const storedEntrySchema = {
  type: 'object',
  properties: {
    entry: entrySchema,
    status: { type: 'string', enum: [...ENTRY_STATUSES] },
    version: { type: 'integer' },
    enterpriseId: { type: 'string' },
    reviewNote: { type: 'string' },
    updatedBy: { type: 'string' },
    updatedAt: { type: 'string' },
    createdAt: { type: 'string' },
  },
} as const;

export const cardSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string' },
    kind: { type: 'string' },
    kindLabel: { type: 'string' },
    name: { type: 'string' },
    type: { type: 'string' },
    summary: { type: 'string' },
    facts: { type: 'array', items: { type: 'object', properties: { label: { type: 'string' }, value: { type: 'string' } } } },
    policyIds: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** 400 with each field's problem. */
export const entryErrorsSchema = {
  type: 'object',
  properties: {
    error: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, label: { type: 'string' }, message: { type: 'string' } } } },
  },
  required: ['error'],
} as const;

/** What the forms and filters need to explain each kind and field. */
export function directoryVocabulary(labels: Record<string, string>, types: Record<string, readonly string[]>, kindLabels: Record<string, string>) {
  return { kinds: DIRECTORY_KINDS.map((kind) => ({ kind, label: kindLabels[kind], types: types[kind] })), fieldLabels: labels };
}

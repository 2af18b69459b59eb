/**
 * @module server/admin/schemas
 * JSON schemas the back-office routes share, for validation, serialisation and /api/docs. Reply
 * objects keep properties the schema does not list (`additionalProperties`), so that a field
 * added in storage reaches the admin UI without a schema edit dropping it on the way out.
 */
import { ROLES } from '../../accounts/roles.js';
import { ITEM_KINDS } from '../../knowledge/index.js';
import { VERSION_STATUSES } from '../../storage/index.js';
import { DAY_PATTERN, PG_INTEGER_MAX } from '../schemas.js';

/** An object schema that lets unlisted properties through. */
export function obj(properties: Record<string, unknown>, required: string[] = [], description?: string) {
  return { type: 'object', additionalProperties: true, properties, required, ...(description ? { description } : {}) };
}

export const str = { type: 'string' } as const;
export const int = { type: 'integer' } as const;
/** A positive whole number as a parameter: a version, an id, a page. */
export const positiveIntParam = { type: 'integer', minimum: 1, maximum: PG_INTEGER_MAX } as const;
export const strings = { type: 'array', items: str } as const;

export const day = { type: 'string', pattern: DAY_PATTERN, description: 'YYYY-MM-DD' } as const;
/** Item ids as the knowledge model allows them. */
export const itemIdParam = { type: 'string', minLength: 1, maxLength: 200 } as const;

export const okSchema = obj({ ok: { type: 'boolean' } }, ['ok']);

export const userSchema = obj(
  {
    name: str,
    role: { type: 'string', enum: [...ROLES] },
    displayName: str,
    permissions: strings,
  },
  ['name', 'role', 'permissions'],
);

export const accountSchema = obj(
  {
    name: str,
    role: { type: 'string', enum: [...ROLES] },
    displayName: str,
    disabled: { type: 'boolean' },
    lockedUntil: { type: 'string', format: 'date-time' },
    createdAt: { type: 'string', format: 'date-time' },
    permissions: strings,
  },
  ['name', 'role', 'disabled', 'createdAt'],
);

/** A whole item as the knowledge model has it (policy, guide, FAQ or article). */
export const anyItem = obj({ id: str, kind: { type: 'string', enum: [...ITEM_KINDS] }, title: str }, ['id', 'kind', 'title'], 'An item of src/knowledge/schema.ts');

export const versionSchema = obj(
  {
    itemId: str,
    version: int,
    status: { type: 'string', enum: [...VERSION_STATUSES] },
    author: str,
    note: str,
    createdAt: { type: 'string', format: 'date-time' },
    reviewedBy: str,
    reviewedAt: { type: 'string', format: 'date-time' },
    reviewNote: str,
  },
  ['itemId', 'version', 'status', 'author', 'createdAt'],
);

export const dueItemSchema = obj(
  {
    id: str,
    title: str,
    kind: str,
    category: str,
    reason: { type: 'string', enum: ['expired', 'expires-soon', 'review-overdue', 'review-soon'] },
    dueDate: day,
    daysLeft: int,
  },
  ['id', 'title', 'kind', 'reason', 'dueDate', 'daysLeft'],
);

export const fieldChangeSchema = obj(
  {
    field: str,
    label: str,
    before: {},
    after: {},
    pieces: { type: 'array', items: obj({ value: str, added: { type: 'boolean' }, removed: { type: 'boolean' } }) },
  },
  ['field', 'label'],
);

export const problemSchema = obj({ file: str, line: int, message: str }, ['file', 'message']);

/** `page` and `pageSize` query parameters. */
export const paging = {
  page: { ...positiveIntParam, default: 1 },
  pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
} as const;

/** `from` and `to` days (in the zone's time zone, `to` inclusive). */
export const period = { from: day, to: day } as const;

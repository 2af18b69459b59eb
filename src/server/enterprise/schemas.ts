/**
 * @module server/enterprise/schemas
 * JSON schemas of the enterprise API and the back office's enterprise routes. Replies keep
 * properties they do not list, so that a field added in storage is not dropped on the way out.
 */
import { ENTERPRISE_STATUSES } from '../../storage/index.js';

const str = { type: 'string' } as const;
const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', additionalProperties: true, properties, required });

export const enterpriseSchema = obj(
  {
    id: str,
    creditCode: { type: 'string', description: '统一社会信用代码' },
    name: str,
    status: { type: 'string', enum: [...ENTERPRISE_STATUSES] },
    statusLabel: { type: 'string', description: '待审核 / 已启用 / 已停用' },
    contactName: str,
    contactPhone: str,
    createdBy: { type: 'string', description: '`self` (registered in the portal), `oidc`, or the staff account' },
    createdAt: str,
    updatedAt: str,
    reviewedBy: str,
    reviewedAt: str,
  },
  ['id', 'creditCode', 'name', 'status'],
);

export const enterpriseUserSchema = obj(
  {
    id: str,
    enterpriseId: str,
    username: str,
    displayName: str,
    login: { type: 'string', enum: ['password', 'oidc', 'password+oidc'] },
    disabled: { type: 'boolean' },
    createdAt: str,
  },
  ['id', 'enterpriseId', 'login'],
);

const factSchema = obj(
  {
    key: { type: 'string', description: '`employees`, `revenue.2023`, `ip.inventionPatents`, `qualifications` …' },
    label: { type: 'string', description: 'Its Chinese name' },
    value: {},
    source: { type: 'string', enum: ['self-declared', 'verified'] },
    note: str,
    verifiedBy: str,
    verifiedAt: str,
    version: { type: 'integer' },
    updatedBy: str,
    updatedAt: str,
  },
  ['key', 'label', 'value', 'source', 'version'],
);

export const profileViewSchema = obj(
  {
    profile: { type: 'object', additionalProperties: true, description: 'The profile as docs/ENTERPRISE.md describes it, each fact with its source' },
    facts: { type: 'array', items: factSchema },
  },
  ['profile', 'facts'],
);

export const factVersionSchema = obj(
  {
    key: str,
    label: str,
    version: { type: 'integer' },
    change: { type: 'string', enum: ['set', 'removed', 'verified'] },
    value: {},
    source: str,
    note: str,
    verifiedBy: str,
    verifiedAt: str,
    changedBy: str,
    changedAt: str,
  },
  ['key', 'version', 'change', 'changedBy', 'changedAt'],
);

export const historyQuery = {
  type: 'object',
  properties: {
    fact: { type: 'string', pattern: '^[A-Za-z0-9.]{1,60}$', description: 'One fact or group (`revenue` includes every year)' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  },
} as const;

export const creditCodeField = { type: 'string', minLength: 1, maxLength: 40 } as const;
export const usernameField = { type: 'string', minLength: 1, maxLength: 64 } as const;
export const passwordField = { type: 'string', minLength: 1, maxLength: 1024 } as const;

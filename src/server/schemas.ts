/**
 * @module server/schemas
 * JSON schemas shared by the routes: Fastify validates requests and serialises replies with them,
 * and /api/docs is generated from them. Objects that the engine may grow keep extra properties.
 */
import { ANSWER_TYPES } from '../answering/answer.js';
import { ITEM_KINDS } from '../knowledge/index.js';

/** The longest question accepted; a spoken or typed question is far shorter. */
export const MAX_MESSAGE_CHARS = 500;
export const MAX_COMMENT_CHARS = 500;

/** The largest PostgreSQL `integer`: the bound of every whole-number parameter that reaches SQL. */
export const PG_INTEGER_MAX = 2_147_483_647;

/** Session and turn ids: what `randomUUID` makes, and what a zone's own system may choose. */
export const ID_PATTERN = '^[\\w.:-]{1,100}$';

/** A calendar day. */
export const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** How a pattern is said in an error message, by pattern. */
export const PATTERN_WORDS: Record<string, string> = {
  [ID_PATTERN]: 'must be 1–100 letters, digits, or . _ : -',
  [DAY_PATTERN]: 'must be a date written YYYY-MM-DD',
};

export const errorSchema = {
  type: 'object',
  properties: { error: { type: 'string', description: 'What is wrong, naming the field at fault' } },
  required: ['error'],
} as const;

export const citationSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    kind: { type: 'string', enum: [...ITEM_KINDS] },
    validUntil: { type: 'string', description: 'Last valid day of a policy, YYYY-MM-DD' },
  },
  required: ['id', 'title', 'kind'],
} as const;

export const answerSchema = {
  type: 'object',
  additionalProperties: true,
  description: 'Exactly what `xiaoxin ask --json` prints; the text is quoted from the cited items, never generated.',
  properties: {
    text: { type: 'string' },
    type: { type: 'string', enum: [...ANSWER_TYPES] },
    citations: { type: 'array', items: citationSchema },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    suggestions: { type: 'array', items: { type: 'string' } },
    field: { type: 'string', description: 'For guide-field: the guide field asked for (materials, place, hours, subsidy, …; overview for the guide as a whole)' },
    missingField: {
      type: 'string',
      description: 'For guide-field: the field asked for, when the guide does not state it (the text says so and gives a phone)',
    },
    choices: { type: 'array', items: citationSchema, description: 'For clarify: the candidates, in order' },
    eligibility: {
      type: 'object',
      additionalProperties: true,
      description: 'For eligibility: the dialogue turn — stage asking (question, factKey) or verdict (verdict, conditions, reasons, guide); docs/ENTERPRISE-API.md',
    },
    directory: {
      type: 'array',
      description: 'For directory: the 七找 entries found (id, kind, kindLabel, name, type, summary, facts [{label, value}], policyIds), in order',
      items: { type: 'object', additionalProperties: true },
    },
  },
  required: ['text', 'type', 'citations', 'confidence', 'suggestions'],
} as const;

/** The error replies a route can give, for the documentation (and serialisation). */
export function errorReplies(...statuses: number[]): Record<number, typeof errorSchema> {
  return Object.fromEntries(statuses.map((status) => [status, errorSchema]));
}

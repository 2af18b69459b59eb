/**
 * @module enterprise/rules/schema
 * Eligibility rules as data: the shape of a rule file (YAML in resources/rules/), validated with
 * zod so a bad file is refused with the field at fault. Two kinds:
 * - `eligibility`: a condition tree (all / any / not, comparisons over facts and derived facts,
 *   banded score tables) and a benefit whose amount may be computed;
 * - `classification`: ordered classes per industry (e.g. 中小企业划型: 大型 → 中型 → 小型 → 微型),
 *   the first class whose test is met is the enterprise's.
 * docs/ENTERPRISE.md describes the format with examples.
 */
import { z } from 'zod';
import { HONOUR_KINDS, INCIDENT_KINDS, QUALIFICATION_KINDS } from '../profile.js';
import { PROFILE_FIELDS, type FactKey } from '../profile-fields.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '须为 YYYY-MM-DD 格式的日期')
  // Date.parse rolls 2023-02-30 over to March; a real date survives the round trip.
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), '不是真实存在的日期');
const ruleId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '只能由小写字母、数字和连字符组成');
const text = z.string().trim().min(1, '不能为空');

const FACT_KEYS = Object.keys(PROFILE_FIELDS) as [FactKey, ...FactKey[]];
const YEARLY_KEYS = FACT_KEYS.filter((k) => PROFILE_FIELDS[k].yearly) as [FactKey, ...FactKey[]];
const DATE_KEYS = FACT_KEYS.filter((k) => PROFILE_FIELDS[k].unit === 'date') as [FactKey, ...FactKey[]];
const factKey = z.enum(FACT_KEYS);
const yearlyKey = z.enum(YEARLY_KEYS);
/** A year relative to the as-of date's year: -1 is the last full year (上年度), -2 the one before. */
const relativeYear = z.number().int().max(0, '须为 0 或负数（评估年度之前的第几年）');

// ── Values: what a condition compares ─────────────────────────────────────────────────────────
export type ValueExpr =
  | { fact: FactKey; year?: number }
  | { sum: FactKey; years: number; sinceRegistration?: boolean }
  | { mean: FactKey; years: number }
  | { change: FactKey }
  | { ratio: { of: ValueExpr; to: ValueExpr } }
  | { yearsSince: FactKey }
  | { ip: 'I' | 'II' | 'any' }
  | { qualification: (typeof QUALIFICATION_KINDS)[number]; measure: 'valid' | 'count'; withinYears?: number; calendarYears?: number }
  | { honours: Array<(typeof HONOUR_KINDS)[number]>; withinYears?: number; maxRank?: number }
  | { incidents: Array<(typeof INCIDENT_KINDS)[number]>; withinYears?: number; calendarYears?: number }
  | { classOf: string };

export const valueSchema: z.ZodType<ValueExpr> = z.lazy(() =>
  z.union([
    z.strictObject({ fact: factKey, year: relativeYear.optional() }),
    z.strictObject({ sum: yearlyKey, years: z.number().int().min(1).max(10), sinceRegistration: z.boolean().optional() }),
    z.strictObject({ mean: yearlyKey, years: z.number().int().min(1).max(10) }),
    z.strictObject({ change: yearlyKey }),
    z.strictObject({ ratio: z.strictObject({ of: valueSchema, to: valueSchema }) }),
    z.strictObject({ yearsSince: z.enum(DATE_KEYS) }),
    z.strictObject({ ip: z.enum(['I', 'II', 'any']) }),
    z.strictObject({
      qualification: z.enum(QUALIFICATION_KINDS),
      /** valid: held and in force on the as-of date; count: certificates issued (within the window, if one is given) */
      measure: z.enum(['valid', 'count']),
      withinYears: z.number().positive().optional(),
      calendarYears: z.number().int().min(1).optional(),
    }),
    z.strictObject({ honours: z.array(z.enum(HONOUR_KINDS)).min(1), withinYears: z.number().positive().optional(), maxRank: z.number().int().min(1).optional() }),
    z.strictObject({
      incidents: z.array(z.enum(INCIDENT_KINDS)).min(1),
      /** rolling window: the N years before the as-of date */
      withinYears: z.number().positive().optional(),
      /** calendar window: this year and the N-1 before (上一年及当年 = 2) */
      calendarYears: z.number().int().min(1).optional(),
    }),
    z.strictObject({ classOf: ruleId }),
  ]),
);

// ── Bands: first band whose bounds hold wins; a band without bounds catches the rest ───────────
const bounds = {
  /** ≥ */ from: z.number().optional(),
  /** > */ above: z.number().optional(),
  /** ≤ */ upTo: z.number().optional(),
  /** < */ under: z.number().optional(),
};
export type Bounds = { from?: number; above?: number; upTo?: number; under?: number };

const thresholdBand = z.strictObject({ ...bounds, value: z.number() });
export type BandedThreshold = { by: ValueExpr; bands: Array<Bounds & { value: number }> };
const bandedThreshold: z.ZodType<BandedThreshold> = z.strictObject({ by: valueSchema, bands: z.array(thresholdBand).min(1) });
const numberThreshold = z.union([z.number(), bandedThreshold]);

// ── Conditions ─────────────────────────────────────────────────────────────────────────────────
interface NodeBase { id?: string; label?: string; article?: string }
export type Comparison = NodeBase & {
  value: ValueExpr;
  atLeast?: number | BandedThreshold;
  above?: number | BandedThreshold;
  atMost?: number | BandedThreshold;
  below?: number | BandedThreshold;
  equals?: number | boolean | string;
  oneOf?: string[];
};
export type ScoreBand = Bounds & { points: number };
export type ScoreOption = { label?: string; value: ValueExpr; bands: ScoreBand[] };
export type ScoreItem = { id: string; label: string; value?: ValueExpr; bands?: ScoreBand[]; bestOf?: ScoreOption[] };
export type ScoreTable = NodeBase & { score: ScoreItem[]; atLeast: number; nonZero?: string[] };
export type ConditionNode =
  | (NodeBase & { all: ConditionNode[] })
  | (NodeBase & { any: ConditionNode[] })
  | (NodeBase & { not: ConditionNode })
  | Comparison
  | ScoreTable;

const base = { id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '只能由小写字母、数字和连字符组成').optional(), label: text.optional(), article: text.optional() };

const scoreBand = z.strictObject({ ...bounds, points: z.number() });
const scoreOption = z.strictObject({ label: text.optional(), value: valueSchema, bands: z.array(scoreBand).min(1) });
const scoreItem = z
  .strictObject({ id: z.string().min(1), label: text, value: valueSchema.optional(), bands: z.array(scoreBand).min(1).optional(), bestOf: z.array(scoreOption).min(2).optional() })
  .refine((item) => (item.bestOf !== undefined) !== (item.value !== undefined && item.bands !== undefined), '须写 value 与 bands，或者写 bestOf（二选一）');

const OPERATORS = ['atLeast', 'above', 'atMost', 'below', 'equals', 'oneOf'] as const;
const comparison = z
  .strictObject({
    ...base,
    value: valueSchema,
    atLeast: numberThreshold.optional(),
    above: numberThreshold.optional(),
    atMost: numberThreshold.optional(),
    below: numberThreshold.optional(),
    equals: z.union([z.number(), z.boolean(), z.string()]).optional(),
    oneOf: z.array(z.string()).min(1).optional(),
  })
  .refine((c) => OPERATORS.filter((op) => c[op] !== undefined).length === 1, 'atLeast、above、atMost、below、equals、oneOf 须恰好写一个');

export const conditionSchema: z.ZodType<ConditionNode> = z.lazy(() =>
  z.union([
    z.strictObject({ ...base, all: z.array(conditionSchema).min(1) }),
    z.strictObject({ ...base, any: z.array(conditionSchema).min(1) }),
    z.strictObject({ ...base, not: conditionSchema }),
    z.strictObject({ ...base, score: z.array(scoreItem).min(1), atLeast: z.number(), nonZero: z.array(z.string()).optional() }),
    comparison,
  ]),
);

// ── Benefit ────────────────────────────────────────────────────────────────────────────────────
export type AmountRule =
  | { fixed: number }
  | { cases: Array<{ label: string; when?: ConditionNode; amount: number }> }
  | { percentOf: ValueExpr; rate: number; cap?: number }
  | { by: ValueExpr; bands: Array<Bounds & { amount: number }> };

const amountRule: z.ZodType<AmountRule> = z.union([
  z.strictObject({ fixed: z.number().min(0) }),
  z.strictObject({ cases: z.array(z.strictObject({ label: text, when: conditionSchema.optional(), amount: z.number().min(0) })).min(1) }),
  z.strictObject({ percentOf: valueSchema, rate: z.number().positive().max(1), cap: z.number().positive().optional() }),
  z.strictObject({ by: valueSchema, bands: z.array(z.strictObject({ ...bounds, amount: z.number().min(0) })).min(1) }),
]);

const legalReference = z.strictObject({
  title: text,
  /** 文号 */
  docNumber: text.optional(),
  issuer: text.optional(),
  articles: text.optional(),
});

const common = {
  id: ruleId,
  name: text,
  /** other names people use for it in questions (高企, 科小): the chat recognises “能不能评科小” by them */
  aliases: z.array(text).max(20).optional(),
  /** what the enterprise gets: a qualification, an award … (shown with the verdict) */
  summary: text.optional(),
  level: z.enum(['national', 'provincial', 'city', 'zone']),
  legalBasis: z.array(legalReference).min(1),
  validFrom: isoDate,
  validTo: isoDate.optional(),
  /** the demo knowledge base's guide to apply with */
  guide: z.string().optional(),
  applicationPeriod: text.optional(),
};

export const eligibilityRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('eligibility').default('eligibility'),
  when: conditionSchema,
  benefit: z.strictObject({ text, amount: amountRule.optional() }).optional(),
});

const industryTable = z.strictObject({
  name: text,
  /** GB/T 4754 sections (门类 letters) and/or divisions (大类, two digits) this table covers */
  sections: z.array(z.string().regex(/^[A-T]$/)).optional(),
  divisions: z.array(z.string().regex(/^\d{2}$/)).optional(),
  classes: z.array(z.strictObject({ label: text, when: conditionSchema.optional() })).min(1),
});

export const classificationRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('classification'),
  industries: z.array(industryTable).min(1),
  /** the classes that count as eligible (e.g. 中型, 小型, 微型 for “is an SME”) */
  eligibleClasses: z.array(text).min(1),
});

export const ruleSchema = z.union([classificationRuleSchema, eligibilityRuleSchema]);
export type EligibilityRule = z.output<typeof eligibilityRuleSchema>;
export type ClassificationRule = z.output<typeof classificationRuleSchema>;
export type Rule = EligibilityRule | ClassificationRule;
export type IndustryTable = z.output<typeof industryTable>;

/**
 * @module enterprise/profile
 * An enterprise's facts (企业画像) that eligibility rules read, validated with zod. Every fact is
 * optional — a fact not given is unknown, never zero — and carries its source: declared by the
 * enterprise or verified by staff. Money is in 万元 (ten thousand yuan), as enterprises and the
 * published criteria state it; yearly facts are keyed by the calendar (fiscal) year.
 *
 * A fact is written in full (`{ value: 45, source: verified }`) or as its bare value (`45`),
 * which counts as self-declared. Labels and plain-word explanations are in profile-fields.ts.
 */
import { z } from 'zod';
import { creditCodeProblem } from './credit-code.js';
import { parseIndustryCode } from './industry.js';

export const FACT_SOURCES = ['self-declared', 'verified'] as const;
export type FactSource = (typeof FACT_SOURCES)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  // Date.parse rolls 2023-02-30 over to March; a real date survives the round trip.
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), 'is not a real calendar date');

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A fact: its value and where it came from; a bare value is self-declared. */
function fact<T extends z.ZodType>(value: T) {
  return z.preprocess(
    (input) => (isPlainObject(input) && 'value' in input ? input : { value: input }),
    z.strictObject({
      value,
      source: z.enum(FACT_SOURCES).default('self-declared'),
      /** who verified it, or where it was read (a tax return, the business licence) */
      note: z.string().optional(),
    }),
  );
}

const money = z.number().finite().min(0, 'must not be negative');
const count = z.number().int('must be a whole number').min(0, 'must not be negative');
const score = z.number().min(0).max(100, 'must be at most 100');
const yearKey = z.string().regex(/^\d{4}$/, 'must be a year written YYYY');
/** A fact by year, e.g. `revenue: { 2023: 3200, 2024: 4100 }`. */
const yearly = <T extends z.ZodType>(value: T) => z.record(yearKey, fact(value));

const creditCode = z.string().trim().superRefine((code, ctx) => {
  const problem = creditCodeProblem(code);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const industryCode = z.string().refine((code) => parseIndustryCode(code) !== undefined, 'must be a GB/T 4754-2017 industry code such as I6513 or C3911');

export const QUALIFICATION_KINDS = ['high-tech', 'tech-sme', 'innovative-sme', 'srdi-sme', 'little-giant'] as const;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];

export const HONOUR_KINDS = [
  'national-st-award', 'provincial-st-award',
  'rd-institution-national', 'rd-institution-provincial', 'rd-institution-city',
  'standard-international', 'standard-national', 'standard-industry',
  'maker-china-500',
] as const;
export type HonourKind = (typeof HONOUR_KINDS)[number];

export const INCIDENT_KINDS = [
  'major-safety', 'major-quality', 'serious-environmental', 'cyber-data-security',
  'research-misconduct', 'tax-violation', 'abnormal-operations-list', 'serious-dishonesty-list',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

const source = z.enum(FACT_SOURCES).default('self-declared');

const qualification = z.strictObject({
  kind: z.enum(QUALIFICATION_KINDS),
  /** 证书编号 / 入库登记编号 */
  number: z.string().optional(),
  issuedOn: isoDate,
  /** When not given, the kind's usual term applies (profile-fields.ts, QUALIFICATION_TERMS). */
  expiresOn: isoDate.optional(),
  source,
});

const honour = z.strictObject({
  kind: z.enum(HONOUR_KINDS),
  date: isoDate,
  /** rank among the award's units (获奖单位排名), for awards */
  rank: z.number().int().min(1).optional(),
  name: z.string().optional(),
  source,
});

const incident = z.strictObject({
  kind: z.enum(INCIDENT_KINDS),
  date: isoDate,
  note: z.string().optional(),
  source,
});

/** Intellectual property owned and in force, by type (知识产权). Class I / II as the 工作指引 sorts them. */
const intellectualProperty = z.strictObject({
  inventionPatents: fact(count).optional(),
  plantVarieties: fact(count).optional(),
  icLayouts: fact(count).optional(),
  newDrugs: fact(count).optional(),
  tcmProtectedVarieties: fact(count).optional(),
  utilityModels: fact(count).optional(),
  designPatents: fact(count).optional(),
  softwareCopyrights: fact(count).optional(),
});

export const profileSchema = z.strictObject({
  name: z.string().trim().min(1).optional(),
  creditCode: fact(creditCode).optional(),
  registrationDate: fact(isoDate).optional(),
  registeredInZone: fact(z.boolean()).optional(),
  industryCode: fact(industryCode).optional(),
  employees: fact(count).optional(),
  stStaff: fact(count).optional(),
  revenue: yearly(money).optional(),
  totalAssets: yearly(money).optional(),
  costsAndExpenses: yearly(money).optional(),
  rdExpenses: yearly(money).optional(),
  rdExpensesDomestic: yearly(money).optional(),
  highTechRevenue: yearly(money).optional(),
  equityFinancing: yearly(money).optional(),
  rdSuperDeduction: yearly(z.boolean()).optional(),
  nicheMarketSince: fact(isoDate).optional(),
  coreTechInSupportedField: fact(z.boolean()).optional(),
  productsNotRestricted: fact(z.boolean()).optional(),
  innovationScore: fact(score).optional(),
  srdiScore: fact(score).optional(),
  ip: intellectualProperty.optional(),
  /** Absent: unknown. An empty list: none held. */
  qualifications: z.array(qualification).optional(),
  honours: z.array(honour).optional(),
  incidents: z.array(incident).optional(),
});

export type EnterpriseProfile = z.output<typeof profileSchema>;
export type Fact<T> = { value: T; source: FactSource; note?: string };
export type Qualification = z.output<typeof qualification>;
export type Honour = z.output<typeof honour>;
export type Incident = z.output<typeof incident>;
export type IpType = keyof z.output<typeof intellectualProperty>;

export type ProfileValidation = { ok: true; profile: EnterpriseProfile } | { ok: false; errors: string[] };

/** Validates a profile; each error names the field (`revenue.2023.value: must not be negative`). */
export function validateProfile(input: unknown): ProfileValidation {
  const parsed = profileSchema.safeParse(input);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(profile)'}: ${issue.message}`) };
}

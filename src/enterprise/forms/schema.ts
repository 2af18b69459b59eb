/**
 * @module enterprise/forms/schema
 * Form templates as data (resources/forms/*.yaml), validated with zod like the rules: a form has
 * sections of fields laid out as on the official form; each field has the official label, a type,
 * validation, and where its value comes from — a profile fact, a value the rules derive (近三年研发
 * 费用合计, a ratio), a constant, or a question asked in conversation. docs/ENTERPRISE.md, "Forms".
 */
import { z } from 'zod';
import { QUALIFICATION_KINDS } from '../profile.js';
import { IP_TYPES, PROFILE_FIELDS } from '../profile-fields.js';
import { flattenIssues } from '../rules/issues.js';
import { valueSchema } from '../rules/schema.js';

const text = z.string().trim().min(1, 'must not be empty');
const id = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_-]*$/, 'must hold only letters, digits, _ and -');
const relativeYear = z.number().int().max(0, 'must be 0 or negative (years before the as-of year)');

/** Profile paths a field may read: the enterprise's name, every fact, and `ip.<type>` counts. */
export const PROFILE_PATHS = ['name', ...Object.keys(PROFILE_FIELDS), ...Object.keys(IP_TYPES).map((t) => `ip.${t}`)] as [string, ...string[]];

const question = text.refine((q) => /[？?]$/.test(q), 'must be a question ending with ？');

export const sourceSchema = z.union([
  /** a profile fact; a yearly fact takes `year` (relative, -1 = 上年度) or, in a year table, the row's year */
  z.strictObject({ fact: z.enum(PROFILE_PATHS), year: relativeYear.optional() }),
  /** a value as the rules compute it: sums, ratios, IP by class … (rules/schema.ts) */
  z.strictObject({ derived: valueSchema }),
  /** the latest certificate of a kind the enterprise holds: its number or dates */
  z.strictObject({ qualification: z.enum(QUALIFICATION_KINDS), field: z.enum(['number', 'issuedOn', 'expiresOn']) }),
  /** the amount (万元) an eligibility rule computes for the enterprise, e.g. a subsidy applied for */
  z.strictObject({ benefit: z.string().regex(/^[a-z0-9][a-z0-9-]*$/) }),
  /** today's date (the as-of date): 填报日期 */
  z.strictObject({ today: z.literal(true) }),
  z.strictObject({ const: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]) }),
  /** nothing to read it from: asked in conversation with this plain question */
  z.strictObject({ ask: question }),
]);
export type FieldSource = z.output<typeof sourceSchema>;

export const FIELD_FORMATS = ['credit-code', 'id-card', 'mobile', 'phone', 'email', 'postcode'] as const;
export type FieldFormat = (typeof FIELD_FORMATS)[number];

/** What every value-holding field and table column shares. */
const valueRules = {
  /** default true: a required field left empty keeps the form incomplete */
  required: z.boolean().default(true),
  /** shown after the label: （万元）, （人）, （%） */
  unit: text.optional(),
  integer: z.boolean().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  maxLength: z.number().int().positive().optional(),
  pattern: z.strictObject({ regex: text, message: text }).optional(),
  format: z.enum(FIELD_FORMATS).optional(),
  options: z.array(text).min(2).optional(),
  /** words people use for an option: { 高企奖励: 高新技术企业认定奖励 } */
  aliases: z.record(z.string(), text).optional(),
  /** a choice field where several options may be ticked (申报项目) */
  multiple: z.boolean().optional(),
  /** asked when the source has no value (defaults to a question made from the label) */
  question: question.optional(),
  /** a plain-word explanation for the person filling in */
  hint: text.optional(),
};

const VALUE_TYPES = ['text', 'date', 'number', 'choice', 'checkbox'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

function checkValueRules(field: { type: ValueType; options?: string[]; aliases?: Record<string, string>; pattern?: { regex: string } }, ctx: z.RefinementCtx): void {
  if (field.type === 'choice' && !field.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice field needs options' });
  if (field.type !== 'choice' && field.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'only a choice field has options' });
  for (const [word, option] of Object.entries(field.aliases ?? {})) if (!field.options?.includes(option)) ctx.addIssue({ code: 'custom', path: ['aliases', word], message: `${option} is not one of the options` });
  if (field.pattern) {
    try {
      new RegExp(field.pattern.regex, 'u');
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['pattern', 'regex'], message: `not a valid regular expression: ${(error as Error).message}` });
    }
  }
}

const columnSchema = z
  .strictObject({ id, label: text, type: z.enum(VALUE_TYPES).default('number'), source: sourceSchema.optional(), ...valueRules })
  .superRefine(checkValueRules);
export type FormColumn = z.output<typeof columnSchema>;

const fixedRow = z.strictObject({
  id,
  label: text,
  /** per column id, where this row's cell comes from (a column's own source applies otherwise) */
  cells: z.record(z.string(), sourceSchema).optional(),
});
export type FixedRow = z.output<typeof fixedRow>;

const valueField = z
  .strictObject({
    id,
    label: text,
    type: z.enum(VALUE_TYPES),
    source: sourceSchema,
    /** takes a whole row of the section's grid (label + the three other cells) */
    wide: z.boolean().optional(),
    ...valueRules,
  })
  .superRefine(checkValueRules);
export type ValueField = z.output<typeof valueField>;

const tableField = z.strictObject({
  id,
  label: text,
  type: z.literal('table'),
  /** the last N full years before the as-of year (近三年), or fixed rows (知识产权类别) */
  rows: z.union([z.strictObject({ lastYears: z.number().int().min(1).max(10) }), z.array(fixedRow).min(1)]),
  /** the heading of the row-label column: 年度, 类别 */
  rowHeader: text,
  columns: z.array(columnSchema).min(1),
  /** unit for the whole table: （单位：万元） */
  unit: text.optional(),
  hint: text.optional(),
});
export type TableField = z.output<typeof tableField>;

export type FormField = ValueField | TableField;
// Dispatch on `type` so a table's problems are not drowned in the value field's (and vice versa).
const fieldSchema: z.ZodType<FormField> = z.custom<unknown>().transform((input, ctx) => {
  const isTable = typeof input === 'object' && input !== null && (input as { type?: unknown }).type === 'table';
  const parsed = (isTable ? tableField : valueField).safeParse(input);
  if (parsed.success) return parsed.data as FormField;
  // unions (a source is one of several shapes) are reduced to the shape the author meant first
  for (const issue of flattenIssues(parsed.error.issues)) ctx.addIssue({ code: 'custom', path: issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)), message: issue.message });
  return z.NEVER;
});

export const formSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens'),
  title: text,
  /** a line under the title: the part of the form this is (企业基本信息) */
  subtitle: text.optional(),
  /** who publishes the form (科学技术部 财政部 国家税务总局 制) */
  issuer: text.optional(),
  /** the legal text the form belongs to */
  reference: text.optional(),
  audience: z.enum(['enterprise', 'individual']),
  /** eligibility rule this form applies for (resources/rules) */
  rule: z.string().optional(),
  /** a line above the first section (填报说明) */
  instructions: text.optional(),
  sections: z.array(z.strictObject({ title: text, fields: z.array(fieldSchema).min(1) })).min(1),
  /** the declaration and signature lines at the end, one paragraph each (leading 全角 spaces kept: they place 年 月 日) */
  footer: z.array(z.string().min(1)).optional(),
});
export type FormTemplate = z.output<typeof formSchema>;

export function isTable(field: FormField): field is TableField {
  return field.type === 'table';
}

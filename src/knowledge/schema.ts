/**
 * @module knowledge/schema
 * The knowledge model: the four kinds of item a zone's knowledge base holds, validated at the
 * boundary with zod so that every error names the field that is wrong.
 */
import { z } from 'zod';

export const ITEM_KINDS = ['policy', 'guide', 'faq', 'article'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const AUDIENCES = ['enterprise', 'individual'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const POLICY_LEVELS = ['national', 'provincial', 'city', 'zone'] as const;

/** A calendar date as `YYYY-MM-DD` (policies are dated by day, not by instant). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real calendar date');

/** Ids are kept exactly as given at import, so they must survive URLs and file names. */
const itemId = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[^\s/\\?#]+$/, 'must not contain spaces, slashes, ? or #');

const text = z.string().trim();
const optionalText = z.string().trim().optional();

const base = {
  id: itemId,
  title: text.min(1, 'must not be empty'),
  // Indexed in the database, whose index entries hold at most 2704 bytes (about 900 Chinese
  // characters); a category is a short label, and the back office's filter takes 100 characters.
  category: z.string().trim().max(100, 'must be at most 100 characters').optional(),
  tags: z.array(text).default([]),
  audience: z.array(z.enum(AUDIENCES)).default([]),
  createdAt: z.string().datetime({ offset: true }).optional(),
  updatedAt: z.string().datetime({ offset: true }).optional(),
  /** Where the item came from (a file name, a URL); shown with citations. */
  source: optionalText,
};

export const policySchema = z.object({
  ...base,
  kind: z.literal('policy'),
  issuer: optionalText,
  /** 文号, e.g. 国办发〔2024〕12号 */
  docNumber: optionalText,
  issueDate: isoDate.optional(),
  effectiveDate: isoDate.optional(),
  expiryDate: isoDate.optional(),
  level: z.enum(POLICY_LEVELS).optional(),
  text: text.min(1, 'must not be empty'),
  /** 政策解读: the plain-language interpretation published alongside the policy. */
  interpretation: optionalText,
});

export const materialSchema = z.object({
  name: text.min(1, 'must not be empty'),
  /** 原件 / 复印件 / 原件及复印件 / 电子版 … as the guide states it. */
  form: optionalText,
  copies: z.number().int().positive().optional(),
  notes: optionalText,
});

export const guideSchema = z.object({
  ...base,
  kind: z.literal('guide'),
  /** `title` is the item name (事项名称); the department that handles it: */
  department: optionalText,
  /** 服务对象: who the item is for, in words. */
  servedParty: optionalText,
  conditions: z.array(text).default([]),
  materials: z.array(materialSchema).default([]),
  steps: z.array(text).default([]),
  /** 法定办结时限 */
  statutoryTimeLimit: optionalText,
  /** 承诺办结时限 */
  promisedTimeLimit: optionalText,
  fee: optionalText,
  place: optionalText,
  hours: optionalText,
  phone: optionalText,
  onlineUrl: optionalText,
  legalBasis: z.array(text).default([]),
  /** 事项类型: 行政许可, 行政确认, 公共服务, 行政给付 … as the guide states it. */
  itemType: optionalText,
  /** 补贴/奖励标准: the amount a subsidy or award item pays (never the fee, which is `fee`). */
  subsidy: optionalText,
  /** 申报时间: when applications are taken (a yearly window, 常年受理). */
  applicationPeriod: optionalText,
  /** 到现场次数 (跑动次数): how many times the applicant must come in person. */
  visits: optionalText,
  /** 办理结果: what the applicant gets (a licence, a certificate, a payment). */
  result: optionalText,
  /** 监督投诉电话: where to complain, as distinct from the enquiry `phone`. */
  complaintPhone: optionalText,
  /** Free text that fits no field (notes, FAQs printed with the guide). */
  notes: optionalText,
  reviewDate: isoDate.optional(),
});

export const faqSchema = z.object({
  ...base,
  kind: z.literal('faq'),
  /** `title` is the standard question. */
  similarQuestions: z.array(text).default([]),
  answer: text.min(1, 'must not be empty'),
  /** Ids of related items (a guide the answer refers to, a policy it quotes). */
  links: z.array(itemId).default([]),
  reviewDate: isoDate.optional(),
});

export const articleSchema = z.object({
  ...base,
  kind: z.literal('article'),
  date: isoDate.optional(),
  text: text.min(1, 'must not be empty'),
});

export const itemSchema = z.discriminatedUnion('kind', [policySchema, guideSchema, faqSchema, articleSchema]);

export type Policy = z.infer<typeof policySchema>;
export type Guide = z.infer<typeof guideSchema>;
export type Material = z.infer<typeof materialSchema>;
export type Faq = z.infer<typeof faqSchema>;
export type Article = z.infer<typeof articleSchema>;
export type Item = z.infer<typeof itemSchema>;
/** What importers hand over before validation fills defaults. */
export type ItemInput = z.input<typeof itemSchema>;

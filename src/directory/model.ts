/**
 * @module directory/model
 * The 七找 directory's entries (issue #12): 找政府 (government), 找资金 (fund), 找服务 (service),
 * 找市场 (market), 找人才 (talent), 找厂房 (space). 找政策 is the knowledge base itself: an entry
 * links to policy items by id (`policyIds`) rather than copying them. Validated with zod; money in
 * 万元, areas in m², floor loads in kN/m², rents in 元/m²/月.
 */
import { z } from 'zod';

export const DIRECTORY_KINDS = ['government', 'fund', 'service', 'market', 'talent', 'space'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

export const DIRECTORY_KIND_LABELS: Record<DirectoryKind, string> = {
  government: '找政府',
  fund: '找资金',
  service: '找服务',
  market: '找市场',
  talent: '找人才',
  space: '找厂房',
};

/** The usual `type` of each kind, offered by the back office's form (others may be typed in). */
export const DIRECTORY_TYPES: Record<DirectoryKind, readonly string[]> = {
  government: ['部门', '窗口', '服务站'],
  fund: ['专项资金', '贷款贴息', '融资担保', '股权投资基金', '科技贷款', '风险补偿'],
  service: ['知识产权代理', '财税', '法律', '检验检测', '人力资源', '科技咨询', '技术转移', '认证'],
  market: ['供应', '需求'],
  talent: ['人才计划', '招聘'],
  space: ['厂房', '写字楼', '仓库', '孵化器'],
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const date = z.string().refine(isRealDate, { message: 'must be a date written YYYY-MM-DD' });
const text = (max: number) => z.string().trim().min(1).max(max);
const amount = z.number().finite().nonnegative().max(1e7);
const list = (max: number, each = 200) => z.array(text(each)).max(max);

const contactSchema = z
  .object({
    name: text(50).optional(),
    phone: text(40).optional(),
    email: text(100).optional(),
  })
  .strict();

/** What every entry has. */
const common = {
  /** Lower-case letters, digits and `-` (made from the kind and a counter when not given). */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'must be an id of lower-case letters, digits and -' }),
  name: text(120),
  /** The sort within the kind: 知识产权代理, 贷款贴息, 厂房, 招聘 … */
  type: text(40),
  summary: text(2000).optional(),
  /** The zone or area it is in (星河高新区, 东区, 光谷片区). */
  district: text(60).optional(),
  address: text(200).optional(),
  contact: contactSchema.optional(),
  tags: list(20, 30).optional(),
  /** Knowledge-base items (policies, guides) this entry belongs with: 找政策 links, never copies. */
  policyIds: z.array(z.string().min(1).max(200)).max(20).optional(),
  url: z.string().max(500).regex(/^https?:\/\//, { message: 'must start with http:// or https://' }).optional(),
};

export const governmentEntrySchema = z
  .object({
    ...common,
    kind: z.literal('government'),
    /** The department a window belongs to. */
    department: text(60).optional(),
    hours: text(200).optional(),
    phone: text(40).optional(),
    /** What it handles, one matter a line. */
    handles: list(50).optional(),
  })
  .strict();

export const fundEntrySchema = z
  .object({
    ...common,
    kind: z.literal('fund'),
    /** 万元; either may be left out (up to, from). */
    amountMin: amount.optional(),
    amountMax: amount.optional(),
    /** An interest subsidy's or a loan's rate, as written (贴息50%, LPR). */
    rate: text(100).optional(),
    conditions: list(30, 500).optional(),
    provider: text(100).optional(),
  })
  .strict()
  .refine((f) => f.amountMin === undefined || f.amountMax === undefined || f.amountMin <= f.amountMax, {
    message: 'amountMin must not be above amountMax',
    path: ['amountMin'],
  });

export const serviceEntrySchema = z
  .object({
    ...common,
    kind: z.literal('service'),
    /** What it offers, one service a line (专利申请, 商标注册 …). */
    services: list(30).optional(),
    qualifications: list(20).optional(),
  })
  .strict();

export const MARKET_DIRECTIONS = ['supply', 'demand'] as const;

export const marketEntrySchema = z
  .object({
    ...common,
    kind: z.literal('market'),
    direction: z.enum(MARKET_DIRECTIONS),
    /** The posting enterprise's name, shown with the post. */
    enterpriseName: text(120).optional(),
    quantity: text(100).optional(),
    /** The last day the post is shown (zone-local). */
    expiresOn: date,
  })
  .strict();

export const talentEntrySchema = z
  .object({
    ...common,
    kind: z.literal('talent'),
    employer: text(120).optional(),
    /** 元/月, as a range when it is one. */
    salaryMin: amount.optional(),
    salaryMax: amount.optional(),
    positions: z.number().int().positive().max(10000).optional(),
    requirements: list(20, 500).optional(),
    /** For a programme: what it gives (安家补贴 …). */
    support: list(20, 500).optional(),
    expiresOn: date.optional(),
  })
  .strict();

export const spaceEntrySchema = z
  .object({
    ...common,
    kind: z.literal('space'),
    building: text(100),
    unit: text(60).optional(),
    areaM2: z.number().finite().positive().max(1e6),
    /** 1 for the ground floor; “1-3” for several as text goes in `unit`. */
    floor: z.number().int().min(-5).max(200).optional(),
    floorLoadKnM2: z.number().finite().positive().max(1000).optional(),
    rentYuanM2Month: z.number().finite().nonnegative().max(10000).optional(),
    vacant: z.boolean(),
    /** 层高, m. */
    heightM: z.number().finite().positive().max(100).optional(),
  })
  .strict();

export const directoryEntrySchema = z.discriminatedUnion('kind', [
  governmentEntrySchema,
  fundEntrySchema,
  serviceEntrySchema,
  marketEntrySchema,
  talentEntrySchema,
  spaceEntrySchema,
]);

export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;
export type GovernmentEntry = z.infer<typeof governmentEntrySchema>;
export type FundEntry = z.infer<typeof fundEntrySchema>;
export type ServiceEntry = z.infer<typeof serviceEntrySchema>;
export type MarketEntry = z.infer<typeof marketEntrySchema>;
export type TalentEntry = z.infer<typeof talentEntrySchema>;
export type SpaceEntry = z.infer<typeof spaceEntrySchema>;

/**
 * published: shown to everyone; pending: a market post waiting for staff; rejected: refused by
 * staff (the enterprise sees why); archived: taken down (kept with its history).
 */
export const ENTRY_STATUSES = ['published', 'pending', 'rejected', 'archived'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const ENTRY_STATUS_LABELS: Record<EntryStatus, string> = {
  published: '已发布',
  pending: '待审核',
  rejected: '未通过',
  archived: '已下架',
};

/** An entry as stored: the entry, its state and who last changed it. */
export interface StoredEntry {
  entry: DirectoryEntry;
  status: EntryStatus;
  version: number;
  /** The enterprise that posted it (market posts from the portal). */
  enterpriseId?: string;
  /** Staff's reason when rejecting. */
  reviewNote?: string;
  updatedBy: string;
  updatedAt: string;
  createdAt: string;
}

/** Whether a stored entry is shown to the public on `today` (`YYYY-MM-DD`, zone-local): published and not expired. */
export function isVisible(stored: Pick<StoredEntry, 'entry' | 'status'>, today: string): boolean {
  if (stored.status !== 'published') return false;
  const expiresOn = 'expiresOn' in stored.entry ? stored.entry.expiresOn : undefined;
  return expiresOn === undefined || expiresOn >= today;
}

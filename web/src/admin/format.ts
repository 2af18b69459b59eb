/**
 * @module web/admin/format
 * Labels and formats the screens share: kinds, statuses, due reasons, dates in Chinese.
 */
import type { DueReason, ItemKind } from './types';

export const KIND_LABELS: Record<ItemKind, string> = { guide: '办事指南', policy: '政策文件', faq: '常见问题', article: '资讯文章' };
export const ITEM_STATUS_LABELS: Record<string, string> = { published: '已发布', 'draft-only': '未发布', withdrawn: '已撤回' };
export const VERSION_STATUS_LABELS: Record<string, string> = {
  draft: '草稿',
  in_review: '待审核',
  published: '已发布',
  rejected: '已驳回',
  superseded: '已被取代',
  withdrawn: '已撤回',
};
export const DUE_LABELS: Record<DueReason, string> = {
  expired: '已失效',
  'expires-soon': '即将失效',
  'review-overdue': '已过复核日期',
  'review-soon': '即将到复核日期',
};
export const LEVEL_LABELS: Record<string, string> = { national: '国家级', provincial: '省级', city: '市级', zone: '园区级' };
export const QUESTION_KIND_LABELS: Record<string, string> = { how: '怎么办', materials: '要什么材料', where: '在哪里办', policy: '政策咨询', other: '其他' };
export const CHANNEL_LABELS: Record<string, string> = { web: '网页', kiosk: '一体机', widget: '网站挂件', api: '接口', window: '窗口登记' };
export const ANSWER_TYPE_LABELS: Record<string, string> = {
  'guide-field': '指南字段',
  faq: '常见问题',
  passage: '原文段落',
  clarify: '追问澄清',
  none: '未找到',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-03-01T08:05:00Z` → `2026-03-01 16:05` (the browser's time zone). */
export function dateTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function hourMinute(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * `day` moved by `n` days (`2027-03-01`, -1 → `2027-02-28`): calendar arithmetic on the date alone,
 * so that neither the browser's clock nor its time zone takes part.
 */
export function shiftDay(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** Shows a value of any field in a diff or an audit entry as one readable line. */
export function plain(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(plain).join('；');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

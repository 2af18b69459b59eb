/**
 * @module upkeep/due
 * Which items need a person's attention: policies that have expired or expire soon, and guides
 * and FAQs whose review date is past or near. The "due for review" queue and the daily alert
 * are both built from this list.
 */
import type { Item, ItemKind } from '../knowledge/index.js';
import { daysBetween } from './calendar.js';

export type DueReason = 'expired' | 'expires-soon' | 'review-overdue' | 'review-soon';

export interface DueItem {
  id: string;
  title: string;
  kind: ItemKind;
  category?: string;
  reason: DueReason;
  /** The expiry or review date (`YYYY-MM-DD`). */
  dueDate: string;
  /** Days from today to the due date; negative once it has passed. */
  daysLeft: number;
}

export const DUE_REASON_LABELS: Record<DueReason, string> = {
  expired: '已失效',
  'expires-soon': '即将失效',
  'review-overdue': '已过复核日期',
  'review-soon': '即将到复核日期',
};

/** How far ahead the queue looks by default. */
export const DEFAULT_DUE_WINDOW_DAYS = 30;

/** The date that makes an item due, and whether it is an expiry or a review date. */
export function dueDateOf(item: Item): { date: string; expiry: boolean } | undefined {
  if (item.kind === 'policy') return item.expiryDate ? { date: item.expiryDate, expiry: true } : undefined;
  if (item.kind === 'guide' || item.kind === 'faq') return item.reviewDate ? { date: item.reviewDate, expiry: false } : undefined;
  return undefined;
}

/** Items due within `windowDays` of `today` or already past due, most urgent first. */
export function dueItems(items: Iterable<Item>, today: string, windowDays = DEFAULT_DUE_WINDOW_DAYS): DueItem[] {
  const out: DueItem[] = [];
  for (const item of items) {
    const due = dueDateOf(item);
    if (!due) continue;
    // A policy is valid through its expiry day; a review date is due on the day itself.
    const daysLeft = daysBetween(today, due.date);
    const past = due.expiry ? daysLeft < 0 : daysLeft <= 0;
    if (!past && daysLeft > windowDays) continue;
    const reason: DueReason = due.expiry ? (past ? 'expired' : 'expires-soon') : past ? 'review-overdue' : 'review-soon';
    out.push({
      id: item.id,
      title: item.title,
      kind: item.kind,
      ...(item.category ? { category: item.category } : {}),
      reason,
      dueDate: due.date,
      daysLeft,
    });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.id.localeCompare(b.id));
}

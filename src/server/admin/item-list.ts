/**
 * @module server/admin/item-list
 * The back office's list of items: every published item and every item that exists only as
 * versions (never published, or withdrawn), with what is pending for each and when it is due,
 * filtered and paged. Built in memory from three queries: a zone's knowledge base is thousands of
 * items, not millions.
 */
import { isCurrent, type Item } from '../../knowledge/index.js';
import type { ItemVersion, Store } from '../../storage/index.js';
import { dueItems, type DueReason } from '../../upkeep/due.js';

export const ITEM_LIST_STATUSES = ['published', 'draft-only', 'withdrawn'] as const;
export type ItemListStatus = (typeof ITEM_LIST_STATUSES)[number];
/** `pending` is a filter only: items with a draft or a version in review. */
export const ITEM_STATUS_FILTERS = [...ITEM_LIST_STATUSES, 'pending'] as const;

export interface ItemListEntry {
  id: string;
  kind: string;
  title: string;
  category?: string;
  status: ItemListStatus;
  /** False for a policy past its expiry date (and for anything not published). */
  current: boolean;
  updatedAt: string;
  dueDate?: string;
  dueReason?: DueReason;
  openVersion?: { version: number; status: 'draft' | 'in_review' };
}

export interface ItemListQuery {
  q?: string;
  kind?: string;
  category?: string;
  status?: (typeof ITEM_STATUS_FILTERS)[number];
  due?: boolean;
  page: number;
  pageSize: number;
}

export async function listItemEntries(
  store: Store,
  today: string,
  windowDays: number,
  query: ItemListQuery,
): Promise<{ items: ItemListEntry[]; total: number }> {
  const published = await store.listItems();
  const due = new Map(dueItems(published, today, windowDays).map((d) => [d.id, d]));
  const open = new Map<string, ItemVersion>();
  for (const v of await store.versions.open()) open.set(v.itemId, v);
  const pending = (id: string) => {
    const v = open.get(id);
    return v ? { openVersion: { version: v.version, status: v.status as 'draft' | 'in_review' } } : {};
  };

  const entries: ItemListEntry[] = published.map((item: Item) => {
    const d = due.get(item.id);
    return {
      id: item.id,
      kind: item.kind,
      title: item.title,
      ...(item.category ? { category: item.category } : {}),
      status: 'published',
      current: isCurrent(item, today),
      updatedAt: item.updatedAt ?? '',
      ...(d ? { dueDate: d.dueDate, dueReason: d.reason } : {}),
      ...pending(item.id),
    };
  });
  for (const u of await store.versions.unpublishedLatest()) {
    entries.push({
      id: u.itemId,
      kind: u.kind,
      title: u.title,
      ...(u.category ? { category: u.category } : {}),
      status: u.withdrawn ? 'withdrawn' : 'draft-only',
      current: false,
      updatedAt: u.createdAt,
      ...pending(u.itemId),
    });
  }

  const words = query.q?.trim().toLowerCase();
  const matching = entries.filter(
    (e) =>
      (!words || e.title.toLowerCase().includes(words) || e.id.toLowerCase().includes(words)) &&
      (!query.kind || e.kind === query.kind) &&
      (!query.category || e.category === query.category) &&
      (!query.status || (query.status === 'pending' ? e.openVersion !== undefined : e.status === query.status)) &&
      (!query.due || e.dueDate !== undefined),
  );
  // Most recently changed first: what an editor is working on is at the top.
  matching.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : 1));
  const start = (query.page - 1) * query.pageSize;
  return { items: matching.slice(start, start + query.pageSize), total: matching.length };
}

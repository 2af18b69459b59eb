/**
 * @module upkeep/staleness
 * How much of the knowledge base is past its review or expiry date: the staleness view's figures,
 * overall, by kind and by category.
 */
import type { Item } from '../knowledge/index.js';
import { dueDateOf } from './due.js';

export interface StalenessGroup {
  /** Items that carry a review or expiry date. */
  dated: number;
  /** Of those, the ones past it. */
  stale: number;
  /** Items with no date at all: nobody has said when to look at them again. */
  undated: number;
}

export interface StalenessReport extends StalenessGroup {
  total: number;
  /** stale / dated, 0 when nothing is dated. */
  staleShare: number;
  byKind: Record<string, StalenessGroup>;
  byCategory: Record<string, StalenessGroup>;
}

export function staleness(items: Iterable<Item>, today: string): StalenessReport {
  const overall: StalenessGroup = { dated: 0, stale: 0, undated: 0 };
  const byKind: Record<string, StalenessGroup> = {};
  const byCategory: Record<string, StalenessGroup> = {};
  let total = 0;
  for (const item of items) {
    // Articles are news: they date, but nobody reviews them.
    if (item.kind === 'article') continue;
    total++;
    const due = dueDateOf(item);
    const groups = [overall, (byKind[item.kind] ??= empty()), (byCategory[item.category ?? '未分类'] ??= empty())];
    for (const group of groups) {
      if (!due) group.undated++;
      else {
        group.dated++;
        if (due.expiry ? due.date < today : due.date <= today) group.stale++;
      }
    }
  }
  return { total, ...overall, staleShare: overall.dated ? overall.stale / overall.dated : 0, byKind, byCategory };
}

function empty(): StalenessGroup {
  return { dated: 0, stale: 0, undated: 0 };
}

/**
 * @module upkeep/upkeep.test
 * The review queue and the staleness figures on both sides of each date.
 */
import { describe, expect, it } from 'vitest';
import { itemSchema, type Item } from '../knowledge/index.js';
import { daysBetween } from './calendar.js';
import { dueItems } from './due.js';
import { staleness } from './staleness.js';

const TODAY = '2026-11-23';

const items: Item[] = [
  { kind: 'policy', id: 'p-expired', title: '旧政策', text: '正文', expiryDate: '2026-11-22', category: '科技创新' },
  { kind: 'policy', id: 'p-last-day', title: '今天到期', text: '正文', expiryDate: '2026-11-23', category: '科技创新' },
  { kind: 'policy', id: 'p-later', title: '明年到期', text: '正文', expiryDate: '2027-06-30' },
  { kind: 'policy', id: 'p-open', title: '长期有效', text: '正文' },
  { kind: 'guide', id: 'g-review-today', title: '今天复核', reviewDate: '2026-11-23', category: '企业开办' },
  { kind: 'guide', id: 'g-review-soon', title: '下月复核', reviewDate: '2026-12-10', category: '企业开办' },
  { kind: 'faq', id: 'f-fine', title: '明年复核？', answer: '答', reviewDate: '2027-11-01' },
  { kind: 'article', id: 'a-news', title: '新闻', text: '正文' },
].map((i) => itemSchema.parse(i));

describe('dueItems', () => {
  const due = dueItems(items, TODAY);

  it('lists past and near dates, most urgent first, each with its reason', () => {
    expect(due.map((d) => [d.id, d.reason, d.daysLeft])).toEqual([
      ['p-expired', 'expired', -1],
      ['g-review-today', 'review-overdue', 0],
      ['p-last-day', 'expires-soon', 0],
      ['g-review-soon', 'review-soon', 17],
    ]);
  });

  it('leaves out what is far off or has no date', () => {
    const ids = due.map((d) => d.id);
    for (const id of ['p-later', 'p-open', 'f-fine', 'a-news']) expect(ids).not.toContain(id);
    expect(dueItems(items, TODAY, 365).map((d) => d.id)).toContain('f-fine');
  });

  it('counts days across month and year ends', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });
});

describe('staleness', () => {
  it('counts stale items overall, by kind and by category, articles aside', () => {
    const report = staleness(items, TODAY);
    expect(report).toMatchObject({ total: 7, dated: 6, stale: 2, undated: 1 });
    expect(report.staleShare).toBeCloseTo(2 / 6);
    expect(report.byKind.policy).toEqual({ dated: 3, stale: 1, undated: 1 });
    expect(report.byCategory['企业开办']).toEqual({ dated: 2, stale: 1, undated: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import type { Curation } from '../storage/index.js';
import { hotCandidates, hotQuestions, type StandardQuestion } from './hot.js';

const faq = (itemId: string, question: string): StandardQuestion => ({ itemId, kind: 'faq', question });
const STANDARD = new Map(
  [faq('seal', '公章在哪刻？'), faq('talent', '人才公寓怎么申请？'), faq('parking', '停车收费吗？'), faq('hours', '几点上班？'), faq('fee', '收费吗？')].map(
    (q) => [q.itemId, q],
  ),
);
const answered = (itemId: string, sessions: number) => ({ itemId, sessions, answered: sessions + 1 });
const curation = (itemId: string, state: Curation['state'], position = 0): Curation => ({
  itemId,
  state,
  position,
  updatedBy: 'li',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('hot questions', () => {
  it('are the standard questions of the items that answered most conversations, then the curated ones', () => {
    const candidates = hotCandidates([answered('talent', 3), answered('seal', 2), answered('hours', 1)], [], STANDARD, [
      faq('parking', '停车收费吗？'),
      faq('seal', '公章在哪刻？'),
    ]);
    expect(hotQuestions(candidates, 8)).toEqual(['人才公寓怎么申请？', '公章在哪刻？', '停车收费吗？']);
    expect(hotQuestions(candidates, 1)).toEqual(['人才公寓怎么申请？']);
  });

  it('put the pinned first in their order and never show the hidden', () => {
    const candidates = hotCandidates(
      [answered('talent', 9), answered('seal', 5)],
      [curation('hours', 'pinned', 0), curation('fee', 'pinned', 1), curation('talent', 'hidden')],
      STANDARD,
      [faq('parking', '停车收费吗？')],
    );
    expect(candidates.map((c) => [c.itemId, c.state, c.sessions, c.curated])).toEqual([
      ['hours', 'pinned', 0, false],
      ['fee', 'pinned', 0, false],
      ['seal', 'ranked', 5, false],
      ['parking', 'ranked', 0, true],
      ['talent', 'hidden', 9, false],
    ]);
    expect(hotQuestions(candidates, 8)).toEqual(['几点上班？', '收费吗？', '公章在哪刻？', '停车收费吗？']);
  });

  it('leave out items no longer offered, even pinned ones', () => {
    const candidates = hotCandidates([answered('gone', 5)], [curation('withdrawn', 'pinned')], STANDARD, []);
    expect(candidates).toEqual([]);
  });
});

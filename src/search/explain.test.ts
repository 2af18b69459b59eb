/**
 * @module search/explain.test
 * Hit testing over the demo knowledge base: the synonym, the homophone repair and the matched
 * words of the right candidate are all shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../answering/assistant.js';
import { DEMO_TODAY, openDemo } from '../answering/test-fixtures.js';
import { explainSearch } from './explain.js';

let demo: Awaited<ReturnType<typeof openDemo>>;
let assistant: Assistant;
beforeAll(async () => {
  demo = await openDemo();
  assistant = demo.assistant;
});
afterAll(async () => demo.store.close());

describe('explainSearch', () => {
  it('shows synonyms folded and the words each candidate matched', () => {
    const explanation = explainSearch(assistant.searchIndex, '开公司要办执照吗', { today: DEMO_TODAY });
    expect(explanation.words).toContainEqual(expect.objectContaining({ source: 'synonym', from: '执照', term: '营业执照' }));
    const first = explanation.candidates[0]!;
    expect(first.rank).toBe(1);
    expect(first.matchedWords).toContain('营业执照');
    expect(first.current).toBe(true);
    expect(explanation.candidates.map((c) => c.score)).toEqual(
      [...explanation.candidates.map((c) => c.score)].sort((a, b) => b - a),
    );
  });

  it('shows a misheard character repaired', () => {
    const explanation = explainSearch(assistant.searchIndex, '失业保险今怎么领', { today: DEMO_TODAY });
    expect(explanation.corrected).toContain('失业保险金');
    expect(explanation.candidates[0]!.title).toContain('失业');
  });

  it('lists the best-matching sentences of a long document', () => {
    const explanation = explainSearch(assistant.searchIndex, '研发费用加计扣除比例是多少', { today: DEMO_TODAY });
    expect(explanation.candidates.some((c) => c.bestSentences && c.bestSentences.length > 0)).toBe(true);
  });
});

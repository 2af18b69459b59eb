/**
 * What migration 4 and the back office added to storage, on PGlite and (when
 * XIAOXIN_TEST_DATABASE_URL is set) PostgreSQL: once-a-day job claims, also from several
 * connections at once; the question log's classification columns and its filtered, paged
 * listing; and the items that exist only as versions.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type NewQuestion, type Store } from './index.js';
import type { SqlStore } from './sql-store.js';
import { faq, guide, HOUR, pgliteMemoryBackend, postgresBackend, resetDb, TestClock, type TestTarget } from './test-support.js';

const question = (id: string, overrides: Partial<NewQuestion> = {}): NewQuestion => ({
  id,
  channel: 'web',
  question: '企业设立登记要带什么材料',
  questionKey: '企业设立登记要带什么材料',
  answerType: 'guide-field',
  confidence: 0.8,
  citedIds: ['g1'],
  ...overrides,
});

for (const backend of [pgliteMemoryBackend, postgresBackend]) {
  describe.skipIf(!backend.enabled)(`back-office queries on ${backend.name}`, () => {
    let target: TestTarget;
    let store: Store;
    let clock: TestClock;

    beforeAll(async () => {
      target = await backend.create();
      clock = new TestClock('2026-11-23T01:00:00.000Z');
      store = await openStore(target.options, { now: () => clock.now() });
    });
    afterAll(async () => {
      await store?.close();
      await target?.cleanup();
    });
    beforeEach(async () => resetDb((store as SqlStore).db));

    describe('job runs', () => {
      it('grants each day once, never an earlier day, and can give a day back', async () => {
        expect(await store.jobs.lastDay('daily')).toBeUndefined();
        expect(await store.jobs.claim('daily', '2026-11-23')).toBe(true);
        expect(await store.jobs.claim('daily', '2026-11-23')).toBe(false);
        expect(await store.jobs.claim('daily', '2026-11-22')).toBe(false);
        expect(await store.jobs.claim('other', '2026-11-23')).toBe(true);
        await store.jobs.release('daily', '2026-11-23', '2026-11-22');
        expect(await store.jobs.claim('daily', '2026-11-23')).toBe(true);
        await store.jobs.markDone('daily', '2026-11-21');
        expect(await store.jobs.lastDay('daily')).toBe('2026-11-23');
        await store.jobs.markDone('daily', '2026-11-24');
        expect(await store.jobs.claim('daily', '2026-11-24')).toBe(false);
        expect(await store.jobs.claim('daily', '2026-11-25')).toBe(true);
      });

      it.runIf(backend === postgresBackend)('grants a day to exactly one of several connections claiming at once', async () => {
        const others = await Promise.all(Array.from({ length: 5 }, () => openStore(target.options)));
        try {
          const claims = await Promise.all([store, ...others].map((s) => s.jobs.claim('race', '2026-11-23')));
          expect(claims.filter(Boolean)).toHaveLength(1);
        } finally {
          await Promise.all(others.map((s) => s.close()));
        }
      });
    });

    describe('the question log', () => {
      it('keeps the kind, theme, clerk and note of a turn', async () => {
        await store.logQuestion(question('q1', { channel: 'window', questionKind: 'materials', theme: '企业开办', loggedBy: 'zhao', note: '现场咨询' }));
        await store.logQuestion(question('q2'));
        expect(await store.getQuestion('q1')).toMatchObject({ channel: 'window', questionKind: 'materials', theme: '企业开办', loggedBy: 'zhao', note: '现场咨询' });
        const plain = await store.getQuestion('q2');
        for (const key of ['questionKind', 'theme', 'loggedBy', 'note']) expect(plain).not.toHaveProperty(key);
        const summary = await store.insights.summary({ from: new Date('2026-11-22T16:00:00Z'), to: new Date('2026-11-23T16:00:00Z'), timeZone: 'Asia/Shanghai' });
        expect(summary.themes).toEqual([
          { value: 'other', count: 1 },
          { value: '企业开办', count: 1 },
        ]);
        expect(summary.kinds).toEqual([
          { value: 'materials', count: 1 },
          { value: 'other', count: 1 },
        ]);
      });

      it('lists turns newest first, filtered by period, channel and answer type, paged', async () => {
        for (let i = 1; i <= 5; i++) {
          await store.logQuestion(question(`q${i}`, { channel: i % 2 ? 'web' : 'kiosk', answerType: i === 5 ? 'none' : 'faq' }));
          clock.advance(HOUR);
        }
        const all = await store.listQuestions({ limit: 2, offset: 0 });
        expect(all.total).toBe(5);
        expect(all.questions.map((q) => q.id)).toEqual(['q5', 'q4']);
        expect((await store.listQuestions({ limit: 2, offset: 4 })).questions.map((q) => q.id)).toEqual(['q1']);
        expect((await store.listQuestions({ channel: 'kiosk', limit: 10, offset: 0 })).questions.map((q) => q.id)).toEqual(['q4', 'q2']);
        expect((await store.listQuestions({ answerType: 'none', limit: 10, offset: 0 })).questions.map((q) => q.id)).toEqual(['q5']);
        const window = await store.listQuestions({ since: new Date('2026-11-23T02:00:00Z'), until: new Date('2026-11-23T04:00:00Z'), limit: 10, offset: 0 });
        expect(window).toMatchObject({ total: 2 });
        expect(window.questions.map((q) => q.id)).toEqual(['q3', 'q2']);
      });
    });

    describe('items that exist only as versions', () => {
      it('are described by their newest version, never-published apart from withdrawn', async () => {
        await store.upsertItems([guide('g1'), faq('f-gone')]);
        await store.versions.saveDraft(faq('f-new'), 'li');
        await store.versions.saveDraft(faq('f-new', { answer: '第二稿。' }), 'li');
        await store.versions.withdraw('f-gone', 'wang', '已废止');
        const unpublished = await store.versions.unpublishedLatest();
        expect(unpublished).toEqual([
          expect.objectContaining({ itemId: 'f-gone', kind: 'faq', version: 1, status: 'withdrawn', withdrawn: true }),
          expect.objectContaining({ itemId: 'f-new', kind: 'faq', version: 2, status: 'draft', withdrawn: false, category: '企业开办' }),
        ]);
      });
    });
  });
}

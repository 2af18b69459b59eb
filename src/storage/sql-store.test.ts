/**
 * @module storage/sql-store.test
 * The store's behaviour, run unchanged on PGlite in memory, PGlite in a folder and (when
 * XIAOXIN_TEST_DATABASE_URL is set) a real PostgreSQL server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from './db.js';
import { openStore } from './index.js';
import { migrate } from './migrations.js';
import { CurationOrderError } from './hot-questions.js';
import { SqlStore } from './sql-store.js';
import type { NewQuestion } from './store.js';
import {
  faq,
  guide,
  HOUR,
  pgliteFolderBackend,
  pgliteMemoryBackend,
  policy,
  postgresBackend,
  resetDb,
  TestClock,
  type TestTarget,
} from './test-support.js';

for (const backend of [pgliteMemoryBackend, pgliteFolderBackend, postgresBackend]) {
  describe.skipIf(!backend.enabled)(`SqlStore on ${backend.name}`, () => {
    let target: TestTarget;
    let db: Db;
    let clock: TestClock;
    let store: SqlStore;

    beforeAll(async () => {
      target = await backend.create();
      db = await openDb(target.options);
      await migrate(db);
    });

    afterAll(async () => {
      await db?.close();
      await target?.cleanup();
    });

    beforeEach(async () => {
      await resetDb(db);
      clock = new TestClock();
      store = new SqlStore(db, { now: clock.now });
    });

    describe('upsertItems', () => {
      it('classifies each id as created, updated or unchanged', async () => {
        expect(await store.upsertItems([faq('a'), faq('b')])).toEqual({
          created: ['a', 'b'],
          updated: [],
          unchanged: [],
        });
        const second = await store.upsertItems([faq('a'), faq('b', { answer: '新的答复。' }), guide('c')]);
        expect(second).toEqual({ created: ['c'], updated: ['b'], unchanged: ['a'] });
        expect(await store.getItem('b')).toMatchObject({ answer: '新的答复。' });
      });

      it('treats a re-import of the same items as a no-op', async () => {
        const batch = [faq('a'), guide('b'), policy('c')];
        await store.upsertItems(batch);
        const before = { revision: await store.revision(), items: await store.listItems() };
        clock.advance(HOUR);

        expect(await store.upsertItems(batch)).toEqual({ created: [], updated: [], unchanged: ['a', 'b', 'c'] });
        // Items read back carry timestamps; writing them back changes nothing either.
        expect((await store.upsertItems(before.items)).unchanged).toEqual(['a', 'b', 'c']);
        expect(await store.revision()).toBe(before.revision);
        expect(await store.listItems()).toEqual(before.items);
      });

      it('keeps createdAt from the first insert and moves updatedAt on a change only', async () => {
        const start = clock.now().toISOString();
        await store.upsertItems([faq('a')]);
        expect(await store.getItem('a')).toMatchObject({ createdAt: start, updatedAt: start });

        clock.advance(HOUR);
        const changedAt = clock.now().toISOString();
        await store.upsertItems([faq('a', { answer: '改了。' })]);
        expect(await store.getItem('a')).toMatchObject({ createdAt: start, updatedAt: changedAt });

        clock.advance(HOUR);
        await store.upsertItems([faq('a', { answer: '改了。' })]);
        expect(await store.getItem('a')).toMatchObject({ createdAt: start, updatedAt: changedAt });
      });

      it('ignores timestamps carried by the items it is given', async () => {
        const start = clock.now().toISOString();
        await store.upsertItems([faq('a', { createdAt: '2001-01-01T00:00:00Z', updatedAt: '2001-01-01T00:00:00Z' })]);
        expect(await store.getItem('a')).toMatchObject({ createdAt: start, updatedAt: start });
      });

      it('lets the last of several items with one id win', async () => {
        const result = await store.upsertItems([faq('a', { answer: '第一。' }), faq('b'), faq('a', { answer: '第二。' })]);
        expect(result).toEqual({ created: ['b', 'a'], updated: [], unchanged: [] });
        expect(await store.getItem('a')).toMatchObject({ answer: '第二。' });
        expect(await store.countItems()).toBe(2);
      });

      it('returns items exactly as validated, with ISO timestamps', async () => {
        const item = guide('g1', { tags: ['建设'], audience: ['enterprise'], onlineUrl: 'https://zwfw.example.cn/g1' });
        await store.upsertItems([item]);
        const now = clock.now().toISOString();
        expect(await store.getItem('g1')).toEqual({ ...item, createdAt: now, updatedAt: now });
        expect(await store.getItem('missing')).toBeUndefined();
      });

      it('does nothing for an empty batch', async () => {
        expect(await store.upsertItems([])).toEqual({ created: [], updated: [], unchanged: [] });
        expect(await store.revision()).toBe(0);
      });

      it('rejects an invalid item by id before writing anything', async () => {
        const bad = { ...faq('bad'), answer: '' };
        await expect(store.upsertItems([faq('ok'), bad])).rejects.toThrow(
          /^xiaoxin storage: item "bad" \(number 2 in the batch\) is invalid: answer: must not be empty/,
        );
        expect(await store.countItems()).toBe(0);
      });

      it('rejects text PostgreSQL cannot store, naming the item and the field', async () => {
        await expect(store.upsertItems([faq('nul', { similarQuestions: ['好', '坏\u0000'] })])).rejects.toThrow(
          'xiaoxin storage: item "nul" (number 1 in the batch) is invalid: similarQuestions[1]: contains a NUL character (U+0000) at position 2',
        );
        await expect(store.upsertItems([faq('surrogate', { answer: '断\ud800字' })])).rejects.toThrow(
          /item "surrogate" .* answer: contains a broken character \(a lone UTF-16 surrogate, U\+D800\) at position 2/,
        );
        expect(await store.countItems()).toBe(0);
      });

      it('leaves nothing half-written when a batch fails midway', async () => {
        await store.upsertItems([faq('kept'), faq('other')]);
        const before = { revision: await store.revision(), kept: await store.getItem('kept') };
        // The database itself rejects one row, after earlier rows of the batch were written.
        await db.exec(`ALTER TABLE items ADD CONSTRAINT test_reject_boom CHECK (id <> 'boom')`);
        try {
          clock.advance(HOUR);
          await expect(
            store.upsertItems([faq('new-1'), faq('kept', { answer: '不该留下。' }), faq('boom'), faq('new-2')]),
          ).rejects.toThrow(/^xiaoxin storage: could not write item "boom"; nothing in this batch was saved/);
        } finally {
          await db.exec('ALTER TABLE items DROP CONSTRAINT test_reject_boom');
        }
        expect(await store.getItem('new-1')).toBeUndefined();
        expect(await store.getItem('new-2')).toBeUndefined();
        expect(await store.getItem('kept')).toEqual(before.kept);
        expect(await store.countItems()).toBe(2);
        expect(await store.revision()).toBe(before.revision);
        // The store is still usable afterwards.
        expect((await store.upsertItems([faq('new-1')])).created).toEqual(['new-1']);
      });

      it('reports a corrupt row by id', async () => {
        await store.upsertItems([faq('a'), faq('b')]);
        await db.query(`UPDATE items SET data = jsonb_set(data, '{answer}', '""') WHERE id = $1`, ['b']);
        await expect(store.getItem('b')).rejects.toThrow(
          'xiaoxin storage: stored item "b" is corrupt: answer: must not be empty',
        );
        await expect(store.listItems()).rejects.toThrow(/stored item "b" is corrupt/);
        await db.query(`UPDATE items SET data = jsonb_set(data, '{id}', '"z"') WHERE id = $1`, ['a']);
        await expect(store.getItem('a')).rejects.toThrow('stored item "a" is corrupt: its data carries the id "z"');
      });
    });

    describe('revision', () => {
      it('grows by one per write that changes items, and only then', async () => {
        expect(await store.revision()).toBe(0);
        await store.upsertItems([faq('a'), faq('b'), faq('c')]);
        expect(await store.revision()).toBe(1);
        await store.upsertItems([faq('a')]);
        expect(await store.revision()).toBe(1);
        await store.upsertItems([faq('a', { answer: '变了。' }), faq('d')]);
        expect(await store.revision()).toBe(2);
        expect(await store.deleteItem('nope')).toBe(false);
        expect(await store.revision()).toBe(2);
        expect(await store.deleteItem('d')).toBe(true);
        expect(await store.revision()).toBe(3);
      });
    });

    describe('deleteItem', () => {
      it('deletes by id and says whether there was anything to delete', async () => {
        await store.upsertItems([faq('a'), faq('b')]);
        expect(await store.deleteItem('a')).toBe(true);
        expect(await store.deleteItem('a')).toBe(false);
        expect(await store.getItem('a')).toBeUndefined();
        expect(await store.countItems()).toBe(1);
        // A deleted item comes back as new.
        expect((await store.upsertItems([faq('a')])).created).toEqual(['a']);
      });
    });

    describe('itemHashes and getItems', () => {
      it('list every item by its content hash, and read the ones asked for: what an index needs to catch up', async () => {
        await store.upsertItems([faq('faq-1'), guide('guide-1'), policy('policy-1')]);
        const before = await store.itemHashes();
        expect([...before.keys()].sort()).toEqual(['faq-1', 'guide-1', 'policy-1']);
        await store.upsertItems([faq('faq-1', { answer: '改为网上办理。' })]);
        await store.deleteItem('policy-1');
        const after = await store.itemHashes();
        expect(after.get('faq-1')).not.toBe(before.get('faq-1'));
        expect(after.get('guide-1')).toBe(before.get('guide-1'));
        expect(after.has('policy-1')).toBe(false);
        const read = await store.getItems(['guide-1', 'faq-1', 'policy-1', 'nothing']);
        expect(read.map((i) => i.id)).toEqual(['faq-1', 'guide-1']);
        expect(read[0]).toMatchObject({ answer: '改为网上办理。' });
        expect(await store.getItems([])).toEqual([]);
      });
    });

    describe('listItems', () => {
      beforeEach(async () => {
        await store.upsertItems([
          faq('faq-2', { category: '企业开办' }),
          faq('faq-1', { category: '社保' }),
          guide('guide-1', { category: '企业开办' }),
          policy('policy-1'),
        ]);
      });

      const ids = (items: { id: string }[]) => items.map((item) => item.id);

      it('filters by kinds and category', async () => {
        expect(ids(await store.listItems({ kinds: ['faq'] }))).toEqual(['faq-1', 'faq-2']);
        expect(ids(await store.listItems({ kinds: ['faq', 'policy'] }))).toEqual(['faq-1', 'faq-2', 'policy-1']);
        expect(ids(await store.listItems({ category: '企业开办' }))).toEqual(['faq-2', 'guide-1']);
        expect(ids(await store.listItems({ kinds: ['guide'], category: '企业开办' }))).toEqual(['guide-1']);
        expect(ids(await store.listItems({ category: '没有' }))).toEqual([]);
        expect(ids(await store.listItems({ kinds: ['article'] }))).toEqual([]);
      });

      it('lists everything without a filter or with an empty kinds list', async () => {
        const all = ['faq-1', 'faq-2', 'guide-1', 'policy-1'];
        expect(ids(await store.listItems())).toEqual(all);
        expect(ids(await store.listItems({ kinds: [] }))).toEqual(all);
        expect(await store.countItems()).toBe(4);
      });

      it('orders by id bytewise, whatever the server collation', async () => {
        const more = ['b', 'B', 'a-1', 'a_1', 'Z', '10', '9', '政策', '办事'];
        await store.upsertItems(more.map((id) => faq(id)));
        const expected = [...more, 'faq-1', 'faq-2', 'guide-1', 'policy-1'].sort();
        expect(ids(await store.listItems())).toEqual(expected);
      });
    });

    describe('sessions', () => {
      it('returns undefined for an unknown session and round-trips a saved one', async () => {
        expect(await store.getSession('s1')).toBeUndefined();
        const state = { topicItemId: 'g1', lastQuestion: '要带什么材料？', offeredItemIds: ['a', 'b'], turns: 2 };
        await store.saveSession('s1', state);
        expect(await store.getSession('s1')).toEqual(state);
        await store.saveSession('s1', { turns: 3 });
        expect(await store.getSession('s1')).toEqual({ turns: 3 });
      });

      it('forgets a session idle longer than 24 hours, and deletes it', async () => {
        await store.saveSession('s1', { turns: 1 });
        clock.advance(24 * HOUR);
        expect(await store.getSession('s1')).toEqual({ turns: 1 });
        clock.advance(1);
        expect(await store.getSession('s1')).toBeUndefined();
        expect(await db.query('SELECT id FROM sessions')).toEqual([]);
      });

      it('keeps a session alive while it is being saved', async () => {
        await store.saveSession('s1', { turns: 1 });
        clock.advance(23 * HOUR);
        await store.saveSession('s1', { turns: 2 });
        clock.advance(23 * HOUR);
        expect(await store.getSession('s1')).toEqual({ turns: 2 });
      });

      it('sweeps other idle sessions when saving', async () => {
        await store.saveSession('old', { turns: 1 });
        clock.advance(25 * HOUR);
        await store.saveSession('new', { turns: 1 });
        expect(await db.query('SELECT id FROM sessions')).toEqual([{ id: 'new' }]);
      });

      it('replaces characters PostgreSQL cannot store instead of failing the conversation', async () => {
        await store.saveSession('s1', { lastQuestion: '办\u0000事', turns: 1 });
        expect(await store.getSession('s1')).toEqual({ lastQuestion: '办\uFFFD事', turns: 1 });
      });

      it('keeps fields it does not know about', async () => {
        const state = { turns: 1, language: 'zh-Hant' };
        await store.saveSession('s1', state);
        expect(await store.getSession('s1')).toEqual(state);
      });

      it('rejects bad ids and states, and reports a corrupt row by id', async () => {
        await expect(store.saveSession('', { turns: 1 })).rejects.toThrow(/^xiaoxin storage: session id "" is not valid/);
        await expect(store.saveSession('s1', { turns: -1 })).rejects.toThrow(/^xiaoxin storage: cannot save session "s1": turns/);
        await store.saveSession('s2', { turns: 1 });
        await db.query(`UPDATE sessions SET state = '{"turns": "many"}'::jsonb WHERE id = $1`, ['s2']);
        await expect(store.getSession('s2')).rejects.toThrow(/^xiaoxin storage: stored session "s2" is corrupt: turns/);
      });
    });

    describe('question log', () => {
      const turn = (id: string, overrides: Partial<NewQuestion> = {}): NewQuestion => ({
        id,
        sessionId: `s-${id}`,
        channel: 'web',
        question: '营业执照要带什么材料？',
        questionKey: '营业执照要带什么材料',
        answerType: 'guide-field',
        confidence: 0.82,
        citedIds: ['guide-license', 'faq-license'],
        ...overrides,
      });

      it('logs a turn and reads it back, stamped with the clock', async () => {
        await store.logQuestion(turn('t1'));
        expect(await store.getQuestion('t1')).toEqual({ ...turn('t1'), createdAt: clock.now().toISOString() });
        await store.logQuestion(turn('t2', { sessionId: undefined, citedIds: [], answerType: 'none', confidence: 0 }));
        expect(await store.getQuestion('t2')).toEqual({
          ...turn('t2', { citedIds: [], answerType: 'none', confidence: 0 }),
          sessionId: undefined,
          createdAt: clock.now().toISOString(),
        });
        expect(await store.getQuestion('missing')).toBeUndefined();
      });

      it('records feedback, replaces it on a second call, and says when the turn is unknown', async () => {
        await store.logQuestion(turn('t1'));
        clock.advance(1000);
        expect(await store.recordFeedback('t1', { helpful: false, comment: '没说清地址' })).toBe(true);
        expect(await store.getQuestion('t1')).toMatchObject({
          helpful: false,
          feedbackComment: '没说清地址',
          feedbackAt: clock.now().toISOString(),
        });
        expect(await store.recordFeedback('t1', { helpful: true })).toBe(true);
        const again = await store.getQuestion('t1');
        expect(again).toMatchObject({ helpful: true });
        expect(again?.feedbackComment).toBeUndefined();
        expect(await store.recordFeedback('nope', { helpful: true })).toBe(false);
      });

      it('stores text PostgreSQL cannot hold with a replacement character', async () => {
        await store.logQuestion(turn('t1', { question: '办\u0000事\ud800' }));
        expect((await store.getQuestion('t1'))?.question).toBe('办\uFFFD事\uFFFD');
      });

      it('counts the items that answered confidently, by distinct sessions, never the text', async () => {
        const since = clock.now();
        const ask = async (id: string, itemId: string, sessionId: string | undefined, extra: Partial<NewQuestion> = {}) => {
          clock.advance(1000);
          await store.logQuestion(turn(id, { citedIds: [itemId, 'other'], sessionId, ...extra }));
        };
        await ask('old', 'faq-parking', 'x1');
        clock.advance(HOUR);
        const cutoff = clock.now();
        await ask('a1', 'guide-license', 's1');
        await ask('a2', 'guide-license', 's1'); // the same session again: one session, answered twice
        await ask('a3', 'guide-license', 's2');
        await ask('b1', 'faq-seal', 's3');
        await ask('b2', 'faq-seal', undefined);
        await ask('b3', 'faq-seal', undefined);
        await ask('c1', 'faq-talent', 's4');
        await ask('n1', 'faq-mars', 's5', { answerType: 'clarify' });
        await ask('n2', 'faq-mars', 's6', { answerType: 'none', citedIds: [] });
        await ask('w1', 'faq-weak', 's7', { confidence: 0.49 });
        await ask('w2', 'faq-weak', 's8', { confidence: 0.3 });
        await ask('u1', 'faq-parking', 's9');
        await store.recordFeedback('u1', { helpful: false });
        await ask('h1', 'faq-talent', 's10');
        await store.recordFeedback('h1', { helpful: true });

        const query = { since: cutoff, answerTypes: ['guide-field', 'faq', 'passage'], minConfidence: 0.5, limit: 10 };
        expect(await store.hotQuestions.answeredItems(query)).toEqual([
          { itemId: 'faq-seal', sessions: 3, answered: 3 },
          { itemId: 'guide-license', sessions: 2, answered: 3 },
          { itemId: 'faq-talent', sessions: 2, answered: 2 },
        ]);
        expect(await store.hotQuestions.answeredItems({ ...query, limit: 1 })).toHaveLength(1);
        expect((await store.hotQuestions.answeredItems({ ...query, minSessions: 3 })).map((a) => a.itemId)).toEqual(['faq-seal']);
        const weakToo = await store.hotQuestions.answeredItems({ ...query, since, minConfidence: 0.3, answerTypes: ['faq', 'guide-field', 'clarify'] });
        expect(weakToo.map((a) => a.itemId)).toEqual(['faq-seal', 'guide-license', 'faq-talent', 'faq-weak', 'faq-mars', 'faq-parking']);
      });
    });

    describe('hot question curation', () => {
      it('pins in order, hides, returns items to the ranking, and audits each change', async () => {
        const hot = store.hotQuestions;
        expect(await hot.setState('faq-a', 'pinned', 'li')).toBe(true);
        clock.advance(1000);
        expect(await hot.setState('faq-b', 'pinned', 'li')).toBe(true);
        expect(await hot.setState('faq-c', 'hidden', 'boss')).toBe(true);
        expect(await hot.setState('faq-c', 'hidden', 'boss')).toBe(false);
        expect(await hot.setState('faq-z', undefined, 'boss')).toBe(false);
        expect((await hot.curation()).map((c) => [c.itemId, c.state, c.position])).toEqual([
          ['faq-a', 'pinned', 0],
          ['faq-b', 'pinned', 1],
          ['faq-c', 'hidden', 0],
        ]);

        await hot.orderPinned(['faq-b', 'faq-a'], 'boss');
        expect((await hot.curation()).filter((c) => c.state === 'pinned').map((c) => c.itemId)).toEqual(['faq-b', 'faq-a']);
        await expect(hot.orderPinned(['faq-b'], 'boss')).rejects.toThrow(
          'pinned: must list each pinned question once; the pinned now are ["faq-b","faq-a"]',
        );
        await expect(hot.orderPinned(['faq-b', 'faq-b'], 'boss')).rejects.toBeInstanceOf(CurationOrderError);

        // Hiding a pinned item unpins it; a new pin goes last.
        expect(await hot.setState('faq-b', 'hidden', 'li')).toBe(true);
        expect(await hot.setState('faq-c', undefined, 'li')).toBe(true);
        expect(await hot.setState('faq-d', 'pinned', 'li')).toBe(true);
        const now = await hot.curation();
        expect(now.map((c) => [c.itemId, c.state])).toEqual([
          ['faq-a', 'pinned'],
          ['faq-d', 'pinned'],
          ['faq-b', 'hidden'],
        ]);
        expect(now[1]).toMatchObject({ updatedBy: 'li', updatedAt: clock.now().toISOString() });

        const audit = await store.audit.query({ action: 'hot-question.' });
        expect(audit.map((e) => [e.action, e.target ?? null, e.actor, e.before, e.after])).toEqual([
          ['hot-question.pin', 'faq-d', 'li', { state: 'ranked' }, { state: 'pinned' }],
          ['hot-question.reset', 'faq-c', 'li', { state: 'hidden' }, { state: 'ranked' }],
          ['hot-question.hide', 'faq-b', 'li', { state: 'pinned' }, { state: 'hidden' }],
          ['hot-question.order', null, 'boss', { pinned: ['faq-a', 'faq-b'] }, { pinned: ['faq-b', 'faq-a'] }],
          ['hot-question.hide', 'faq-c', 'boss', { state: 'ranked' }, { state: 'hidden' }],
          ['hot-question.pin', 'faq-b', 'li', { state: 'ranked' }, { state: 'pinned' }],
          ['hot-question.pin', 'faq-a', 'li', { state: 'ranked' }, { state: 'pinned' }],
        ]);
      });
    });

    it.skipIf(!backend.persistent)('keeps everything after closing and reopening', async () => {
      await store.upsertItems([faq('a'), guide('b')]);
      await store.saveSession('s1', { turns: 4 });
      const before = { items: await store.listItems(), revision: await store.revision() };
      await db.close();
      try {
        const reopened = await openStore(target.options, { now: clock.now });
        try {
          expect(await reopened.listItems()).toEqual(before.items);
          expect(await reopened.revision()).toBe(before.revision);
          expect(await reopened.getSession('s1')).toEqual({ turns: 4 });
          expect((await reopened.upsertItems([faq('a')])).unchanged).toEqual(['a']);
        } finally {
          await reopened.close();
        }
      } finally {
        db = await openDb(target.options);
      }
    });

    it.skipIf(backend !== postgresBackend)('serialises concurrent writers from separate connections', async () => {
      const otherDb = await openDb(target.options);
      try {
        const other = new SqlStore(otherDb, { now: clock.now });
        const batch = Array.from({ length: 30 }, (_, i) => faq(`c-${String(i).padStart(2, '0')}`));
        const results = await Promise.all([store.upsertItems(batch), other.upsertItems([...batch].reverse())]);
        const created = results.flatMap((result) => result.created).sort();
        const unchanged = results.flatMap((result) => result.unchanged).sort();
        expect(created).toEqual(batch.map((item) => item.id));
        expect(unchanged).toEqual(created);
        expect(await store.revision()).toBe(1);
      } finally {
        await otherDb.close();
      }
    });
  });
}

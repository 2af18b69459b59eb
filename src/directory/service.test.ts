/**
 * @module directory/service.test
 * The directory in the store, on PGlite and (when configured) PostgreSQL: every change a version
 * (who, when), market posts pending until staff review them, expiry by an explicit today.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../storage/index.js';
import { pgliteMemoryBackend, postgresBackend, resetDb, TestClock, type TestTarget } from '../storage/test-support.js';
import { openDb, migrate, SqlStore, type Db } from '../storage/index.js';
import { isVisible } from './model.js';
import { createEntry, DirectoryInputError, reviewPost, setArchived, submitPost, updateEntry } from './service.js';

const space = { kind: 'space', id: 'space-x', name: '智造园C1栋', type: '厂房', building: 'C1栋', areaM2: 800, floorLoadKnM2: 10, rentYuanM2Month: 20, vacant: true };
const ent = { id: 'ent_1', name: '星河示范科技有限公司' };

for (const backend of [pgliteMemoryBackend, postgresBackend]) {
  describe.skipIf(!backend.enabled)(`directory on ${backend.name}`, () => {
    let target: TestTarget;
    let store: Store;
    let clock: TestClock;

    let db: Db;

    // One database for the file (a PGlite takes seconds to start), emptied before each test.
    beforeAll(async () => {
      target = await backend.create();
      clock = new TestClock('2026-11-23T02:00:00.000Z');
      db = await openDb(target.options);
      await migrate(db);
      store = new SqlStore(db, { now: clock.now });
    });
    beforeEach(async () => {
      await resetDb(db);
      await db.exec('UPDATE directory_revision SET value = 0 WHERE id = 1');
    });
    afterAll(async () => {
      await store?.close();
      await target?.cleanup();
    });

    it('keeps every version of an entry with who and when, and moves the revision', async () => {
      const r0 = await store.directory.revision();
      const created = await createEntry(store, space, 'editor1');
      clock.advance(60_000);
      await updateEntry(store, 'space-x', { ...space, rentYuanM2Month: 18 }, 'editor2');
      await setArchived(store, 'space-x', true, 'editor1');
      const versions = await store.directory.versions('space-x');
      expect(versions.map((v) => [v.version, v.change, v.status, v.changedBy])).toEqual([
        [3, 'archived', 'archived', 'editor1'],
        [2, 'edited', 'published', 'editor2'],
        [1, 'created', 'published', 'editor1'],
      ]);
      expect(versions[2]!.entry).toMatchObject({ rentYuanM2Month: 20 });
      expect(Date.parse(versions[1]!.changedAt) - Date.parse(created.createdAt)).toBe(60_000);
      expect(await store.directory.revision()).toBe(r0 + 3);
      expect(await store.directory.list({ kind: 'space' })).toEqual([]);
      expect((await store.directory.list({ status: 'archived' })).map((s) => s.entry.id)).toEqual(['space-x']);
      const audit = await store.audit.query({ action: 'directory.' });
      expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['directory.create', 'directory.edit', 'directory.archive']));
    });

    it('refuses a taken id, a change of kind, and bad fields in Chinese naming them', async () => {
      await createEntry(store, space, 'editor1');
      await expect(createEntry(store, space, 'editor1')).rejects.toMatchObject({ status: 409 });
      await expect(updateEntry(store, 'space-x', { ...space, kind: 'fund' }, 'e')).rejects.toMatchObject({ status: 400 });
      const error = await createEntry(store, { ...space, id: 'space-y', areaM2: 'big', vacant: undefined }, 'e').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DirectoryInputError);
      expect((error as DirectoryInputError).errors).toEqual([
        { field: 'areaM2', label: '面积（m²）', message: '应为数字' },
        { field: 'vacant', label: '是否空置', message: '必须填写' },
      ]);
    });

    it('holds an enterprise post until staff approve it, and hides it after its date', async () => {
      const today = '2026-11-23';
      const post = await submitPost(store, ent, { name: '供应铝合金压铸件', type: '供应', direction: 'supply', expiresOn: '2026-12-31' }, 'enterprise:X/zhang', today);
      expect(post).toMatchObject({ status: 'pending', enterpriseId: 'ent_1', entry: { kind: 'market', enterpriseName: ent.name } });
      expect(isVisible(post, today)).toBe(false);
      await expect(reviewPost(store, post.entry.id, 'reject', 'reviewer1', '  ')).rejects.toMatchObject({ status: 400 });
      const approved = await reviewPost(store, post.entry.id, 'approve', 'reviewer1');
      expect(isVisible(approved, today)).toBe(true);
      expect(isVisible(approved, '2026-12-31')).toBe(true);
      expect(isVisible(approved, '2027-01-01')).toBe(false);
      await expect(reviewPost(store, post.entry.id, 'approve', 'reviewer1')).rejects.toMatchObject({ status: 409 });
      expect((await store.directory.versions(post.entry.id)).map((v) => v.change)).toEqual(['approved', 'submitted']);
    });

    it('makes every enterprise post a market post under its own name, within a year, rejecting with a reason', async () => {
      const today = '2026-11-23';
      const sneaky = await submitPost(store, ent, { kind: 'space', name: '冒名', type: '供应', direction: 'supply', enterpriseName: '别家公司', expiresOn: '2026-12-01' }, 'x', today);
      expect(sneaky.entry).toMatchObject({ kind: 'market', enterpriseName: ent.name });
      await expect(submitPost(store, ent, { name: '过期', type: '需求', direction: 'demand', expiresOn: '2026-11-22' }, 'x', today)).rejects.toMatchObject({ errors: [{ field: 'expiresOn' }] });
      await expect(submitPost(store, ent, { name: '太久', type: '需求', direction: 'demand', expiresOn: '2028-01-01' }, 'x', today)).rejects.toMatchObject({ errors: [{ field: 'expiresOn' }] });
      const rejected = await reviewPost(store, sneaky.entry.id, 'reject', 'reviewer1', '信息不完整，请补充规格');
      expect(rejected).toMatchObject({ status: 'rejected', reviewNote: '信息不完整，请补充规格' });
      expect((await store.directory.list({ enterpriseId: 'ent_1' })).length).toBe(1);
    });
  });
}

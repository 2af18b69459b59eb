/**
 * @module storage/back-office.test
 * Versions, accounts and the audit log on PGlite and (when XIAOXIN_TEST_DATABASE_URL is set)
 * PostgreSQL: the draft → review → publish path, rollback, withdrawal, imports recorded as
 * versions, every step audited; accounts and login sessions.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccountRepository } from './accounts.js';
import { queryAudit } from './audit.js';
import { openDb, type Db } from './db.js';
import { writeItems } from './item-writes.js';
import { migrate } from './migrations.js';
import { guide, HOUR, pgliteMemoryBackend, postgresBackend, resetDb, TestClock, type TestTarget } from './test-support.js';
import { FourEyesError, SELF_PUBLISHED, VersionRepository, VersionStateError } from './versions.js';

for (const backend of [pgliteMemoryBackend, postgresBackend]) {
  describe.skipIf(!backend.enabled)(`back-office storage on ${backend.name}`, () => {
    let target: TestTarget;
    let db: Db;
    let clock: TestClock;
    let versions: VersionRepository;
    let accounts: AccountRepository;

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
      versions = new VersionRepository(db, clock.now);
      accounts = new AccountRepository(db, clock.now);
    });

    const published = async (id: string) =>
      (await db.query<{ data: { fee?: string } }>('SELECT data FROM items WHERE id = $1', [id]))[0]?.data;
    const revision = async () => Number((await db.query<{ value: string }>('SELECT value FROM store_revision'))[0]!.value);

    describe('versions', () => {
      it('records an import as the published version 1, and a changed re-import as version 2', async () => {
        await db.transaction((tx) => writeItems(tx, [guide('g1', { fee: '不收费' })], clock.now().toISOString(), 'import'));
        await db.transaction((tx) => writeItems(tx, [guide('g1', { fee: '不收费' })], clock.now().toISOString(), 'import'));
        await db.transaction((tx) => writeItems(tx, [guide('g1', { fee: '10元' })], clock.now().toISOString(), 'import'));
        const history = await versions.history('g1');
        expect(history.map((v) => [v.version, v.status, v.author])).toEqual([
          [2, 'published', 'import'],
          [1, 'superseded', 'import'],
        ]);
      });

      it('answers only from published content: a draft and a version in review change nothing', async () => {
        await db.transaction((tx) => writeItems(tx, [guide('g1', { fee: '不收费' })], clock.now().toISOString(), 'import'));
        const before = await revision();
        const draft = await versions.saveDraft(guide('g1', { fee: '免费' }), 'editor1', '改收费');
        expect(draft).toMatchObject({ version: 2, status: 'draft', author: 'editor1', note: '改收费' });
        await versions.submit('g1', 2, 'editor1');
        expect((await published('g1'))?.fee).toBe('不收费');
        expect(await revision()).toBe(before);

        clock.advance(HOUR);
        const live = await versions.publish('g1', 2, 'reviewer1', '同意');
        expect(live).toMatchObject({ status: 'published', reviewedBy: 'reviewer1' });
        expect((await published('g1'))?.fee).toBe('免费');
        expect(await revision()).toBe(before + 1);
        expect((await versions.history('g1')).map((v) => [v.version, v.status])).toEqual([
          [2, 'published'],
          [1, 'superseded'],
        ]);
      });

      it('keeps a new item out of the answers until it is published', async () => {
        await versions.saveDraft(guide('g-new'), 'editor1');
        expect(await published('g-new')).toBeUndefined();
        expect(await versions.unpublishedItemIds()).toEqual(['g-new']);
        await versions.submit('g-new', 1, 'editor1');
        await versions.publish('g-new', 1, 'reviewer1');
        expect(await published('g-new')).toBeDefined();
        expect(await versions.unpublishedItemIds()).toEqual([]);
      });

      it('refuses steps out of order with a clear message', async () => {
        await versions.saveDraft(guide('g1'), 'editor1');
        await expect(versions.publish('g1', 1, 'reviewer1')).rejects.toThrow(VersionStateError);
        await expect(versions.publish('g1', 1, 'reviewer1')).rejects.toThrow(/it is draft, not in_review/);
        await expect(versions.reject('g1', 1, 'reviewer1', 'no')).rejects.toThrow(/it is draft/);
        await expect(versions.submit('g1', 9, 'editor1')).rejects.toThrow(/has no version 9/);
      });

      it('rejects with a reason, and a newer draft supersedes an older one', async () => {
        await versions.saveDraft(guide('g1', { fee: 'a' }), 'editor1');
        await versions.submit('g1', 1, 'editor1');
        const rejected = await versions.reject('g1', 1, 'reviewer1', '收费依据不明');
        expect(rejected.status).toBe('rejected');
        await versions.saveDraft(guide('g1', { fee: 'b' }), 'editor1');
        await versions.saveDraft(guide('g1', { fee: 'c' }), 'editor1');
        expect((await versions.history('g1')).map((v) => [v.version, v.status])).toEqual([
          [3, 'draft'],
          [2, 'superseded'],
          [1, 'rejected'],
        ]);
        expect((await versions.history('g1'))[2]!.reviewNote).toBe('收费依据不明');
        expect((await versions.open()).map((v) => v.version)).toEqual([3]);
      });

      it('rolls back by publishing an earlier version as a new one', async () => {
        await db.transaction((tx) => writeItems(tx, [guide('g1', { fee: '不收费' })], clock.now().toISOString(), 'import'));
        await versions.saveDraft(guide('g1', { fee: '免费' }), 'editor1');
        await versions.submit('g1', 2, 'editor1');
        await versions.publish('g1', 2, 'reviewer1');
        const back = await versions.rollback('g1', 1, 'reviewer1');
        expect(back).toMatchObject({ version: 3, status: 'published', note: '回滚到第 1 版', author: 'import', reviewedBy: 'reviewer1' });
        expect((await published('g1'))?.fee).toBe('不收费');
        await expect(versions.rollback('g1', 1, 'reviewer1')).rejects.toThrow(/published already/);
      });

      it('lets nobody publish their own version under four eyes, nor roll back to it; the author may where allowed, and the log says so', async () => {
        await db.transaction((tx) => writeItems(tx, [guide('g1', { fee: '不收费' })], clock.now().toISOString(), 'import'));
        await versions.saveDraft(guide('g1', { fee: '免费' }), 'boss');
        await versions.submit('g1', 2, 'boss');
        await expect(versions.publish('g1', 2, 'boss')).rejects.toThrow(FourEyesError);
        await expect(versions.publish('g1', 2, 'boss')).rejects.toThrow(
          'cannot publish version 2 of "g1": boss wrote it, and another reviewer must publish it (four eyes)',
        );
        expect((await published('g1'))?.fee).toBe('不收费');
        expect((await versions.get('g1', 2))?.status).toBe('in_review');
        expect(await queryAudit(db, { action: 'item.publish' })).toEqual([]);

        // Rolling back to one's own draft would publish it unreviewed.
        await versions.saveDraft(guide('g1', { fee: '十元' }), 'boss');
        await expect(versions.rollback('g1', 3, 'boss')).rejects.toThrow(FourEyesError);
        expect((await published('g1'))?.fee).toBe('不收费');

        // A one-person centre: allowed, and recorded as self-published.
        await versions.submit('g1', 3, 'boss');
        await versions.publish('g1', 3, 'boss', '急用', { allowSelfPublish: true });
        expect((await published('g1'))?.fee).toBe('十元');
        const [entry] = await queryAudit(db, { action: 'item.publish' });
        expect(entry).toMatchObject({ actor: 'boss', detail: `${SELF_PUBLISHED}；急用` });
        await versions.rollback('g1', 1, 'boss');
        expect((await queryAudit(db, { action: 'item.rollback' }))[0]!.detail).toBe('回滚到第 1 版');
        await expect(versions.rollback('g1', 3, 'boss')).rejects.toThrow(FourEyesError);
        await versions.rollback('g1', 3, 'boss', { allowSelfPublish: true });
        expect((await queryAudit(db, { action: 'item.rollback' }))[0]!.detail).toBe(`${SELF_PUBLISHED}；回滚到第 3 版`);
      });

      it('withdraws an item from the answers and keeps its history', async () => {
        await db.transaction((tx) => writeItems(tx, [guide('g1')], clock.now().toISOString(), 'import'));
        expect(await versions.withdraw('g1', 'admin1', '事项取消')).toBe(true);
        expect(await published('g1')).toBeUndefined();
        expect((await versions.history('g1'))[0]!.status).toBe('withdrawn');
        expect(await versions.withdraw('g1', 'admin1')).toBe(false);
      });

      it('audits every step with who, what and the content before and after', async () => {
        await db.transaction((tx) => writeItems(tx, [guide('g1', { fee: '不收费' })], clock.now().toISOString(), 'import'));
        await versions.saveDraft(guide('g1', { fee: '免费' }), 'editor1');
        await versions.submit('g1', 2, 'editor1');
        await versions.publish('g1', 2, 'reviewer1');
        const log = await queryAudit(db, { target: 'g1' });
        expect(log.map((e) => [e.actor, e.action])).toEqual([
          ['reviewer1', 'item.publish'],
          ['editor1', 'item.submit'],
          ['editor1', 'item.save-draft'],
        ]);
        expect(log[0]).toMatchObject({ before: { fee: '不收费' }, after: { fee: '免费' } });
        expect((await queryAudit(db, { actor: 'editor1' })).length).toBe(2);
        expect((await queryAudit(db, { action: 'item.' })).length).toBe(3);
        expect((await queryAudit(db, { action: 'item.publish' })).length).toBe(1);
        expect(await queryAudit(db, { since: new Date(clock.now().getTime() + HOUR) })).toEqual([]);
      });
    });

    describe('accounts', () => {
      it('creates, reads, updates and refuses a taken name', async () => {
        expect(await accounts.create({ name: 'li', role: 'editor', passwordHash: 'h1', displayName: '李编辑' })).toBe(true);
        expect(await accounts.create({ name: 'li', role: 'admin', passwordHash: 'h2' })).toBe(false);
        expect(await accounts.get('li')).toMatchObject({ name: 'li', role: 'editor', displayName: '李编辑', disabled: false });
        expect(await accounts.update('li', { role: 'reviewer', disabled: true })).toBe(true);
        expect(await accounts.get('li')).toMatchObject({ role: 'reviewer', disabled: true, passwordHash: 'h1' });
        expect(await accounts.update('nobody', { disabled: true })).toBe(false);
        expect(await accounts.count()).toBe(1);
      });

      it('shows the latest lock-out of any address from the account (login_failures)', async () => {
        await accounts.create({ name: 'li', role: 'editor', passwordHash: 'h' });
        expect((await accounts.get('li'))!.lockedUntil).toBeUndefined();
        const until = new Date(clock.now().getTime() + HOUR);
        await db.query(
          `INSERT INTO login_failures (account, address, failures, window_start, locked_until)
           VALUES ('li', '10.0.0.1', 5, $1::timestamptz, $2::timestamptz), ('li', '10.0.0.2', 1, $1::timestamptz, NULL)`,
          [clock.now().toISOString(), until.toISOString()],
        );
        expect((await accounts.get('li'))!.lockedUntil).toEqual(until);
        expect((await accounts.list())[0]!.lockedUntil).toEqual(until);
      });

      it('finds login sessions until they expire, and ends them all for a user', async () => {
        await accounts.create({ name: 'li', role: 'editor', passwordHash: 'h' });
        await accounts.createSession('t1', { userName: 'li', csrfToken: 'c1', expiresAt: new Date(clock.now().getTime() + HOUR) });
        await accounts.createSession('t2', { userName: 'li', csrfToken: 'c2', expiresAt: new Date(clock.now().getTime() + 2 * HOUR) });
        expect(await accounts.getSession('t1')).toMatchObject({ userName: 'li', csrfToken: 'c1' });
        clock.advance(HOUR);
        expect(await accounts.getSession('t1')).toBeUndefined();
        expect(await accounts.getSession('t2')).toBeDefined();
        await accounts.deleteSessionsOf('li');
        expect(await accounts.getSession('t2')).toBeUndefined();
      });
    });
  });
}

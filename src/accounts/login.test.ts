/**
 * @module accounts/login.test
 * Logging in against the lock-out on PGlite and (when XIAOXIN_TEST_DATABASE_URL is set)
 * PostgreSQL: concurrent wrong passwords are all counted, a stranger locks out only their own
 * address, one address guessing many names and many addresses guessing one name are slowed, and
 * every refusal looks the same to the caller.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type SqlStore, type Store } from '../storage/index.js';
import { pgliteMemoryBackend, postgresBackend, resetDb, type TestTarget } from '../storage/test-support.js';
import { DEFAULT_LOCKOUT } from './lockout.js';
import { createAccount, logIn, updateAccount } from './service.js';

const PASSWORD = 'xinghe-zone-2026';
const WRONG = 'wrong-password-1';
const NOW = new Date('2026-11-23T09:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const STRANGER = '203.0.113.7';
const OFFICE = '198.51.100.20';

for (const backend of [pgliteMemoryBackend, postgresBackend]) {
  describe.skipIf(!backend.enabled)(`logging in on ${backend.name}`, () => {
    let target: TestTarget;
    let store: Store;
    beforeAll(async () => {
      target = await backend.create();
      store = await openStore(target.options);
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await target?.cleanup();
    });
    beforeEach(async () => {
      await resetDb((store as SqlStore).db);
      await createAccount(store, { name: 'boss', role: 'admin', password: PASSWORD }, 'cli');
    });

    const pairCount = async (account: string, address: string) =>
      (await store.loginFailures.counts(account, address)).find((c) => c.account === account && c.address === address);

    it('counts every one of 10 concurrent wrong passwords, and locks out only that address', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => logIn(store, 'boss', WRONG, STRANGER, NOW)));
      expect(results.every((r) => !r.ok)).toBe(true);
      expect(await pairCount('boss', STRANGER)).toMatchObject({ failures: 10, lockedUntil: minutes(DEFAULT_LOCKOUT.lockMinutes) });
      expect(await store.audit.query({ action: 'login.failed', actor: 'boss' })).toHaveLength(10);
      // The stranger is out even with the right password; the admin at the office gets in.
      expect(await logIn(store, 'boss', PASSWORD, STRANGER, minutes(1))).toEqual({ ok: false, reason: 'throttled' });
      expect(await logIn(store, 'boss', PASSWORD, OFFICE, minutes(1))).toMatchObject({ ok: true, account: { name: 'boss' } });
    }, 60_000);

    it('locks an address out of an account at the fifth failure, for 15 minutes', async () => {
      for (let i = 0; i < 4; i++) expect(await logIn(store, 'boss', WRONG, STRANGER, NOW)).toEqual({ ok: false, reason: 'wrong' });
      expect(await logIn(store, 'boss', PASSWORD, STRANGER, NOW)).toMatchObject({ ok: true });
      // A success forgets the failures of that address: five more are needed.
      for (let i = 0; i < 5; i++) expect(await logIn(store, 'boss', WRONG, STRANGER, NOW)).toEqual({ ok: false, reason: 'wrong' });
      expect(await logIn(store, 'boss', PASSWORD, STRANGER, minutes(14))).toEqual({ ok: false, reason: 'throttled' });
      expect(await logIn(store, 'boss', PASSWORD, STRANGER, minutes(15))).toMatchObject({ ok: true });
      const [locked] = await store.audit.query({ action: 'login.locked', actor: 'boss' });
      expect(locked!.detail).toBe(`address locked out of this account (${STRANGER}); the password was right`);
      const [fifth] = await store.audit.query({ action: 'login.failed', actor: 'boss' });
      expect(fifth!.detail).toBe(`wrong password (${STRANGER}); address locked out of this account until ${minutes(15).toISOString()}`);
    }, 60_000);

    it('treats an unknown name exactly like an existing account, and audits the real reason', async () => {
      for (const name of ['boss', 'nobody']) {
        for (let i = 0; i < 5; i++) expect(await logIn(store, name, WRONG, STRANGER, NOW)).toEqual({ ok: false, reason: 'wrong' });
        expect(await logIn(store, name, WRONG, STRANGER, NOW)).toEqual({ ok: false, reason: 'throttled' });
      }
      expect((await store.audit.query({ action: 'login.failed', actor: 'nobody' }))[0]!.detail).toMatch(/^no such account \(203\.0\.113\.7\); address locked out/);
    }, 60_000);

    it('locks an address out of every account after 20 failures over many names', async () => {
      for (let i = 0; i < DEFAULT_LOCKOUT.addressWide; i++) await logIn(store, `guess${i}`, WRONG, STRANGER, NOW);
      expect(await logIn(store, 'boss', PASSWORD, STRANGER, minutes(1))).toEqual({ ok: false, reason: 'throttled' });
      expect(await logIn(store, 'boss', PASSWORD, OFFICE, minutes(1))).toMatchObject({ ok: true });
    }, 60_000);

    it('counts an IPv6 client by its /64', async () => {
      for (let i = 1; i <= 5; i++) await logIn(store, 'boss', WRONG, `2001:db8:1:2::${i}`, NOW);
      expect(await logIn(store, 'boss', PASSWORD, '2001:db8:1:2::99', NOW)).toEqual({ ok: false, reason: 'throttled' });
      expect(await logIn(store, 'boss', PASSWORD, '2001:db8:1:3::1', NOW)).toMatchObject({ ok: true });
    }, 60_000);

    it('gives each address one try while many addresses attack one account, and never locks the account', async () => {
      const policy = { ...DEFAULT_LOCKOUT, accountWide: 6 };
      for (let i = 0; i < 6; i++) await logIn(store, 'boss', WRONG, `192.0.2.${i}`, NOW, policy);
      // Any address that has failed once is out; the real user at a fresh address gets in.
      expect(await logIn(store, 'boss', PASSWORD, '192.0.2.0', minutes(1), policy)).toEqual({ ok: false, reason: 'throttled' });
      expect(await logIn(store, 'boss', PASSWORD, OFFICE, minutes(1), policy)).toMatchObject({ ok: true });
    }, 60_000);

    it('ends every lock-out of an account when its password is changed', async () => {
      for (let i = 0; i < 5; i++) await logIn(store, 'boss', WRONG, STRANGER, NOW);
      expect((await store.accounts.get('boss'))!.lockedUntil).toEqual(minutes(15));
      await createAccount(store, { name: 'deputy', role: 'admin', password: PASSWORD }, 'cli');
      await updateAccount(store, 'boss', { password: 'another-good-pass' }, 'deputy');
      expect((await store.accounts.get('boss'))!.lockedUntil).toBeUndefined();
      expect(await logIn(store, 'boss', 'another-good-pass', STRANGER, NOW)).toMatchObject({ ok: true });
    }, 60_000);
  });
}

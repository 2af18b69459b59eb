/**
 * @module storage/enterprises.test
 * Enterprise accounts and profile facts in the store, on PGlite and (when configured) PostgreSQL:
 * one enterprise per credit code, users unique within their enterprise and per OIDC subject,
 * sessions that expire, OIDC logins used once, and facts whose every change is an appended version.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './index.js';
import { HOUR, pgliteMemoryBackend, postgresBackend, TestClock, type TestTarget } from './test-support.js';

for (const backend of [pgliteMemoryBackend, postgresBackend]) {
  describe.skipIf(!backend.enabled)(`enterprises on ${backend.name}`, () => {
    let target: TestTarget;
    let store: Store;
    let clock: TestClock;

    beforeEach(async () => {
      target = await backend.create();
      clock = new TestClock('2026-11-23T02:00:00.000Z');
      store = await openStore(target.options, { now: clock.now });
    });
    afterEach(async () => {
      await store?.close();
      await target?.cleanup();
    });

    const enterprise = { id: 'ent_1', creditCode: '91320500MA1N0000A', name: '甲公司', status: 'pending' as const, createdBy: 'self' };

    it('keeps one enterprise per credit code, and users unique within it and per OIDC subject', async () => {
      expect(await store.enterprises.create(enterprise)).toBe(true);
      expect(await store.enterprises.create({ ...enterprise, id: 'ent_2' })).toBe(false);
      expect(await store.enterprises.createUser({ id: 'u1', enterpriseId: 'ent_1', username: 'zhang', passwordHash: 'h' })).toBe(true);
      expect(await store.enterprises.createUser({ id: 'u2', enterpriseId: 'ent_1', username: 'zhang', passwordHash: 'h' })).toBe(false);
      expect(await store.enterprises.createUser({ id: 'u3', enterpriseId: 'ent_1', oidcSubject: 'https://sso|42' })).toBe(true);
      expect(await store.enterprises.createUser({ id: 'u4', enterpriseId: 'ent_1', oidcSubject: 'https://sso|42' })).toBe(false);
      expect((await store.enterprises.findOidcUser('https://sso|42'))?.id).toBe('u3');
      expect(await store.enterprises.setStatus('ent_1', 'active', 'boss')).toBe(true);
      expect(await store.enterprises.get('ent_1')).toMatchObject({ status: 'active', reviewedBy: 'boss', reviewedAt: '2026-11-23T02:00:00.000Z' });
      expect((await store.enterprises.list({ q: 'ma1n', limit: 10, offset: 0 })).total).toBe(1);
    });

    it('expires sessions, ends them when the enterprise is disabled, and uses an OIDC login once', async () => {
      await store.enterprises.create(enterprise);
      await store.enterprises.createUser({ id: 'u1', enterpriseId: 'ent_1', username: 'zhang', passwordHash: 'h' });
      await store.enterprises.createSession('t1', { userId: 'u1', csrfToken: 'c', expiresAt: new Date(clock.now().getTime() + HOUR) });
      await store.enterprises.createSession('t2', { userId: 'u1', csrfToken: 'c', expiresAt: new Date(clock.now().getTime() + 9 * HOUR) });
      clock.advance(2 * HOUR);
      expect(await store.enterprises.getSession('t1')).toBeUndefined();
      expect((await store.enterprises.getSession('t2'))?.userId).toBe('u1');
      await store.enterprises.deleteSessionsOfEnterprise('ent_1');
      expect(await store.enterprises.getSession('t2')).toBeUndefined();

      await store.enterprises.saveOidcLogin('s1', { codeVerifier: 'v', nonce: 'n', expiresAt: new Date(clock.now().getTime() + HOUR) });
      expect(await store.enterprises.takeOidcLogin('s1')).toEqual({ codeVerifier: 'v', nonce: 'n' });
      expect(await store.enterprises.takeOidcLogin('s1')).toBeUndefined();
      await store.enterprises.saveOidcLogin('s2', { codeVerifier: 'v', nonce: 'n', expiresAt: new Date(clock.now().getTime() + HOUR) });
      clock.advance(2 * HOUR);
      expect(await store.enterprises.takeOidcLogin('s2')).toBeUndefined();
    });

    it('appends a version for every set, verification and removal of a fact, values of every JSON type kept', async () => {
      await store.enterprises.create(enterprise);
      await store.transaction(async (tx) => {
        expect(await tx.enterpriseFacts.lock('ent_1')).toBe(true);
        await tx.enterpriseFacts.set('ent_1', { key: 'employees', value: 86, source: 'self-declared' }, 'zhang');
        await tx.enterpriseFacts.set('ent_1', { key: 'industryCode', value: 'I6513', source: 'self-declared' }, 'zhang');
        await tx.enterpriseFacts.set('ent_1', { key: 'registeredInZone', value: false, source: 'self-declared' }, 'zhang');
        await tx.enterpriseFacts.set('ent_1', { key: 'incidents', value: [], source: 'self-declared' }, 'zhang');
      });
      clock.advance(HOUR);
      await store.enterpriseFacts.set('ent_1', { key: 'employees', value: 86, source: 'verified', verifiedBy: 'boss', verifiedAt: clock.now().toISOString() }, 'boss', 'verified');
      clock.advance(HOUR);
      expect(await store.enterpriseFacts.remove('ent_1', 'industryCode', 'zhang')).toBe(true);
      expect(await store.enterpriseFacts.remove('ent_1', 'industryCode', 'zhang')).toBe(false);

      const facts = await store.enterpriseFacts.list('ent_1');
      expect(facts.map((f) => [f.key, f.value, f.source, f.version])).toEqual([
        ['employees', 86, 'verified', 2],
        ['incidents', [], 'self-declared', 1],
        ['registeredInZone', false, 'self-declared', 1],
      ]);
      expect(facts[0]).toMatchObject({ verifiedBy: 'boss', verifiedAt: '2026-11-23T03:00:00.000Z', updatedBy: 'boss' });
      const history = await store.enterpriseFacts.history('ent_1', { limit: 10 });
      expect(history.map((v) => [v.key, v.version, v.change, v.value])).toEqual([
        ['industryCode', 2, 'removed', undefined],
        ['employees', 2, 'verified', 86],
        ['employees', 1, 'set', 86],
        ['incidents', 1, 'set', []],
        ['industryCode', 1, 'set', 'I6513'],
        ['registeredInZone', 1, 'set', false],
      ]);
      expect((await store.enterpriseFacts.history('ent_1', { key: 'employees', limit: 10 })).map((v) => v.version)).toEqual([2, 1]);
    });
  });
}

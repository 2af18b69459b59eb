/**
 * @module accounts/service.test
 * Accounts through the store: creation rules, log-in, changes that end sessions, and the audit
 * trail — on PGlite. The lock-out is tested in login.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../storage/index.js';
import { resetDb } from '../storage/test-support.js';
import { SqlStore } from '../storage/sql-store.js';
import { AccountInputError, createAccount, logIn, updateAccount } from './service.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
});
afterAll(async () => store.close());
beforeEach(async () => resetDb((store as SqlStore).db));

const PASSWORD = 'xinghe-zone-2026';
const ADDRESS = '198.51.100.20';

describe('createAccount', () => {
  it('creates an account with a hashed password and audits it without the password', async () => {
    const account = await createAccount(store, { name: 'Li.Ming', role: 'editor', password: PASSWORD, displayName: '李明' }, 'cli');
    expect(account).toMatchObject({ name: 'li.ming', role: 'editor', displayName: '李明', disabled: false });
    expect(account.permissions).toContain('knowledge:edit');
    expect((await store.accounts.get('li.ming'))!.passwordHash).toMatch(/^\$argon2id\$/);
    const [entry] = await store.audit.query({ action: 'account.create' });
    expect(entry).toMatchObject({ actor: 'cli', target: 'li.ming' });
    expect(JSON.stringify(entry)).not.toContain(PASSWORD);
  });

  it.each([
    [{ name: 'x', role: 'editor', password: PASSWORD }, /name:/],
    [{ name: 'li', role: 'root', password: PASSWORD }, /role: must be one of/],
    [{ name: 'li', role: 'editor', password: 'short' }, /password: must be at least/],
    [{ name: 'li', role: 'editor', password: '1234567890' }, /password: too easy to guess/],
  ])('refuses bad input with the field named: %o', async (input, message) => {
    await expect(createAccount(store, input, 'cli')).rejects.toThrow(AccountInputError);
    await expect(createAccount(store, input, 'cli')).rejects.toThrow(message);
  });

  it('refuses a taken name', async () => {
    await createAccount(store, { name: 'li', role: 'editor', password: PASSWORD }, 'cli');
    await expect(createAccount(store, { name: 'li', role: 'admin', password: PASSWORD }, 'cli')).rejects.toThrow(/already exists/);
  });
});

describe('logIn', () => {
  beforeEach(async () => {
    await createAccount(store, { name: 'li', role: 'reviewer', password: PASSWORD }, 'cli');
  });

  it('accepts the right password and refuses a wrong one or an unknown name alike', async () => {
    expect(await logIn(store, 'li', PASSWORD, ADDRESS)).toMatchObject({ ok: true, account: { name: 'li', role: 'reviewer' } });
    expect(await logIn(store, 'li', 'wrong-password', ADDRESS)).toEqual({ ok: false, reason: 'wrong' });
    expect(await logIn(store, 'nobody', PASSWORD, ADDRESS)).toEqual({ ok: false, reason: 'wrong' });
  });

  it('refuses a disabled account', async () => {
    await createAccount(store, { name: 'boss', role: 'admin', password: PASSWORD }, 'cli');
    await updateAccount(store, 'li', { disabled: true }, 'boss');
    expect(await logIn(store, 'li', PASSWORD, ADDRESS)).toEqual({ ok: false, reason: 'wrong' });
  });
});

describe('updateAccount', () => {
  it('ends sessions on a new password and audits the change', async () => {
    await createAccount(store, { name: 'boss', role: 'admin', password: PASSWORD }, 'cli');
    await createAccount(store, { name: 'li', role: 'editor', password: PASSWORD }, 'cli');
    await store.accounts.createSession('t', { userName: 'li', csrfToken: 'c', expiresAt: new Date(Date.now() + 3600_000) });
    await updateAccount(store, 'li', { password: 'another-good-pass' }, 'boss');
    expect(await store.accounts.getSession('t')).toBeUndefined();
    expect(await logIn(store, 'li', 'another-good-pass', ADDRESS)).toMatchObject({ ok: true });
    expect((await store.audit.query({ action: 'account.update' }))[0]).toMatchObject({ actor: 'boss', target: 'li', detail: 'password changed' });
  });

  it('does not let an admin lock themself out', async () => {
    await createAccount(store, { name: 'boss', role: 'admin', password: PASSWORD }, 'cli');
    await expect(updateAccount(store, 'boss', { disabled: true }, 'boss')).rejects.toThrow(/cannot disable or demote/);
    await expect(updateAccount(store, 'boss', { role: 'editor' }, 'boss')).rejects.toThrow(/cannot disable or demote/);
    expect(await updateAccount(store, 'nobody', { disabled: true }, 'boss')).toBeUndefined();
  });
});

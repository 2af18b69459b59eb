/**
 * @module accounts/accounts.test
 * Roles grant exactly their permissions; passwords hash with argon2id and verify, and weak ones
 * are refused by zxcvbn; which failure counters refuse a login; client addresses as counted.
 */
import { describe, expect, it } from 'vitest';
import { addressKey } from './client-address.js';
import { DEFAULT_LOCKOUT, EVERY, throttleOf, type FailureCount } from './lockout.js';
import { passwordProblem } from './password-strength.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { can, isRole, PERMISSIONS, permissionsOf } from './roles.js';

describe('roles', () => {
  it('gives the admin everything and the others only their part', () => {
    for (const p of PERMISSIONS) expect(can('admin', p)).toBe(true);
    expect(can('editor', 'knowledge:edit')).toBe(true);
    expect(can('editor', 'knowledge:publish')).toBe(false);
    expect(can('reviewer', 'knowledge:publish')).toBe(true);
    expect(can('reviewer', 'knowledge:edit')).toBe(false);
    expect(permissionsOf('window').sort()).toEqual(['enterprises:read', 'knowledge:read', 'questions:log']);
    expect(can('window', 'enterprises:manage')).toBe(false);
    expect(can('editor', 'enterprises:manage')).toBe(true);
    for (const role of ['editor', 'reviewer', 'window'] as const) {
      expect(can(role, 'accounts:manage')).toBe(false);
      expect(can(role, 'audit:read')).toBe(false);
    }
  });

  it('recognises role names', () => {
    expect(isRole('reviewer')).toBe(true);
    expect(isRole('root')).toBe(false);
  });
});

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('星河-correct horse');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, '星河-correct horse')).toBe(true);
    expect(await verifyPassword(hash, '星河-correct hors')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it.each(['1234567890', 'password123', 'xiaoxin2024', 'admin12345', 'zhangsanzhangsan', 'zhangsan-2026', 'aaaaaaaaaaaa', 'qwertyuiop1'])(
    'refuses %s as too easy to guess, saying why',
    async (password) => {
      expect(await passwordProblem(password, 'zhangsan')).toMatch(/^password: too easy to guess \(.+\); several unrelated words/);
    },
  );

  it('counts the display name as guessable, and wants a minimum length', async () => {
    expect(await passwordProblem('short', 'li')).toBe('password: must be at least 10 characters');
    expect(await passwordProblem('liuxiaohong88', 'lxh', '刘晓红 liuxiaohong')).toMatch(/too easy to guess/);
  });

  it.each(['xinghe-zone-2026', 'correct horse battery staple', '星河-correct horse', 'river lantern orchid 42'])('accepts %s', async (password) => {
    expect(await passwordProblem(password, 'li')).toBeUndefined();
  });
});

describe('lock-out', () => {
  const now = new Date('2026-11-23T09:00:00Z');
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  const count = (account: string, address: string, failures: number, lockedUntil?: Date, windowStart = at(-1)): FailureCount => ({
    account,
    address,
    failures,
    windowStart,
    ...(lockedUntil ? { lockedUntil } : {}),
  });

  it('refuses an address locked out of the account or of every account, until the lock-out ends', () => {
    expect(throttleOf([count('li', '10.0.0.1', 5, at(10))], 'li', '10.0.0.1', now)).toBe('address locked out of this account');
    expect(throttleOf([count('li', '10.0.0.1', 5, at(10))], 'li', '10.0.0.1', at(10))).toBeUndefined();
    expect(throttleOf([count('li', '10.0.0.1', 5, at(10))], 'li', '10.0.0.2', now)).toBeUndefined();
    expect(throttleOf([count(EVERY, '10.0.0.1', 20, at(10))], 'wang', '10.0.0.1', now)).toBe('address locked out of every account');
    expect(throttleOf([count(EVERY, '10.0.0.1', 20, at(10))], undefined, '10.0.0.1', now)).toBe('address locked out of every account');
  });

  it('gives each address one try while the account is under attack from many', () => {
    const attack = count('li', EVERY, DEFAULT_LOCKOUT.accountWide);
    expect(throttleOf([attack, count('li', '10.0.0.1', 1)], 'li', '10.0.0.1', now)).toBe('account under attack from many addresses');
    expect(throttleOf([attack], 'li', '10.0.0.2', now)).toBeUndefined();
    // Counts from a window that is over do not count.
    const old = at(-DEFAULT_LOCKOUT.windowMinutes);
    expect(throttleOf([count('li', EVERY, 99, undefined, old), count('li', '10.0.0.1', 1)], 'li', '10.0.0.1', now)).toBeUndefined();
  });
});

describe('client addresses', () => {
  it('counts IPv4 as itself, IPv6 by its /64, and IPv4-mapped IPv6 as IPv4', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('not an address')).toBe('not an address');
  });
});

/**
 * @module accounts/accounts.test
 * Roles grant exactly their permissions; passwords hash with argon2id and verify; lock-out after
 * repeated failures.
 */
import { describe, expect, it } from 'vitest';
import { afterFailure, DEFAULT_LOCKOUT, isLocked, type LoginState } from './lockout.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { can, isRole, PERMISSIONS, permissionsOf } from './roles.js';

describe('roles', () => {
  it('gives the admin everything and the others only their part', () => {
    for (const p of PERMISSIONS) expect(can('admin', p)).toBe(true);
    expect(can('editor', 'knowledge:edit')).toBe(true);
    expect(can('editor', 'knowledge:publish')).toBe(false);
    expect(can('reviewer', 'knowledge:publish')).toBe(true);
    expect(can('reviewer', 'knowledge:edit')).toBe(false);
    expect(permissionsOf('window').sort()).toEqual(['knowledge:read', 'questions:log']);
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

  it('refuses weak passwords with a reason', () => {
    expect(passwordProblem('short', 'li')).toMatch(/at least 10/);
    expect(passwordProblem('zhangsan-2026!', 'zhangsan')).toMatch(/user name/);
    expect(passwordProblem('aaaaaaaaaaaa', 'li')).toMatch(/repeat/);
    expect(passwordProblem('xinghe-zone-2026', 'li')).toBeUndefined();
  });
});

describe('lock-out', () => {
  const now = new Date('2026-11-23T09:00:00Z');

  it('locks after the last allowed failure and unlocks when the time is up', () => {
    let state: LoginState = { failedLogins: 0 };
    for (let n = 1; n < DEFAULT_LOCKOUT.maxFailures; n++) {
      state = afterFailure(state, now);
      expect(isLocked(state, now)).toBe(false);
    }
    state = afterFailure(state, now);
    expect(isLocked(state, now)).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + DEFAULT_LOCKOUT.lockMinutes * 60_000 + 1))).toBe(false);
  });
});

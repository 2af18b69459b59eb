/**
 * End-to-end tests of `xiaoxin user`: the real command line creating the first administrator on
 * a PGlite data folder, with the password on standard input.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/temp-dir.js';
import { runCli } from './test-support.js';

const SLOW = 180_000;
const temp = useTempDir('xiaoxin-user-');

describe('xiaoxin user', () => {
  it(
    'adds an account from a piped password, lists it, and changes its password',
    async () => {
      const data = path.join(temp.dir, 'data');
      const added = await runCli(['user', 'add', 'zhang', '--role', 'admin', '--display-name', '张管理', '--data', data], {
        cwd: temp.dir,
        input: 'xinghe-zone-2026\n',
      });
      expect(added.stderr).not.toMatch(/error/i);
      expect(added.code).toBe(0);
      expect(added.stdout).toContain('created zhang (管理员 admin)');

      const listed = await runCli(['user', 'list', '--data', data], { cwd: temp.dir });
      expect(listed.stdout.trim()).toBe('zhang\tadmin\t张管理');

      const changed = await runCli(['user', 'passwd', 'zhang', '--data', data], { cwd: temp.dir, input: 'another-good-pass\n' });
      expect(changed.code).toBe(0);
      expect(changed.stdout).toContain('password of zhang changed');
    },
    SLOW,
  );

  it(
    'exits 2 with the field named for a weak password, a bad role or no password',
    async () => {
      const data = path.join(temp.dir, 'data2');
      const weak = await runCli(['user', 'add', 'li', '--role', 'editor', '--data', data], { cwd: temp.dir, input: 'short\n' });
      expect(weak.code).toBe(2);
      expect(weak.stderr).toContain('password: must be at least 10 characters');
      const guessable = await runCli(['user', 'add', 'li', '--role', 'editor', '--data', data], { cwd: temp.dir, input: '1234567890\n' });
      expect(guessable.code).toBe(2);
      expect(guessable.stderr).toContain('password: too easy to guess (This is a frequently used password.');
      const role = await runCli(['user', 'add', 'li', '--role', 'root', '--data', data], { cwd: temp.dir, input: 'xinghe-zone-2026\n' });
      expect(role.code).toBe(2);
      expect(role.stderr).toMatch(/--role.*root.*invalid|Allowed choices/i);
      const none = await runCli(['user', 'add', 'li', '--role', 'editor', '--data', data], { cwd: temp.dir, input: '' });
      expect(none.code).toBe(2);
      expect(none.stderr).toContain('no password on standard input');
    },
    SLOW,
  );
});

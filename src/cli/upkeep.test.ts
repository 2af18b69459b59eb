/**
 * End-to-end test of `xiaoxin upkeep`: the real command on a PGlite folder prints the due list,
 * records the expired policy and posts the alert to a local webhook — once a day; `--force` runs
 * it again.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../storage/index.js';
import { useTempDir } from '../test/temp-dir.js';
import { addDays, dayIn } from '../upkeep/calendar.js';
import { runCli } from './test-support.js';

const SLOW = 180_000;
const temp = useTempDir('xiaoxin-upkeep-');
const hooks: Array<{ items: Array<{ id: string }> }> = [];
const web = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    hooks.push(JSON.parse(body));
    response.end('ok');
  });
});
let env: Record<string, string>;

beforeAll(async () => {
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  env = { XIAOXIN_ALERT_WEBHOOK: `http://127.0.0.1:${(web.address() as AddressInfo).port}/hook`, XIAOXIN_ZONE_NAME: '星河高新区' };
});
afterAll(async () => {
  await new Promise((resolve) => web.close(resolve));
});

describe('xiaoxin upkeep', () => {
  it(
    'records the expired policy, alerts and prints the due list, once a day',
    async () => {
      const data = path.join(temp.dir, 'data');
      const today = dayIn('Asia/Shanghai');
      const store = await openStore({ dataDir: data });
      await store.upsertItems([
        { kind: 'policy', id: 'p-old', title: '旧的人才政策', text: '正文。', expiryDate: addDays(today, -3), tags: [], audience: [] },
        { kind: 'policy', id: 'p-soon', title: '快到期的政策', text: '正文。', expiryDate: addDays(today, 5), tags: [], audience: [] },
      ]);
      await store.close();

      const first = await runCli(['upkeep', '--data', data], { cwd: temp.dir, env });
      expect(first.code).toBe(0);
      expect(first.stdout.split('\n').slice(0, 3)).toEqual([
        `星河高新区 小新知识库：${today} 有 2 条内容需要复核`,
        `- [已失效] 旧的人才政策（p-old）${addDays(today, -3)}，已过 3 天`,
        `- [即将失效] 快到期的政策（p-soon）${addDays(today, 5)}，还有 5 天`,
      ]);
      expect(first.stderr).toContain('recorded as expired: p-old');
      expect(first.stderr).toContain('webhook alert sent');
      expect(hooks).toHaveLength(1);

      const second = await runCli(['upkeep', '--data', data], { cwd: temp.dir, env });
      expect(second.code).toBe(0);
      expect(second.stdout).toBe(first.stdout);
      expect(second.stderr).toContain(`the daily job had already run on ${today}`);
      expect(hooks).toHaveLength(1);

      const forced = await runCli(['upkeep', '--force', '--data', data], { cwd: temp.dir, env });
      expect(forced.code).toBe(0);
      expect(forced.stderr).not.toContain('recorded as expired');
      expect(hooks).toHaveLength(2);
    },
    SLOW,
  );

  it(
    'exits 1 when an alert could not be sent, and 2 for a bad setting',
    async () => {
      const data = path.join(temp.dir, 'data2');
      const store = await openStore({ dataDir: data });
      await store.upsertItems([{ kind: 'policy', id: 'p-old', title: '旧政策', text: '正文。', expiryDate: '2020-01-01', tags: [], audience: [] }]);
      await store.close();
      const dead = await runCli(['upkeep', '--data', data], { cwd: temp.dir, env: { XIAOXIN_ALERT_WEBHOOK: 'http://127.0.0.1:9/nothing' } });
      expect(dead.code).toBe(1);
      expect(dead.stderr).toMatch(/webhook alert failed: webhook:/);
      const bad = await runCli(['upkeep', '--data', data], { cwd: temp.dir, env: { XIAOXIN_TIMEZONE: 'Mars/Olympus' } });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('XIAOXIN_TIMEZONE: must be a time zone name such as Asia/Shanghai');
    },
    SLOW,
  );
});

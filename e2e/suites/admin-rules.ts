/**
 * 政策规则 from the back office to the portal: an editor opens the 高企 rule, writes a wrong value
 * and sees the problem named by its line, raises the S&T staff share to 40 %, tries the change on
 * an enterprise (35 %: now short by 5 points) and submits it; a reviewer publishes it; the
 * enterprise's 政策匹配 then says 不符合 with the new requirement. The reviewer rolls it back at the
 * end, so the suites after this one see the shipped rule. Each screen is axe-clean.
 */
import { describe, expect, it } from 'vitest';
import { adminPage, STAFF } from '../support/admin.js';
import { seriousViolations } from '../support/axe.js';
import { openPage, screenshot } from '../support/browser.js';
import type { E2EContext } from '../support/context.js';

/** A unified social credit code with a right GB 32100 check character (others suites use …0000AT, …0012XD, …0013XE). */
const CODE = '91320500MA1N0031XP';
const NAME = '星河汇智传感科技有限公司';
const USER = { username: 'qin.yu', password: 'yunshan-huizhi-chuangan-52' };
const RULE = 'high-tech-enterprise';

async function json(reply: Response): Promise<any> {
  return reply.json();
}

/** Registers the enterprise, has staff approve it, and saves its profile: 42 of 120 staff in S&T (35 %). */
async function enterpriseWithProfile(base: string): Promise<void> {
  const registered = await fetch(`${base}/api/enterprise/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ creditCode: CODE, name: NAME, contactName: '秦宇', contactPhone: '0512-66663131', ...USER, displayName: '秦宇' }),
  });
  expect(registered.status).toBe(201);
  const staff = await fetch(`${base}/api/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: STAFF.admin.name, password: STAFF.admin.password }) });
  const staffCookie = staff.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken: staffCsrf } = await json(staff);
  const { enterprises } = await json(await fetch(`${base}/api/admin/enterprises?q=${CODE}`, { headers: { cookie: staffCookie } }));
  const approved = await fetch(`${base}/api/admin/enterprises/${enterprises[0].id}/approve`, { method: 'POST', headers: { cookie: staffCookie, 'x-csrf-token': staffCsrf } });
  expect(approved.status).toBe(200);
  const login = await fetch(`${base}/api/enterprise/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ creditCode: CODE, ...USER }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = await json(login);
  const saved = await fetch(`${base}/api/enterprise/profile`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ profile: { employees: 120, stStaff: 42, registeredInZone: true } }),
  });
  expect(saved.status).toBe(200);
}

export function adminRulesTests(ctx: E2EContext): void {
  describe('back office: eligibility rules', () => {
    let original = '';

    it('an editor changes a threshold, sees a wrong value named by its line, tries the change on an enterprise and submits it', async () => {
      const base = ctx.server.url;
      await enterpriseWithProfile(base);
      const watched = await adminPage(ctx.browser, base, STAFF.editor, '/admin/rules');
      const { page, close } = watched;
      try {
        await page.getByRole('heading', { name: '政策规则', level: 1 }).waitFor();
        await expect.poll(() => page.getByTestId('rule-row').count()).toBeGreaterThanOrEqual(8);
        const row = page.locator(`tr[data-rule="${RULE}"]`);
        expect(await row.textContent()).toContain('国科发火〔2016〕32号');
        expect(await row.textContent()).toContain('已发布');
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'admin-rules');
        await row.getByRole('link').click();

        const source = page.locator('#rule-source');
        await expect.poll(() => source.inputValue()).toContain('atLeast: 0.10');
        original = await source.inputValue();
        const line = original.split('\n').findIndex((l) => l.includes('atLeast: 0.10')) + 1;

        // A wrong value is refused, named by its line and field; nothing is saved.
        await source.fill(original.replace('atLeast: 0.10', 'atLeast: 百分之四十'));
        await page.getByTestId('rule-save').click();
        const problems = page.getByTestId('rule-problems');
        await problems.waitFor();
        expect(await problems.textContent()).toContain(`规则第 ${line} 行`);
        expect(await problems.textContent()).toMatch(/atLeast/);
        await problems.getByRole('button', { name: `规则第 ${line} 行` }).click();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('rule-source');
        await screenshot(page, 'admin-rule-problems');

        // The change, tried on the enterprise before anything is saved.
        await source.fill(original.replace('atLeast: 0.10', 'atLeast: 0.40'));
        const tryPanel = page.getByTestId('rule-try');
        await tryPanel.getByLabel('企业名称或统一社会信用代码').fill(CODE);
        await tryPanel.getByRole('button', { name: '查找企业' }).click();
        await expect.poll(() => tryPanel.locator('#try-enterprise').textContent()).toContain(NAME);
        await tryPanel.getByRole('button', { name: '开始试算' }).click();
        const result = page.getByTestId('try-result');
        await expect.poll(() => result.getAttribute('data-verdict')).toBe('not-eligible');
        const share = result.locator('tr[data-condition="st-staff-share"]');
        expect(await share.textContent()).toContain('35%');
        expect(await share.textContent()).toContain('不低于40%');
        expect(await share.textContent()).toContain('还差5 个百分点');
        expect(await result.textContent()).toContain(NAME);
        await result.getByTestId('rule-cases').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'admin-rule-try');

        await page.getByLabel('修改说明').fill('科技人员占比提高到40%');
        await page.getByTestId('rule-save').click();
        await expect.poll(() => page.getByTestId('rule-message').textContent()).toMatch(/已保存为第 \d+ 版草稿/);
        const versions = page.getByTestId('rule-versions');
        await versions.getByRole('button', { name: '提交审核' }).click();
        await expect.poll(() => page.getByTestId('rule-message').textContent()).toMatch(/已提交审核/);
        await versions.getByText('待审核').waitFor();
        // Publishing is not the editor's to do.
        expect(await versions.getByRole('button', { name: '发布此版本' }).count()).toBe(0);
        // The refused draft (400) is reported by the browser; anything else is a real problem.
        expect(watched.problems.filter((p) => !/status of (400|401)/.test(p))).toEqual([]);
      } finally {
        await close();
      }
    });

    it('a reviewer publishes it, the portal matches follow at once, and the reviewer rolls it back', async () => {
      const base = ctx.server.url;
      const watched = await adminPage(ctx.browser, base, STAFF.reviewer, `/admin/rules/${RULE}`);
      const { page, close } = watched;
      try {
        const versions = page.getByTestId('rule-versions');
        await versions.getByRole('button', { name: '发布此版本' }).click();
        await expect.poll(() => page.getByTestId('rule-message').textContent()).toMatch(/已发布/);
        const diff = page.getByTestId('rule-diff');
        await expect.poll(() => diff.locator('[data-kind="added"]').allTextContents()).toEqual([expect.stringContaining('atLeast: 0.40')]);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'admin-rule-versions');

        const portal = await openPage(ctx.browser, `${base}/enterprise`);
        try {
          const p = portal.page;
          await p.getByRole('heading', { name: '企业登录' }).waitFor();
          await p.getByLabel('统一社会信用代码').fill(CODE);
          await p.getByLabel('用户名').fill(USER.username);
          await p.getByLabel('密码').fill(USER.password);
          await p.getByRole('button', { name: '登录' }).click();
          await p.getByRole('heading', { name: '企业画像', level: 1 }).waitFor();
          await p.getByRole('button', { name: '政策匹配' }).click();
          const highTech = p.locator(`details[data-rule="${RULE}"]`);
          await highTech.locator('summary').click();
          expect(await highTech.locator('summary').textContent()).toContain('不符合');
          const staffRow = highTech.locator('tr', { hasText: '科技人员占当年职工总数的比例' });
          await expect.poll(() => staffRow.textContent()).toContain('不低于40%');
          expect(await staffRow.textContent()).toContain('不符合');
        } finally {
          await portal.close();
        }

        // Back to the shipped rule, in one click: a new version with the first one's text.
        const first = versions.getByTestId('rule-version-1');
        await first.getByRole('button', { name: '回滚到此版本' }).click();
        await expect.poll(() => page.getByTestId('rule-message').textContent()).toMatch(/已回滚到第 1 版/);
        await expect.poll(() => page.locator('#rule-source').inputValue()).toBe(original);
        expect(watched.problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
      } finally {
        await close();
      }
    });
  });
}

/**
 * A change from the back office to the assistant's answer: an editor adds a row to a guide's
 * materials, saves a draft and submits it; a reviewer sees it in the queue with a readable diff
 * and publishes it; the public assistant then lists the new material. Finally the reviewer rolls
 * back to the first version with one click.
 */
import { describe, expect, it } from 'vitest';
import { adminPage, realProblems, STAFF } from '../support/admin.js';
import { answerCards, askByTyping } from '../support/app.js';
import { seriousViolations } from '../support/axe.js';
import { openPage, screenshot } from '../support/browser.js';
import type { E2EContext } from '../support/context.js';

const GUIDE = '有限责任公司设立登记';
const NEW_MATERIAL = '星河高新区企业开办承诺书';

export function adminPublishTests(ctx: E2EContext): void {
  describe('back office: edit, review, publish, answer, roll back', () => {
    it('an editor adds a material to a guide and submits it for review', async () => {
      const watched = await adminPage(ctx.browser, ctx.server.url, STAFF.editor, '/admin/items');
      const { page, close } = watched;
      try {
        await page.getByLabel('搜索标题或编号').fill(GUIDE);
        await page.getByRole('button', { name: '搜索' }).click();
        await page.getByRole('link', { name: GUIDE, exact: true }).click();
        const table = page.getByTestId('materials-table');
        await table.waitFor();
        const rows = table.getByTestId('material-row');
        const before = await rows.count();
        expect(before).toBeGreaterThanOrEqual(3);

        await table.getByRole('button', { name: '＋ 添加材料' }).click();
        await expect.poll(() => rows.count()).toBe(before + 1);
        const n = before + 1;
        await page.getByLabel(`第 ${n} 行 材料名称`).fill(NEW_MATERIAL);
        await page.getByLabel(`第 ${n} 行 材料形式（原件/复印件）`).fill('原件');
        await page.getByLabel(`第 ${n} 行 份数`).fill('1');
        await page.getByLabel(`第 ${n} 行 备注`).fill('法定代表人签字');
        // Reorder: one place up, and the row moves with its values.
        await page.getByRole('button', { name: `上移第 ${n} 行` }).click();
        await expect.poll(() => page.getByLabel(`第 ${n - 1} 行 材料名称`).inputValue()).toBe(NEW_MATERIAL);

        await page.getByLabel('修改说明').fill('新增企业开办承诺书');
        await page.getByTestId('save-draft').click();
        await expect.poll(() => page.getByTestId('editor-message').textContent()).toMatch(/已保存为第 \d+ 版草稿/);
        await page.getByTestId('materials-table').getByText('序号').scrollIntoViewIfNeeded();
        await page.getByLabel(`第 ${n - 1} 行 材料名称`).scrollIntoViewIfNeeded();
        await screenshot(page, 'admin-editor');
        expect(await seriousViolations(page)).toEqual([]);

        // An editor submits; publishing is not theirs to do.
        const history = page.getByTestId('version-history');
        await history.getByRole('button', { name: '提交审核' }).click();
        await expect.poll(() => page.getByTestId('editor-message').textContent()).toMatch(/已提交审核/);
        await history.getByText('待审核').waitFor();
        expect(await history.getByRole('button', { name: '发布' }).count()).toBe(0);
        expect(realProblems(watched)).toEqual([]);
      } finally {
        await close();
      }
    });

    it('a reviewer finds it in the queue, reads the diff and publishes; the assistant answers with it', async () => {
      const watched = await adminPage(ctx.browser, ctx.server.url, STAFF.reviewer, '/admin/review');
      const { page, close } = watched;
      try {
        const pending = page.getByTestId('pending-table');
        const row = pending.locator('tr', { hasText: GUIDE });
        await row.waitFor();
        await row.getByText('待审核').waitFor();
        await screenshot(page, 'admin-review');
        expect(await seriousViolations(page)).toEqual([]);

        await row.getByRole('button', { name: '查看差异' }).click();
        const diff = page.getByTestId('version-diff');
        const added = diff.locator('.diff-added', { hasText: NEW_MATERIAL });
        await added.waitFor();
        expect(await added.textContent()).toContain('原件');
        await diff.getByText('申请材料', { exact: true }).waitFor();
        await diff.scrollIntoViewIfNeeded();
        await screenshot(page, 'admin-diff');

        await page.getByTestId('version-history').getByRole('button', { name: '发布', exact: true }).click();
        await expect.poll(() => page.getByTestId('editor-message').textContent()).toMatch(/已发布/);
        expect(realProblems(watched)).toEqual([]);
      } finally {
        await close();
      }

      // The engine notices the new revision within about 5 seconds; ask until it does.
      const publicPage = await openPage(ctx.browser, `${ctx.server.url}/`);
      try {
        let found = false;
        for (let attempt = 0; attempt < 12 && !found; attempt++) {
          await askByTyping(publicPage.page, '办理营业执照要带什么材料');
          const card = answerCards(publicPage.page).nth(attempt);
          await card.getByTestId('materials-checklist').waitFor();
          found = (await card.getByText(NEW_MATERIAL).count()) > 0;
          if (!found) await publicPage.page.waitForTimeout(1000);
        }
        expect(found).toBe(true);
        await answerCards(publicPage.page).last().getByText(NEW_MATERIAL).scrollIntoViewIfNeeded();
        await screenshot(publicPage.page, 'admin-published-answer');
        expect(publicPage.problems).toEqual([]);
      } finally {
        await publicPage.close();
      }
    });

    it('a reviewer rolls back to the first version with one click', async () => {
      const watched = await adminPage(ctx.browser, ctx.server.url, STAFF.reviewer, '/admin/items');
      const { page, close } = watched;
      try {
        await page.getByLabel('搜索标题或编号').fill(GUIDE);
        await page.getByRole('button', { name: '搜索' }).click();
        await page.getByRole('link', { name: GUIDE, exact: true }).click();
        const first = page.getByTestId('version-1');
        await first.getByRole('button', { name: '回滚到此版本' }).click();
        await expect.poll(() => page.getByTestId('editor-message').textContent()).toMatch(/已回滚到第 1 版/);
        // The restored content is what the editor shows now: no new material.
        await page.getByTestId('materials-table').waitFor();
        await expect
          .poll(() => page.getByTestId('materials-table').locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)))
          .not.toContain(NEW_MATERIAL);
        expect(realProblems(watched)).toEqual([]);
      } finally {
        await close();
      }
    });
  });
}

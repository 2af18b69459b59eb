/**
 * 热门问题: an editor pins a candidate in the back office, and the public home screen's
 * 「大家都在问」 shows it first at once; unpinned again, so that other suites see the usual list.
 */
import { describe, expect, it } from 'vitest';
import { adminPage, realProblems, STAFF } from '../support/admin.js';
import { seriousViolations } from '../support/axe.js';
import { openPage, screenshot } from '../support/browser.js';
import type { E2EContext } from '../support/context.js';

export function adminHotQuestionTests(ctx: E2EContext): void {
  describe('back office: hot questions', () => {
    it('pins a question that the home screen then shows first', async () => {
      const watched = await adminPage(ctx.browser, ctx.server.url, STAFF.editor, '/admin/hot-questions');
      const { page, close } = watched;
      try {
        await page.getByRole('heading', { name: '热门问题', level: 1 }).waitFor();
        const table = page.getByTestId('hot-candidates');
        // The last candidate that can be pinned: one the home screen does not show first.
        const row = table.locator('tbody tr').filter({ has: page.getByRole('button', { name: /^置顶「/ }) }).last();
        const question = (await row.locator('th').textContent())!.trim();
        expect(question).not.toBe('');
        expect(await seriousViolations(page)).toEqual([]);
        await row.getByRole('button', { name: `置顶「${question}」` }).click();
        await expect.poll(() => page.getByTestId('hot-shown').locator('li').first().textContent()).toBe(question);
        await table.getByRole('button', { name: `取消置顶「${question}」` }).waitFor();
        await screenshot(page, 'admin-hot-questions');

        const home = await openPage(ctx.browser, `${ctx.server.url}/`);
        try {
          await home.page.getByRole('heading', { name: '大家都在问' }).waitFor();
          const first = home.page.locator('section[aria-labelledby="hot-title"] li button').first();
          await expect.poll(() => first.textContent().then((t) => t?.trim())).toBe(question);
          expect(home.problems).toEqual([]);
        } finally {
          await home.close();
        }

        await table.getByRole('button', { name: `取消置顶「${question}」` }).click();
        await table.getByRole('button', { name: `置顶「${question}」` }).waitFor();
        expect(realProblems(watched)).toEqual([]);
      } finally {
        await close();
      }
    });
  });
}

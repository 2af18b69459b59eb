/**
 * 七找目录: anyone opens the portal's directory, picks 找厂房 and narrows by area, and sees the
 * matching units as cards; in the chat, a question asking for space is answered with the same cards.
 */
import { describe, expect, it } from 'vitest';
import { answerCards, askByTyping } from '../support/app.js';
import { seriousViolations } from '../support/axe.js';
import { openPage, screenshot } from '../support/browser.js';
import type { E2EContext } from '../support/context.js';

export function directoryTests(ctx: E2EContext): void {
  describe('七找 directory', () => {
    it('searches the portal directory by kind, area and words, without logging in', async () => {
      const watched = await openPage(ctx.browser, `${ctx.server.url}/enterprise#directory`);
      const { page } = watched;
      try {
        await page.getByRole('heading', { name: '七找 · 企业服务目录' }).waitFor();
        await page.getByRole('button', { name: '找厂房' }).click();
        await page.getByTestId('directory-area-min').fill('1000');
        await page.getByRole('button', { name: '搜索' }).click();
        const cards = page.getByTestId('directory-cards').locator('li');
        // The cards of 找厂房 alone may show first; the search narrows them to 1000 m² and more
        // (智造园A3栋 has 650 m²: left out).
        await expect
          .poll(async () => {
            const names = await cards.locator('.name').allTextContents();
            return names.some((n) => n.includes('智造园A1栋一层')) && !names.some((n) => n.includes('智造园A3栋'));
          })
          .toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'enterprise-directory');

        await page.getByRole('button', { name: '找服务' }).click();
        await page.getByTestId('directory-q').fill('商标注册');
        await page.getByRole('button', { name: '搜索' }).click();
        await expect.poll(async () => (await cards.locator('.name').allTextContents()).join('|')).toContain('知识产权');
        // Not logged in, the portal's GET /api/enterprise/me is a 401 the browser reports; nothing else may be.
        expect(watched.problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
      } finally {
        await watched.close();
      }
    });

    it('answers a request for space in the chat with directory cards', async () => {
      const watched = await openPage(ctx.browser, ctx.server.url);
      const { page } = watched;
      try {
        await askByTyping(page, '有没有一千平米以上、承重两吨的厂房出租');
        const card = answerCards(page).nth(0);
        await card.getByTestId('directory-cards').waitFor();
        expect(await card.getAttribute('data-type')).toBe('directory');
        expect(await card.textContent()).toContain('智造园A1栋一层');
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'chat-directory');
      } finally {
        await watched.close();
      }
    });
  });
}

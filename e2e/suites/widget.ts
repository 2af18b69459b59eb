/**
 * The embeddable widget on another website (support/host-page.ts, another origin and site with a
 * strict CSP of its own): one script tag adds an accessible chat button that opens the assistant
 * in an iframe (embed mode) and closes it again, with one global only.
 */
import { describe, expect, it } from 'vitest';
import { answerCards, askByTyping } from '../support/app.js';
import { openPage, screenshot } from '../support/browser.js';
import type { E2EContext } from '../support/context.js';

export function widgetTests(ctx: E2EContext): void {
  describe('embeddable widget', () => {
    it('serves widget.js for use by other sites', async () => {
      const response = await fetch(`${ctx.server.url}/widget.js`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/javascript/);
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    });

    it('opens the assistant in a frame from a button on another site, and closes it', async () => {
      const { page, problems, close } = await openPage(ctx.browser, `${ctx.host.url}/blank`);
      try {
        const before = await page.evaluate(() => Object.getOwnPropertyNames(window));
        await page.goto(`${ctx.host.url}/`);
        const bubble = page.getByRole('button', { name: '打开小新智能问答' });
        await bubble.waitFor();
        const added = await page.evaluate((names) => {
          const known = new Set(names);
          return Object.getOwnPropertyNames(window).filter((n) => !known.has(n));
        }, before);
        expect(added).toEqual(['XiaoxinWidget']);

        // Keyboard first: the button is reachable and opens the frame.
        await bubble.focus();
        await page.keyboard.press('Enter');
        const frameElement = page.locator('iframe[title="小新智能问答"]');
        await frameElement.waitFor();
        expect(await frameElement.getAttribute('src')).toBe(`${ctx.server.url}/?embed=1`);
        const frame = page.frameLocator('iframe[title="小新智能问答"]');
        await frame.getByTestId('home').waitFor();
        await frame.getByText('星河高新区', { exact: true }).waitFor();
        expect(await page.getByRole('button', { name: '关闭小新智能问答' }).getAttribute('aria-expanded')).toBe('true');

        await askByTyping(frame, '办理营业执照要带什么材料');
        await answerCards(frame).first().getByTestId('materials-checklist').waitFor();
        await screenshot(page, 'widget-open');

        // The close button inside the frame closes it on the host page.
        await frame.getByTestId('embed-close').click();
        await frameElement.waitFor({ state: 'hidden' });
        await page.getByRole('button', { name: '打开小新智能问答' }).waitFor();
        expect(await page.getByRole('button', { name: '打开小新智能问答' }).getAttribute('aria-expanded')).toBe('false');

        // And the bubble opens it again, the conversation still there.
        await page.getByRole('button', { name: '打开小新智能问答' }).click();
        await frameElement.waitFor();
        await answerCards(frame).first().waitFor();
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });
  });
}

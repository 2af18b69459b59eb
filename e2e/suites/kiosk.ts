/**
 * The hall kiosk: portrait layout, the idle countdown, the reset for the next visitor, and nothing
 * left in the browser.
 */
import { describe, expect, it } from 'vitest';
import { answerCards, askByTyping, questionBox } from '../support/app.js';
import { VIEWPORTS, openPage, screenshot } from '../support/browser.js';
import type { E2EContext } from '../support/context.js';
import { installSpeechSpy } from '../support/speech.js';

export function kioskTests(ctx: E2EContext): void {
  describe('kiosk', () => {
    it('portrait layout, countdown after idle, then a clean home screen with nothing kept', async () => {
      const { page, problems, close } = await openPage(ctx.browser, `${ctx.server.url}/?kiosk=1&idle=3`, {
        viewport: VIEWPORTS.kiosk,
        hasTouch: true,
        init: [installSpeechSpy],
      });
      try {
        await page.getByTestId('home').waitFor();
        await screenshot(page, 'kiosk-home');
        await askByTyping(page, '办理营业执照要带什么材料');
        await answerCards(page).first().getByTestId('materials-checklist').waitFor();
        await page.evaluate(() => window.__finishSpeaking());
        await screenshot(page, 'kiosk-chat');

        // A touch during the countdown (3 s here, with ?idle=3) keeps the conversation.
        const countdown = page.getByTestId('idle-countdown');
        await countdown.waitFor({ timeout: 15_000 });
        await countdown.getByRole('button', { name: '我还要继续' }).click();
        await countdown.waitFor({ state: 'hidden' });
        expect(await answerCards(page).count()).toBe(1);

        // Left alone with a half-typed question and elderly mode on, it clears everything.
        await page.getByTestId('elderly-toggle').click();
        await questionBox(page).fill('我的身份证号是');
        await countdown.getByText('即将为下一位访客清空对话').waitFor({ timeout: 15_000 });
        await screenshot(page, 'kiosk-countdown');
        await page.getByTestId('home').waitFor({ timeout: 15_000 });
        await countdown.waitFor({ state: 'hidden' });
        expect(await page.getByTestId('question').count()).toBe(0);
        expect(await questionBox(page).inputValue()).toBe('');
        expect(await page.evaluate(() => document.documentElement.classList.contains('elderly'))).toBe(false);

        // Nothing personal in the browser: no storage, no cookies.
        const kept = await page.evaluate(() => ({
          local: localStorage.length,
          session: sessionStorage.length,
          cookie: document.cookie,
        }));
        expect(kept).toEqual({ local: 0, session: 0, cookie: '' });
        expect((await page.context().cookies()).length).toBe(0);

        // The next visitor starts a new conversation on the server too.
        const request = page.waitForRequest('**/api/chat');
        await askByTyping(page, '人才公寓怎么申请');
        const body = (await request).postDataJSON() as { sessionId?: string; channel?: string };
        expect(body.sessionId).toBeUndefined();
        expect(body.channel).toBe('kiosk');
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it('turns on from the configuration (kiosk in GET /api/config), without ?kiosk=1', async () => {
      const { page, problems, close } = await openPage(ctx.browser, 'about:blank', { viewport: VIEWPORTS.kiosk, init: [installSpeechSpy] });
      try {
        // What a server started with XIAOXIN_KIOSK=1 says; a server without the field means no kiosk.
        await page.route('**/api/config', async (route) => {
          const real = await route.fetch();
          const config = (await real.json()) as Record<string, unknown>;
          await route.fulfill({ response: real, json: { ...config, kiosk: true } });
        });
        await page.goto(`${ctx.server.url}/`);
        await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('kiosk'))).toBe(true);
        const request = page.waitForRequest('**/api/chat');
        await askByTyping(page, '人才公寓怎么申请');
        expect(((await request).postDataJSON() as { channel?: string }).channel).toBe('kiosk');
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });
  });
}

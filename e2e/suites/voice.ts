/**
 * Voice in and out through stand-ins for the Web Speech API (support/speech.ts): the avatar
 * listens, thinks and speaks; voice output can be turned off and is slower in elderly mode.
 */
import { describe, expect, it } from 'vitest';
import { answerCards, askByTyping } from '../support/app.js';
import { openPage } from '../support/browser.js';
import type { E2EContext } from '../support/context.js';
import { installFakeRecognition, installSpeechSpy } from '../support/speech.js';

export function voiceTests(ctx: E2EContext): void {
  describe('voice', () => {
    it('hears a spoken question, answers it aloud, and the avatar listens, thinks and speaks', async () => {
      const { page, problems, close } = await openPage(ctx.browser, `${ctx.server.url}/`, {
        init: [installFakeRecognition, installSpeechSpy],
      });
      try {
        const avatar = page.getByTestId('avatar');
        const state = () => avatar.getAttribute('data-state');
        // Hold the reply a moment so that "thinking" can be seen.
        await page.route('**/api/chat', async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 500));
          await route.continue();
        });

        await page.getByRole('button', { name: /语音输入/ }).click();
        await expect.poll(state).toBe('listening');
        await page.evaluate(() => window.__fakeSpeech.partial('营业执照'));
        await page.getByTestId('interim').getByText('营业执照').waitFor();
        await page.evaluate(() => window.__fakeSpeech.say('营业执照要带什么材料'));

        await expect.poll(() => page.getByTestId('question').first().textContent()).toBe('您问：营业执照要带什么材料');
        await expect.poll(state).toBe('thinking');
        await answerCards(page).first().getByTestId('materials-checklist').waitFor();
        await expect.poll(state).toBe('speaking');

        const spoken = await page.evaluate(() => window.__spoken);
        expect(spoken).toHaveLength(1);
        expect(spoken[0]!.lang).toBe('zh-CN');
        expect(spoken[0]!.text.length).toBeGreaterThan(10);
        expect(spoken[0]!.text.length).toBeLessThanOrEqual(140);

        await page.evaluate(() => window.__finishSpeaking());
        await expect.poll(state).toBe('idle');
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it('stays silent when voice output is off, and speaks slower in elderly mode', async () => {
      const { page, close } = await openPage(ctx.browser, `${ctx.server.url}/`, { init: [installSpeechSpy] });
      try {
        await page.getByTestId('voice-toggle').click();
        await expect.poll(() => page.getByTestId('voice-toggle').getAttribute('aria-pressed')).toBe('false');
        await askByTyping(page, '人才公寓怎么申请');
        await answerCards(page).first().waitFor();
        expect(await page.evaluate(() => window.__spoken.length)).toBe(0);

        await page.getByTestId('voice-toggle').click();
        await page.getByTestId('elderly-toggle').click();
        await askByTyping(page, '办理营业执照要带什么材料');
        await answerCards(page).nth(1).waitFor();
        await expect.poll(() => page.evaluate(() => window.__spoken.length)).toBe(1);
        expect(await page.evaluate(() => window.__spoken[0]!.rate)).toBeLessThan(1);
      } finally {
        await close();
      }
    });
  });
}

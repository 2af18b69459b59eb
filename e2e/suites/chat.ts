/**
 * Typed conversation: home screen, a guide answer with its checklist, a follow-up in context, a
 * clarifying question, source, feedback, hand-over to a person, question completion, an unknown
 * session, elderly mode, the phone layout, and accessibility (axe-core).
 */
import { describe, expect, it } from 'vitest';
import { answerCards, askByTyping, fontSizePx, questionBox } from '../support/app.js';
import { seriousViolations } from '../support/axe.js';
import { VIEWPORTS, openPage, screenshot } from '../support/browser.js';
import type { E2EContext } from '../support/context.js';

export function chatTests(ctx: E2EContext): void {
  describe('chat', () => {
    it('shows the home screen with the zone, hot questions and categories, accessibly', async () => {
      const { page, problems, close } = await openPage(ctx.browser, `${ctx.server.url}/`);
      try {
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
        await page.getByTestId('home').waitFor();
        await page.getByText('星河高新区', { exact: true }).waitFor();
        await page.getByRole('heading', { name: '大家都在问' }).waitFor();
        await page.getByRole('group', { name: '办事类别' }).getByRole('button', { name: '企业开办' }).click();
        await expect.poll(() => page.getByRole('button', { name: '企业开办' }).getAttribute('aria-pressed')).toBe('true');
        await expect(page.getByTestId('avatar').getAttribute('data-state')).resolves.toBe('idle');
        await screenshot(page, 'desktop-home');
        expect(await seriousViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it('answers a typed question with the materials checklist, then a follow-up in context', async () => {
      const { page, problems, close } = await openPage(ctx.browser, `${ctx.server.url}/`);
      try {
        await askByTyping(page, '办理营业执照要带什么材料');
        await expect(questionBox(page).inputValue()).resolves.toBe('');
        const first = answerCards(page).nth(0);
        const checklist = first.getByTestId('materials-checklist');
        await checklist.waitFor();
        await first.getByText('有限责任公司设立登记').first().waitFor();
        const boxes = checklist.getByRole('checkbox');
        expect(await boxes.count()).toBeGreaterThanOrEqual(3);
        await checklist.getByText('公司章程', { exact: true }).click();
        await expect.poll(() => boxes.nth(1).isChecked()).toBe(true);
        await checklist.getByText(/已备齐 1\//).waitFor();
        await first.getByText('办理地点', { exact: true }).first().waitFor();
        await screenshot(page, 'desktop-chat-guide');

        await askByTyping(page, '那要多长时间');
        const second = answerCards(page).nth(1);
        await second.getByRole('heading', { name: '办理时限' }).waitFor();
        await second.getByText('有限责任公司设立登记').first().waitFor();
        await second.getByText('承诺时限').waitFor();
        await expect(second.getAttribute('data-type')).resolves.toBe('guide-field');
        await screenshot(page, 'desktop-chat-followup');
        // Only the conversation scrolls; the page itself stays put, header and all.
        expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
        // The new answer is announced to screen readers.
        await expect.poll(() => page.getByTestId('live').textContent()).toContain('小新回答');

        // 查看原文: the cited guide in full, in a dialog.
        await second.getByRole('button', { name: '查看原文' }).click();
        const dialog = page.getByRole('dialog', { name: /办事指南：有限责任公司设立登记/ });
        await dialog.waitFor();
        await dialog.getByRole('heading', { name: '申请材料' }).waitFor();
        await dialog.getByRole('heading', { name: '办理流程' }).waitFor();
        await dialog.getByText('网上办理', { exact: true }).waitFor();
        await dialog.getByRole('button', { name: '关闭' }).click();
        await dialog.waitFor({ state: 'hidden' });

        // Feedback goes to POST /api/feedback with the turn's id.
        const feedback = page.waitForRequest((r) => r.url().endsWith('/api/feedback') && r.method() === 'POST');
        await second.getByRole('button', { name: '有帮助' }).click();
        const body = (await feedback).postDataJSON() as { turnId?: string; helpful?: boolean };
        expect(body.helpful).toBe(true);
        expect(body.turnId).toMatch(/\S/);
        await second.getByText('感谢您的反馈').waitFor();
        await expect.poll(() => second.getByRole('button', { name: '有帮助' }).getAttribute('aria-pressed')).toBe('true');

        expect(await seriousViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it('offers choices for an ambiguous question and asks the one tapped', async () => {
      const { page, problems, close } = await openPage(ctx.browser, `${ctx.server.url}/`);
      try {
        await askByTyping(page, '社保');
        const card = answerCards(page).nth(0);
        await expect(card.getAttribute('data-type')).resolves.toBe('clarify');
        const choices = card.getByRole('listitem').getByRole('button');
        expect(await choices.count()).toBeGreaterThanOrEqual(2);
        const title = (await choices.first().locator('.choice-title').textContent())!.trim();
        await choices.first().click();
        await expect.poll(() => page.getByTestId('question').nth(1).textContent()).toBe(`您问：${title}`);
        const next = answerCards(page).nth(1);
        await next.waitFor();
        expect(await next.getAttribute('data-type')).not.toBe('clarify');
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it('completes questions while typing, by keyboard', async () => {
      const { page, close } = await openPage(ctx.browser, `${ctx.server.url}/`);
      try {
        const box = questionBox(page);
        await box.pressSequentially('营业执照');
        const list = page.getByRole('listbox', { name: '问题补全' });
        await list.waitFor();
        const options = list.getByRole('option');
        expect(await options.count()).toBeGreaterThan(0);
        await box.press('ArrowDown');
        await expect(box.getAttribute('aria-activedescendant')).resolves.toBe('suggest-0');
        const chosen = (await options.first().textContent())!.trim();
        await box.press('Enter');
        await expect.poll(() => page.getByTestId('question').first().textContent()).toBe(`您问：${chosen}`);
        await answerCards(page).first().waitFor();
      } finally {
        await close();
      }
    });

    it('starts a new conversation when the server no longer knows the session', async () => {
      const { page, close } = await openPage(ctx.browser, `${ctx.server.url}/`);
      try {
        const sent: { sessionId?: string }[] = [];
        let refused = false;
        await page.route('**/api/chat', async (route) => {
          const body = route.request().postDataJSON() as { sessionId?: string };
          sent.push(body);
          if (body.sessionId && !refused) {
            // What the server says after a restart with another store, or a day of silence.
            refused = true;
            await route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":"unknown session"}' });
          } else {
            await route.continue();
          }
        });
        await askByTyping(page, '办理营业执照要带什么材料');
        await answerCards(page).nth(0).waitFor();
        await askByTyping(page, '人才公寓怎么申请');
        await answerCards(page).nth(1).waitFor();
        expect(sent.map((b) => b.sessionId !== undefined)).toEqual([false, true, false]);
        expect(await page.getByRole('alert').count()).toBe(0);
      } finally {
        await close();
      }
    });

    it('hands over to a person: hotline and service window', async () => {
      const { page, close } = await openPage(ctx.browser, `${ctx.server.url}/`);
      try {
        await page.getByRole('button', { name: '转人工服务' }).click();
        const dialog = page.getByRole('dialog', { name: '转人工服务' });
        await dialog.getByText('服务热线').waitFor();
        const config = (await (await fetch(`${ctx.server.url}/api/config`)).json()) as { hotline: string; serviceWindow: string };
        await dialog.getByText(config.hotline, { exact: true }).waitFor();
        await dialog.getByText(config.serviceWindow).waitFor();
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
      } finally {
        await close();
      }
    });

    it('elderly mode: text of at least 24 px, touch targets of at least 48 px, accessibly', async () => {
      const { page, problems, close } = await openPage(ctx.browser, `${ctx.server.url}/?elderly=1`);
      try {
        await page.getByTestId('home').waitFor();
        expect(await fontSizePx(page.locator('body'))).toBeGreaterThanOrEqual(24);
        await askByTyping(page, '办理营业执照要带什么材料');
        const card = answerCards(page).first();
        await card.getByTestId('materials-checklist').waitFor();
        expect(await fontSizePx(card)).toBeGreaterThanOrEqual(24);
        // Voice first: the big microphone.
        const mic = await page.getByTestId('mic').boundingBox();
        expect(mic!.height).toBeGreaterThanOrEqual(72);
        for (const button of await page.getByRole('button').all()) {
          if (!(await button.isVisible())) continue;
          const box = await button.boundingBox();
          expect(Math.min(box!.width, box!.height), await button.innerText()).toBeGreaterThanOrEqual(48);
        }
        await screenshot(page, 'elderly-mode');
        expect(await seriousViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it('elderly mode is one switch away', async () => {
      const { page, close } = await openPage(ctx.browser, `${ctx.server.url}/`);
      try {
        await page.getByTestId('home').waitFor();
        const body = () => fontSizePx(page.locator('body'));
        expect(await body()).toBeLessThan(24);
        const toggle = page.getByRole('button', { name: /适老模式/ });
        await toggle.click();
        await expect.poll(body).toBeGreaterThanOrEqual(24);
        expect(await toggle.getAttribute('aria-pressed')).toBe('true');
        await toggle.click();
        await expect.poll(body).toBeLessThan(24);
      } finally {
        await close();
      }
    });

    it('fits a phone screen', async () => {
      const { page, problems, close } = await openPage(ctx.browser, `${ctx.server.url}/`, {
        viewport: VIEWPORTS.phone,
        isMobile: true,
        hasTouch: true,
      });
      try {
        await page.getByTestId('home').waitFor();
        await screenshot(page, 'phone-home');
        await askByTyping(page, '办理营业执照要带什么材料');
        await answerCards(page).first().getByTestId('materials-checklist').waitFor();
        // Nothing wider than the screen.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
        await screenshot(page, 'phone-chat');
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it('says plainly when the browser cannot recognise speech', async () => {
      const { page, close } = await openPage(ctx.browser, `${ctx.server.url}/`, {
        init: [
          () => {
            delete (window as { SpeechRecognition?: unknown }).SpeechRecognition;
            delete (window as { webkitSpeechRecognition?: unknown }).webkitSpeechRecognition;
          },
        ],
      });
      try {
        // No recogniser and no transcription server (this server has none): no microphone at all.
        await page.getByText('此浏览器不支持语音输入').waitFor();
        expect(await page.getByTestId('mic').count()).toBe(0);
      } finally {
        await close();
      }
    });
  });
}

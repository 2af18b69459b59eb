/**
 * 数据洞察 after real questions: the charts are drawn on their canvases, the failed questions are
 * grouped, and one group becomes an FAQ draft that waits in the review queue. Also the 时效 chart.
 */
import { describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../src/upkeep/calendar.js';
import { adminPage, canvasDrawn, realProblems, STAFF } from '../support/admin.js';
import { seriousViolations } from '../support/axe.js';
import { screenshot } from '../support/browser.js';
import type { E2EContext } from '../support/context.js';

const QUESTIONS = [
  '人才公寓怎么申请',
  '高新区在哪里',
  '公司注册需要多长时间',
  // Nothing in the knowledge base answers these; asked in three ways, they make one group.
  '无人机航拍要去哪里备案',
  '无人机航拍备案在哪里办',
  '航拍无人机怎么备案',
];

async function ask(baseUrl: string, message: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message }),
  });
  expect(response.status).toBe(200);
}

export function adminInsightsTests(ctx: E2EContext): void {
  describe('back office: insights', () => {
    it('draws the charts, groups the unanswered questions, and turns a group into an FAQ draft', async () => {
      for (const q of QUESTIONS) await ask(ctx.server.url, q);
      const watched = await adminPage(ctx.browser, ctx.server.url, STAFF.admin, '/admin/insights');
      const { page, close } = watched;
      try {
        await expect.poll(() => page.getByTestId('total-asked').textContent().then(Number)).toBeGreaterThanOrEqual(QUESTIONS.length);
        for (const chart of ['daily-chart', 'themes-chart', 'kinds-chart']) {
          await page.locator(`[data-testid="${chart}"][data-drawn="true"] canvas`).waitFor();
          await expect.poll(() => canvasDrawn(page, `[data-testid="${chart}"]`)).toBe(true);
        }
        await page.getByTestId('hot-questions').getByText('人才公寓怎么申请').waitFor();
        // A tooltip is drawn inside the canvas: no inline styles for the CSP to refuse.
        const box = (await page.getByTestId('daily-chart').boundingBox())!;
        await page.mouse.move(box.x + box.width - 75, box.y + box.height / 2);
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'admin-insights');

        const clusters = page.getByTestId('clusters');
        const group = clusters.getByTestId('cluster').filter({ hasText: '无人机' }).first();
        await group.waitFor();
        expect(await group.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
        await group.getByRole('button', { name: '生成常见问题草稿' }).click();
        const form = group.getByTestId('cluster-faq-form');
        await form.getByLabel('答案').fill('无人机航拍需在“民用无人驾驶航空器综合管理平台”实名登记并申报飞行计划，详询区公安分局治安大队。');
        await form.getByLabel('分类（可选）').fill('综合服务');
        await group.scrollIntoViewIfNeeded();
        await screenshot(page, 'admin-clusters');
        await form.getByRole('button', { name: '生成并提交审核' }).click();
        await expect.poll(() => page.getByTestId('insights-message').textContent()).toMatch(/已生成常见问题草稿/);
        expect(realProblems(watched)).toEqual([]);

        // The draft waits for a reviewer.
        await page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '待审核与到期' }).click();
        await page.getByTestId('pending-table').getByText('无人机', { exact: false }).first().waitFor();

        await page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '时效' }).click();
        await page.locator('[data-testid="staleness-chart"][data-drawn="true"] canvas').waitFor();
        await expect.poll(() => canvasDrawn(page, '[data-testid="staleness-chart"]')).toBe(true);
        await screenshot(page, 'admin-staleness');
        expect(realProblems(watched)).toEqual([]);
      } finally {
        await close();
      }
    });

    it("counts today's questions when the browser's clock and time zone say another day than the zone's", async () => {
      await ask(ctx.server.url, '人才公寓怎么申请');
      // A staff laptop in UTC whose clock is three days behind: on any day, at any hour, its
      // "today" differs from the zone's (Asia/Shanghai), as UTC's does from 16:00 to 24:00.
      const clock = new Date(Date.now() - 3 * 86_400_000);
      const watched = await adminPage(ctx.browser, ctx.server.url, STAFF.admin, '/admin/insights', { timezoneId: 'UTC', clock });
      const { page, close } = watched;
      try {
        const zoneToday = dayIn('Asia/Shanghai');
        await expect.poll(() => page.locator('#ins-to').inputValue()).toBe(zoneToday);
        await expect.poll(() => page.getByTestId('total-asked').textContent().then(Number)).toBeGreaterThanOrEqual(1);
        // The quick ranges count back from the zone's today too.
        await page.getByRole('button', { name: '近 7 天' }).click();
        await expect.poll(() => page.locator('#ins-from').inputValue()).toBe(addDays(zoneToday, -6));
        expect(await page.locator('#ins-to').inputValue()).toBe(zoneToday);
        expect(realProblems(watched)).toEqual([]);
      } finally {
        await close();
      }
    });
  });
}

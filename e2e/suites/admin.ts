/**
 * The back office at /admin: logging in (one answer for every refused login), the items list,
 * what a counter clerk may and may not do, hit testing, and the administrator's accounts — each
 * screen checked with axe-core and photographed.
 */
import { describe, expect, it } from 'vitest';
import { adminPage, realProblems, STAFF, submitLogin } from '../support/admin.js';
import { seriousViolations } from '../support/axe.js';
import { openPage, screenshot } from '../support/browser.js';
import type { E2EContext } from '../support/context.js';
import { scannedPages } from '../../src/ingestion/ocr/scan-test-support.js';

export function adminTests(ctx: E2EContext): void {
  describe('back office', () => {
    it('logs in: a refused login says so without telling why, then the items list', async () => {
      const watched = await openPage(ctx.browser, `${ctx.server.url}/admin`);
      const { page, close } = watched;
      try {
        await page.getByRole('heading', { name: '小新管理后台' }).waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'admin-login');

        await submitLogin(page, STAFF.admin.name, 'not-the-password');
        // A wrong password, an unknown name and a lock-out get the same 401, so the same words.
        await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('账号或密码错误，或尝试次数过多，请稍后再试');

        await submitLogin(page, STAFF.admin.name, STAFF.admin.password);
        await page.getByTestId('current-user').getByText('王管理').waitFor();
        await expect.poll(() => page.getByTestId('item-row').count()).toBeGreaterThan(20);
        expect(new URL(page.url()).pathname).toBe('/admin/items');

        // Search and filter.
        await page.getByLabel('搜索标题或编号').fill('营业执照');
        await page.getByRole('button', { name: '搜索' }).click();
        await expect.poll(async () => (await page.getByTestId('item-row').allTextContents()).every((t) => t.includes('营业执照'))).toBe(true);
        await page.getByLabel('搜索标题或编号').fill('');
        await page.getByLabel('类型').selectOption('guide');
        await expect.poll(async () => (await page.getByTestId('item-row').allTextContents()).every((t) => t.includes('办事指南'))).toBe(true);
        await page.getByLabel('类型').selectOption('');
        await page.getByLabel('只看到期').check();
        await page.getByTestId('due-badge').first().waitFor();
        await page.getByLabel('只看到期').uncheck();
        await expect.poll(() => page.getByTestId('item-row').count()).toBeGreaterThan(20);

        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'admin-items');
        expect(realProblems(watched)).toEqual([]);
      } finally {
        await close();
      }
    });

    it('shows a counter clerk no editing and no accounts, and logs a counter question', async () => {
      const watched = await adminPage(ctx.browser, ctx.server.url, STAFF.window);
      const { page, close } = watched;
      try {
        const nav = page.getByRole('navigation', { name: '后台导航' });
        await nav.getByRole('link', { name: '窗口登记' }).waitFor();
        for (const hidden of ['账号', '审计日志', '数据洞察', '批量导入与导出']) {
          expect(await nav.getByRole('link', { name: hidden, exact: true }).count()).toBe(0);
        }
        // The knowledge base may be read, not changed.
        await nav.getByRole('link', { name: '知识库' }).click();
        await page.getByTestId('item-row').first().waitFor();
        expect(await page.getByRole('button', { name: '新建' }).count()).toBe(0);
        await page.getByLabel('搜索标题或编号').fill('有限责任公司设立登记');
        await page.getByRole('button', { name: '搜索' }).click();
        await page.getByRole('link', { name: '有限责任公司设立登记', exact: true }).click();
        await page.getByTestId('materials-table').waitFor();
        await page.getByText('您的角色只能查看，不能修改知识条目。').waitFor();
        expect(await page.getByTestId('save-draft').count()).toBe(0);
        expect(await page.getByLabel('第 1 行 材料名称').isDisabled()).toBe(true);
        // Going to the accounts screen by address lands elsewhere.
        await page.goto(`${ctx.server.url}/admin/accounts`);
        await page.getByTestId('current-user').waitFor();
        await expect.poll(() => new URL(page.url()).pathname).not.toBe('/admin/accounts');

        await nav.getByRole('link', { name: '窗口登记' }).click();
        await page.getByLabel('群众提出的问题').fill('个体户营业执照怎么注销');
        await page.getByLabel('主题（可选）').fill('企业开办');
        await page.getByRole('button', { name: '登记' }).click();
        await page.getByTestId('window-message').getByText(/已登记/).waitFor();
        await page.getByTestId('answer-preview').waitFor();
        expect(realProblems(watched)).toEqual([]);
      } finally {
        await close();
      }
    });

    it('hit testing explains the ranking of a question', async () => {
      const watched = await adminPage(ctx.browser, ctx.server.url, STAFF.admin, '/admin/hit-test');
      const { page, close } = watched;
      try {
        await page.getByLabel('输入一个问题').fill('办营业执照要带啥材料');
        await page.getByRole('button', { name: '测试' }).click();
        const rows = page.getByTestId('hit-candidates').locator('tbody tr');
        await rows.first().waitFor();
        expect(await rows.count()).toBeGreaterThan(1);
        await expect.poll(() => rows.first().textContent()).toMatch(/营业执照|公司/);
        await page.getByTestId('hit-reading').getByText('规范化').waitFor();
        await page.getByTestId('answer-preview').waitFor();
        await screenshot(page, 'admin-hit-test');
        expect(await seriousViolations(page)).toEqual([]);
        expect(realProblems(watched)).toEqual([]);
      } finally {
        await close();
      }
    });

    it('lists the accounts for an administrator', async () => {
      const watched = await adminPage(ctx.browser, ctx.server.url, STAFF.admin, '/admin/accounts');
      const { page, close } = watched;
      try {
        const table = page.getByTestId('accounts-table');
        for (const s of Object.values(STAFF)) await table.getByRole('cell', { name: s.name, exact: true }).waitFor();
        // An administrator cannot demote themself: their own role is fixed.
        expect(await page.getByLabel(`${STAFF.admin.name} 的角色`).isDisabled()).toBe(true);
        await page.getByRole('link', { name: '审计日志' }).click();
        await expect.poll(() => page.getByTestId('audit-table').locator('tbody tr td').count()).toBeGreaterThan(1);
        expect(await seriousViolations(page)).toEqual([]);
        expect(realProblems(watched)).toEqual([]);
      } finally {
        await close();
      }
    });

    it('imports a sheet with a preview of what changes and every problem, then exports', async () => {
      const watched = await adminPage(ctx.browser, ctx.server.url, STAFF.admin, '/admin/import');
      const { page, close } = watched;
      try {
        const csv = ['问题,答案,分类', '园区食堂几点开饭？,午餐11:30至13:00。,综合服务', '只有问题没有答案,,综合服务'].join('\r\n');
        await page.getByLabel('选择文件').setInputFiles({ name: '食堂问答.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
        await page.getByRole('button', { name: '上传并预览' }).click();
        const preview = page.getByTestId('import-preview');
        await preview.getByText('园区食堂几点开饭？').waitFor();
        await preview.getByText(/食堂问答\.csv:3：/).waitFor();
        await screenshot(page, 'admin-import');
        expect(await seriousViolations(page)).toEqual([]);
        await preview.getByRole('button', { name: '确认导入' }).click();
        await page.getByText(/已提交审核：新增 1 条/).waitFor();

        // The export links download the published knowledge base with the session's cookie.
        for (const id of ['export-jsonl', 'export-xlsx']) {
          const href = await page.getByTestId(id).getAttribute('href');
          const status = await page.evaluate((url) => fetch(url!).then((r) => r.status), href);
          expect(status).toBe(200);
        }
        expect(realProblems(watched)).toEqual([]);
      } finally {
        await close();
      }
    });

    it('marks what OCR read from a scan 识别自扫描件 in the import preview', { timeout: 240_000 }, async () => {
      const [png] = await scannedPages('星河高新区关于调整政务服务大厅午间办理时间的通知\n自本月起，政务服务大厅中午十二时至十四时继续开放综合受理窗口。');
      const watched = await adminPage(ctx.browser, ctx.server.url, STAFF.admin, '/admin/import');
      const { page, close } = watched;
      try {
        await page.getByLabel('选择文件').setInputFiles({ name: '午间办理通知.png', mimeType: 'image/png', buffer: png! });
        await page.getByRole('button', { name: '上传并预览' }).click();
        const preview = page.getByTestId('import-preview');
        // OCR on a shared CI core: a page takes seconds, the engine's first start more.
        await preview.getByTestId('scanned').waitFor({ timeout: 200_000 });
        expect(await preview.getByText('关于调整政务服务大厅午间办理时间的通知').count()).toBe(1);
        expect(await preview.getByTestId('scanned-note').textContent()).toContain('其中 1 条识别自扫描件');
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'admin-import-scanned');
        await preview.getByRole('button', { name: '放弃' }).click();
        expect(realProblems(watched)).toEqual([]);
      } finally {
        await close();
      }
    });
  });
}

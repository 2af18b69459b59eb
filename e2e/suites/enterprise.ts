/**
 * 企业服务: an enterprise registers in the portal, staff approve it, its user logs in, completes
 * the profile — a wrong figure is named beside its field — and sees the change in its history;
 * then sees its matches with the reasons per condition, follows “补充资料” to a missing field, and
 * downloads an application form filled with its name.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { STAFF } from '../support/admin.js';
import { seriousViolations } from '../support/axe.js';
import { openPage, screenshot } from '../support/browser.js';
import type { E2EContext } from '../support/context.js';

/** A unified social credit code with a right GB 32100 check character. */
const CREDIT_CODE = '91320500MA1N0000AT';
const PASSWORD = 'lanting-xuhe-qiushui-88';

/** Staff approve the pending enterprise through the back-office API, as the back office would. */
/** The text of a DOCX's word/document.xml, tags taken out. */
function docxText(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== 'word/document.xml') return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            resolve(Buffer.concat(chunks).toString('utf8').replace(/<[^>]+>/g, ''));
            zip.close();
          });
        });
      });
      zip.on('end', () => reject(new Error('no word/document.xml')));
      zip.readEntry();
    });
  });
}

async function approve(base: string): Promise<void> {
  const login = await fetch(`${base}/api/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: STAFF.admin.name, password: STAFF.admin.password }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const list = await fetch(`${base}/api/admin/enterprises?status=pending&q=${CREDIT_CODE}`, { headers: { cookie } });
  const { enterprises } = (await list.json()) as { enterprises: { id: string }[] };
  const approved = await fetch(`${base}/api/admin/enterprises/${enterprises[0]!.id}/approve`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
  expect(approved.status).toBe(200);
}

export function enterpriseTests(ctx: E2EContext): void {
  describe('enterprise portal', () => {
    it('registers, is approved, logs in, and completes the profile with per-field errors', async () => {
      const watched = await openPage(ctx.browser, `${ctx.server.url}/enterprise`);
      const { page } = watched;
      try {
        await page.getByRole('heading', { name: '企业登录' }).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByRole('button', { name: '注册企业账号' }).click();
        await page.getByLabel('统一社会信用代码').fill(CREDIT_CODE);
        await page.getByLabel('企业名称').fill('星河云杉软件有限公司');
        await page.getByLabel('联系人').fill('周敏');
        await page.getByLabel('联系电话').fill('0512-66668888');
        await page.getByLabel('用户名').fill('zhou.min');
        await page.getByLabel('您的姓名').fill('周敏');
        await page.getByLabel('密码').fill(PASSWORD);
        await page.getByRole('button', { name: '提交注册' }).click();
        await page.getByText('注册已提交，工作人员审核通过后即可登录').waitFor();

        // Before approval the right password is told to wait.
        await page.getByLabel('密码').fill(PASSWORD);
        await page.getByRole('button', { name: '登录' }).click();
        await page.getByText('等待工作人员审核').waitFor();
        await approve(ctx.server.url);
        await page.getByRole('button', { name: '登录' }).click();
        await page.getByRole('heading', { name: '企业画像', level: 1 }).waitFor();
        await page.getByText('星河云杉软件有限公司').first().waitFor();

        await page.getByLabel('职工总数').fill('86');
        await page.getByLabel('科技人员数').fill('-4');
        await page.getByRole('button', { name: '保存' }).click();
        await page.getByText('有 1 处需要更正').waitFor();
        await page.getByText('不能为负数').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'enterprise-profile-error');

        await page.getByLabel('科技人员数').fill('24');
        await page.getByRole('button', { name: '保存' }).click();
        await page.getByText('已保存：修改 2 项').waitFor();
        await expect.poll(() => page.locator('ol.history li').count()).toBe(2);
        await expect.poll(() => page.locator('ol.history').textContent()).toContain('科技人员数 · 改为 24');
        await screenshot(page, 'enterprise-profile');

        // 政策匹配: 高企 with its reasons — 24 of 86 staff is 27.91%, against the 10% the rule asks.
        await page.getByRole('button', { name: '政策匹配' }).click();
        await page.getByRole('heading', { name: '政策匹配', level: 1 }).waitFor();
        const highTech = page.locator('details[data-rule="high-tech-enterprise"]');
        await highTech.locator('summary').click();
        const staffRow = highTech.locator('tr', { hasText: '科技人员占当年职工总数的比例' });
        await expect.poll(() => staffRow.textContent()).toContain('27.91%');
        await expect.poll(() => staffRow.textContent()).toContain('符合');
        expect(await highTech.locator('summary').textContent()).toContain('还缺信息');
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'enterprise-matches');
        // “补充资料” opens the profile at the missing field, focused.
        const missingRow = highTech.locator('tr', { hasText: '注册成立时间' });
        await missingRow.getByRole('button', { name: '补充资料' }).click();
        await page.getByRole('heading', { name: '企业画像', level: 1 }).waitFor();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-registrationDate');

        // 表格下载: the 高企 application, pre-filled, downloaded as DOCX with the company's name in it.
        await page.getByRole('button', { name: '表格下载' }).click();
        const form = page.locator('article[data-form="high-tech-enterprise-application"]');
        await form.getByText('已预填').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'enterprise-forms');
        const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('link', { name: '下载 Word（DOCX）' }).click()]);
        expect(download.suggestedFilename()).toBe('高新技术企业认定申请书-星河云杉软件有限公司.docx');
        const text = await docxText(await readFile((await download.path())!));
        expect(text).toContain('星河云杉软件有限公司');
        expect(text).toContain(CREDIT_CODE);

        // In the portal's chat, the logged-in enterprise is answered from its profile at once.
        await page.getByRole('button', { name: '问小新' }).click();
        await page.getByLabel('您的问题').fill('我们公司能申报高企吗？');
        await page.getByRole('button', { name: '发送' }).click();
        const card = page.getByTestId('eligibility-card');
        await card.getByText('依据：贵企业在企业服务门户填报的企业画像').waitFor();
        expect(await card.textContent()).toContain('高新技术企业认定');
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'chat-eligibility');
        // Refused requests are reported by the browser; anything else is a real problem.
        expect(watched.problems.filter((p) => !/status of (400|401|403)/.test(p))).toEqual([]);
      } finally {
        await watched.close();
      }
    });
  });
}

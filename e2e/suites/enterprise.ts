/**
 * 企业服务: an enterprise registers in the portal, staff approve it, its user logs in, completes
 * the profile — a wrong figure is named beside its field — and sees the change in its history;
 * then sees its matches with the reasons per condition, follows “补充资料” to a missing field, and
 * downloads an application form filled with its name. Then, its figures completed, it is told a
 * qualification fits it: the unread badge, the notice read with its reasons and guide link, and the
 * badge going down.
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

/** The zone's year now (the server evaluates rules as of today in Asia/Shanghai, whatever the machine's zone). */
function zoneYear(): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
}

/**
 * Completes the enterprise's figures through the portal's API, so that 科技型中小企业评价 (a rule in
 * force with no end date) fits it today: 86 staff with 24 in S&T, last year's revenue, assets and
 * R&D within the caps and scoring 66 points. Every yearly figure is given for the years around
 * this one, so the check holds at any date, even across New Year. Returns the unread count once
 * the server's notice job has told the enterprise.
 */
async function completeFigures(base: string): Promise<number> {
  const login = await fetch(`${base}/api/enterprise/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ creditCode: CREDIT_CODE, username: 'zhou.min', password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { profile } = (await (await fetch(`${base}/api/enterprise/profile`, { headers: { cookie } })).json()) as { profile: Record<string, unknown> };
  const year = zoneYear();
  const yearly = (value: number) => Object.fromEntries([year - 2, year - 1, year].map((y) => [y, value]));
  const saved = await fetch(`${base}/api/enterprise/profile`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({
      profile: { ...profile, employees: 86, stStaff: 24, revenue: yearly(5000), totalAssets: yearly(3000), rdExpenses: yearly(400), productsNotRestricted: true, incidents: [] },
    }),
  });
  expect(saved.status).toBe(200);
  // Saving pokes the server's notice job; its pass follows within moments.
  let unread = 0;
  await expect
    .poll(
      async () => {
        const inbox = (await (await fetch(`${base}/api/enterprise/notices`, { headers: { cookie } })).json()) as { notices: { ruleId: string; verdict: string }[]; unread: number };
        unread = inbox.unread;
        return inbox.notices.some((n) => n.ruleId === 'tech-sme-evaluation' && n.verdict === 'eligible');
      },
      { timeout: 60_000, interval: 500 },
    )
    .toBe(true);
  return unread;
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

    it('is told that a qualification fits it: the unread badge, the notice with its reasons and guide, read', async () => {
      const unread = await completeFigures(ctx.server.url);
      const watched = await openPage(ctx.browser, `${ctx.server.url}/enterprise`);
      const { page } = watched;
      try {
        await page.getByRole('heading', { name: '企业登录' }).waitFor();
        await page.getByLabel('统一社会信用代码').fill(CREDIT_CODE);
        await page.getByLabel('用户名').fill('zhou.min');
        await page.getByLabel('密码').fill(PASSWORD);
        await page.getByRole('button', { name: '登录' }).click();
        await page.getByRole('heading', { name: '政策通知' }).waitFor();
        const badge = page.locator('.notice-inbox .badge.unread');
        await expect.poll(() => badge.textContent()).toBe(String(unread));
        expect(await badge.getAttribute('aria-label')).toBe(`${unread}条未读`);

        const title = page.getByRole('button', { name: '贵企业符合「科技型中小企业评价（入库登记）」的条件' });
        expect(await title.getAttribute('aria-expanded')).toBe('false');
        await title.click();
        const body = page.locator('.notice-body[data-notice="tech-sme-evaluation"]');
        await body.waitFor();
        // The reasons: the conditions it meets, with its own figures.
        await expect.poll(() => body.locator('.notice-reasons li').count()).toBeGreaterThan(2);
        expect(await body.locator('.notice-reasons').textContent()).toContain('职工总数');
        expect(await body.textContent()).toContain('依据：');
        const guide = body.getByRole('link', { name: '查看办理指南' });
        expect(await guide.getAttribute('href')).toBe('/api/items/guide-tech-sme-evaluation');
        const item = await fetch(`${ctx.server.url}${(await guide.getAttribute('href'))!}`);
        expect(item.status).toBe(200);

        // Read: the badge goes down by one (and goes away at none).
        if (unread > 1) await expect.poll(() => badge.textContent()).toBe(String(unread - 1));
        else await expect.poll(() => badge.count()).toBe(0);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'enterprise-notice');
        // A new page of the portal still counts it read.
        await page.reload();
        await page.getByRole('heading', { name: '政策通知' }).waitFor();
        await expect.poll(() => page.locator('.notice-inbox li.unread').count()).toBe(unread - 1);
        expect(watched.problems.filter((p) => !/status of (400|401|403)/.test(p))).toEqual([]);
      } finally {
        await watched.close();
      }
    });
  });
}

/**
 * 企业 in the back office: staff see a pending registration first, approve it after a confirmation,
 * open the enterprise, see its profile with each fact's source, verify a fact with a note — and the
 * enterprise then sees that fact as verified, in the API and in its portal. A wrong credit code is named beside its field; a
 * profile sheet with a bad row lists it by row, column and header. 政策直达 lists who fits a rule,
 * and its “导出 Excel” downloads the three groups, opened and checked. Each screen is axe-clean.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { adminPage, realProblems, STAFF } from '../support/admin.js';
import { seriousViolations } from '../support/axe.js';
import { screenshot } from '../support/browser.js';
import type { E2EContext } from '../support/context.js';

/** Unified social credit codes with right GB 32100 check characters (the enterprise suite uses …0000AT). */
const PENDING_CODE = '91320500MA1N0012XD';
const IMPORTED_CODE = '91320500MA1N0013XE';
const NAME = '云杉湖光电材料有限公司';
const USER = { username: 'hu.lan', password: 'pingtan-yunshan-guangdian-37' };

interface PortalClient {
  cookie: string;
  csrf: string;
}

async function registerPending(base: string): Promise<void> {
  const reply = await fetch(`${base}/api/enterprise/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ creditCode: PENDING_CODE, name: NAME, contactName: '胡岚', contactPhone: '0512-66661234', ...USER, displayName: '胡岚' }),
  });
  expect(reply.status).toBe(201);
}

async function portalLogin(base: string): Promise<PortalClient> {
  const reply = await fetch(`${base}/api/enterprise/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ creditCode: PENDING_CODE, username: USER.username, password: USER.password }),
  });
  expect(reply.status).toBe(200);
  return { cookie: reply.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await reply.json()) as { csrfToken: string }).csrfToken };
}

/** A profile sheet: one good row (a new enterprise) and one whose 职工总数 is not a number. */
async function profileSheet(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业画像');
  sheet.addRow(['统一社会信用代码', '企业名称', '职工总数']);
  sheet.addRow([IMPORTED_CODE, '湖畔精密制造有限公司', 64]);
  sheet.addRow([PENDING_CODE, NAME, '很多']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function adminEnterpriseTests(ctx: E2EContext): void {
  describe('back office: enterprises', () => {
    it('approves a pending registration, verifies a fact, and the enterprise sees it verified', async () => {
      const base = ctx.server.url;
      await registerPending(base);
      const watched = await adminPage(ctx.browser, base, STAFF.admin, '/admin/enterprises');
      const { page, close } = watched;
      try {
        await page.getByRole('heading', { name: '企业', level: 1 }).waitFor();
        // Pending first, whatever the name: every row up to this one's is pending.
        await expect.poll(() => page.getByTestId('enterprise-row').filter({ hasText: PENDING_CODE }).count()).toBe(1);
        const rows = await page.getByTestId('enterprise-row').allTextContents();
        const mine = rows.findIndex((r) => r.includes(PENDING_CODE));
        expect(rows.slice(0, mine + 1).every((r) => r.includes('待审核'))).toBe(true);
        await page.getByLabel('状态', { exact: true }).selectOption('pending');
        await page.getByLabel('搜索企业名称或统一社会信用代码').fill(PENDING_CODE);
        await page.getByRole('button', { name: '搜索' }).click();
        await expect.poll(() => page.getByTestId('enterprise-row').count()).toBe(1);
        const row = page.getByTestId('enterprise-row').first();
        await row.getByText('待审核').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'admin-enterprises');

        // A wrong check character is named beside the credit code's field.
        await page.locator('#ent-new-creditCode').fill('91320500MA1N0012XA');
        await page.locator('#ent-new-name').fill('校验位写错的公司');
        await page.getByRole('button', { name: '创建企业' }).click();
        await expect.poll(() => page.getByTestId('ent-new-creditCode-error').textContent()).toContain('校验位不符（按前17位算应为“D”）');
        expect(await page.locator('#ent-new-creditCode').getAttribute('aria-invalid')).toBe('true');

        // Approve after a confirmation; cancelling first changes nothing.
        await row.getByRole('button', { name: `审核通过：${NAME}` }).click();
        const dialog = page.getByRole('dialog', { name: '通过注册审核' });
        await dialog.waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await dialog.getByRole('button', { name: '取消' }).click();
        await row.getByText('待审核').waitFor();
        await row.getByRole('button', { name: `审核通过：${NAME}` }).click();
        await dialog.getByRole('button', { name: '审核通过' }).click();
        await expect.poll(() => page.getByTestId('enterprises-message').textContent()).toContain('已通过审核');
        await expect.poll(() => page.getByTestId('enterprise-row').count()).toBe(0);

        // Now the enterprise can log in and declare two facts.
        const portal = await portalLogin(base);
        const saved = await fetch(`${base}/api/enterprise/profile`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', cookie: portal.cookie, 'x-csrf-token': portal.csrf },
          body: JSON.stringify({ profile: { employees: 120, stStaff: 30 } }),
        });
        expect(saved.status).toBe(200);

        // Open it, see the facts as self-declared, verify one with a note.
        await page.getByLabel('状态', { exact: true }).selectOption('');
        await page.getByRole('link', { name: NAME }).click();
        await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
        expect(new URL(page.url()).pathname).toMatch(/^\/admin\/enterprises\/[\w-]+$/);
        await page.getByTestId('enterprise-status').getByText('已启用').waitFor();
        await page.getByTestId('enterprise-users').getByText(USER.username).waitFor();
        const employees = page.locator('[data-fact="employees"]');
        await employees.getByText('自报').waitFor();
        await employees.getByRole('checkbox').check();
        await page.getByLabel('核验说明').fill('2024年社保缴费名单');
        await page.getByRole('button', { name: '核验所选（1 项）' }).click();
        await expect.poll(() => page.getByTestId('enterprise-message').textContent()).toBe('已核验 1 项：职工总数');
        await employees.getByText('已核验').waitFor();
        await expect.poll(() => employees.getByTestId('fact-verifier').textContent()).toMatch(new RegExp(`^\\s*${STAFF.admin.name}，.*2024年社保缴费名单`));
        await page.locator('[data-fact="stStaff"]').getByText('自报').waitFor();
        await expect.poll(() => page.getByTestId('enterprise-history').textContent()).toContain('核验');
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'admin-enterprise-detail');

        // The enterprise's own view says the same.
        const profile = await fetch(`${base}/api/enterprise/profile`, { headers: { cookie: portal.cookie } });
        const { facts } = (await profile.json()) as { facts: { key: string; source: string; verifiedBy?: string; note?: string }[] };
        expect(facts.find((f) => f.key === 'employees')).toMatchObject({ source: 'verified', verifiedBy: STAFF.admin.name, note: '2024年社保缴费名单' });
        expect(facts.find((f) => f.key === 'stStaff')?.source).toBe('self-declared');
        // …and so does its portal: 职工总数 carries the verified badge, 科技人员数 does not.
        await page.goto(`${base}/enterprise`);
        await page.getByRole('heading', { name: '企业登录' }).waitFor();
        await page.getByLabel('统一社会信用代码').fill(PENDING_CODE);
        await page.getByLabel('用户名').fill(USER.username);
        await page.getByLabel('密码').fill(USER.password);
        await page.getByRole('button', { name: '登录' }).click();
        await page.getByRole('heading', { name: '企业画像', level: 1 }).waitFor();
        await page.locator('label[for="f-employees"]').getByText('已核实').waitFor();
        expect(await page.locator('label[for="f-stStaff"]').getByText('已核实').count()).toBe(0);
        expect(realProblems(watched).filter((p) => !/status of 400/.test(p))).toEqual([]);
      } finally {
        await close();
      }
    });

    it('imports a profile sheet (good rows stored, a bad row listed by row, column and header), adds a user to the new enterprise, disables and enables it', async () => {
      const watched = await adminPage(ctx.browser, ctx.server.url, STAFF.editor, '/admin/enterprises');
      const { page, close } = watched;
      try {
        await page.getByRole('heading', { name: '导入企业画像' }).waitFor();
        await page.getByLabel('选择 XLSX 文件').setInputFiles({
          name: 'profiles.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: await profileSheet(),
        });
        await page.getByRole('button', { name: '上传并导入' }).click();
        const result = page.getByTestId('ent-import-result');
        await result.getByText('已导入 1 行').waitFor();
        const problems = page.getByTestId('ent-import-problems');
        await expect.poll(() => problems.locator('tbody tr').first().textContent()).toMatch(/第3行\s*C\s*职工总数/);
        // The new enterprise is in the list, active.
        await page.getByLabel('搜索企业名称或统一社会信用代码').fill(IMPORTED_CODE);
        await page.getByRole('button', { name: '搜索' }).click();
        await expect.poll(() => page.getByTestId('enterprise-row').first().textContent()).toContain('已启用');
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'admin-enterprises-import');
        // Open it and add a user: a weak password is named beside its field, then a good one.
        await page.getByRole('link', { name: '湖畔精密制造有限公司' }).click();
        await page.getByRole('heading', { name: '湖畔精密制造有限公司', level: 1 }).waitFor();
        await page.locator('[data-fact="employees"]').getByText('64', { exact: true }).waitFor();
        await page.locator('#ent-user-username').fill('xu.qing');
        await page.locator('#ent-user-displayName').fill('徐青');
        await page.locator('#ent-user-password').fill('12345678');
        await page.getByRole('button', { name: '添加用户' }).click();
        await page.locator('#ent-user-password-error').waitFor();
        expect(await page.locator('#ent-user-password').getAttribute('aria-invalid')).toBe('true');
        await page.locator('#ent-user-password').fill('hupan-jingmi-zhizao-2026');
        await page.getByRole('button', { name: '添加用户' }).click();
        await expect.poll(() => page.getByTestId('enterprise-message').textContent()).toBe('已添加用户 xu.qing');
        await page.getByTestId('enterprise-users').getByText('徐青').waitFor();
        // Disable it and enable it again, each after its confirmation.
        for (const [action, dialogName, status] of [['停用', '停用企业', '已停用'], ['重新启用', '重新启用企业', '已启用']] as const) {
          await page.getByRole('button', { name: `${action}：湖畔精密制造有限公司` }).click();
          await page.getByRole('dialog', { name: dialogName }).getByRole('button', { name: action, exact: true }).click();
          await expect.poll(() => page.getByTestId('enterprise-status').textContent()).toBe(status);
        }
        expect(await seriousViolations(page)).toEqual([]);
        const exported = await page.request.get(`${ctx.server.url}/api/admin/enterprises/export`);
        expect(exported.status()).toBe(200);
        expect(exported.headers()['content-type']).toContain('spreadsheetml');
        expect(realProblems(watched).filter((p) => !/status of 400/.test(p))).toEqual([]);
      } finally {
        await close();
      }
    });

    it('shows counter staff the enterprises and their profiles, without a button that changes them', async () => {
      const watched = await adminPage(ctx.browser, ctx.server.url, STAFF.window, '/admin/enterprises');
      const { page, close } = watched;
      try {
        await page.getByRole('link', { name: NAME }).waitFor();
        for (const heading of ['新建企业', '导入企业画像']) expect(await page.getByRole('heading', { name: heading }).count()).toBe(0);
        expect(await page.getByRole('button', { name: /审核通过|停用|重新启用/ }).count()).toBe(0);
        await page.getByTestId('enterprise-export').waitFor();
        await page.getByRole('link', { name: NAME }).click();
        await page.locator('[data-fact="employees"]').getByText('已核验').waitFor();
        expect(await page.getByRole('checkbox').count()).toBe(0);
        expect(await page.getByRole('button', { name: /核验所选|添加用户|停用/ }).count()).toBe(0);
        expect(await seriousViolations(page)).toEqual([]);
        expect(realProblems(watched)).toEqual([]);
      } finally {
        await close();
      }
    });

    it('lists who a qualification fits in 政策直达, and downloads the list as Excel with the three groups', async () => {
      const watched = await adminPage(ctx.browser, ctx.server.url, STAFF.editor, '/admin/outreach');
      const { page, close } = watched;
      try {
        await page.getByRole('heading', { name: '政策直达', level: 1 }).waitFor();
        await page.getByTestId('outreach-rule').selectOption('tech-sme-evaluation');
        await expect.poll(() => page.getByTestId('outreach-counts').textContent()).toMatch(/符合 \d+ 家/);
        // The imported enterprise has only its staff count: it might fit, lacking last year's figures.
        const might = page.getByTestId('outreach-might').locator('tr', { hasText: '湖畔精密制造有限公司' });
        await expect.poll(() => might.textContent()).toContain('销售');
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'admin-outreach');

        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
        expect(download.suggestedFilename()).toMatch(/^xiaoxin-outreach-tech-sme-evaluation-\d{4}-\d{2}-\d{2}\.xlsx$/);
        const workbook = new ExcelJS.Workbook();
        // From a buffer: exceljs's file (stream) reader has missed workbook.xml on a busy machine.
        await workbook.xlsx.load((await readFile((await download.path())!)) as never);
        expect(workbook.worksheets.map((w) => w.name)).toEqual(['说明', '符合', '可能符合（缺信息）', '不符合']);
        expect(workbook.getWorksheet('说明')!.getCell('B1').value).toBe('科技型中小企业评价（入库登记）');
        const sheet = workbook.getWorksheet('可能符合（缺信息）')!;
        expect(sheet.getCell('C1').value).toBe('还缺的信息');
        const rows = sheet.getSheetValues() as unknown[][];
        const row = rows.find((r) => r?.[1] === '湖畔精密制造有限公司');
        expect(row?.[2]).toBe(IMPORTED_CODE);
        expect(String(row?.[3])).toContain('销售');
        expect(realProblems(watched)).toEqual([]);
      } finally {
        await close();
      }
    });
  });
}

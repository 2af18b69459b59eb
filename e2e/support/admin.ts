/**
 * The back office's accounts and page helpers. Each account logs in through the login screen
 * once; later pages of the same account reuse its cookie (the server limits logins a minute per
 * address, and a test should not spend them).
 */
import type { Browser, Page } from 'playwright-core';
import { openPage, type PageOptions, type WatchedPage } from './browser.js';
import type { StaffAccount } from './server.js';

const PASSWORD = 'Xinghe-2026-test';

export const STAFF = {
  admin: { name: 'wang.admin', role: 'admin', password: PASSWORD, displayName: '王管理' },
  editor: { name: 'li.editor', role: 'editor', password: PASSWORD, displayName: '李编辑' },
  reviewer: { name: 'zhao.reviewer', role: 'reviewer', password: PASSWORD, displayName: '赵审核' },
  window: { name: 'chen.window', role: 'window', password: PASSWORD, displayName: '陈窗口' },
} satisfies Record<string, StaffAccount>;

export const STAFF_ACCOUNTS: StaffAccount[] = Object.values(STAFF);

type StorageState = Awaited<ReturnType<WatchedPage['context']['storageState']>>;
const sessions = new Map<string, StorageState>();

/** Fills the login form and submits it. */
export async function submitLogin(page: Page, name: string, password: string): Promise<void> {
  await page.getByLabel('账号').fill(name);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * A page of the back office at `path` (e.g. `/admin/items`), logged in as `account`.
 */
export async function adminPage(
  browser: Browser,
  baseUrl: string,
  account: StaffAccount,
  path = '/admin',
  options: PageOptions = {},
): Promise<WatchedPage> {
  const state = sessions.get(account.name);
  const watched = await openPage(browser, `${baseUrl}${path}`, { ...options, ...(state ? { storageState: state } : {}) });
  if (!state) {
    await submitLogin(watched.page, account.name, account.password);
    await watched.page.getByTestId('current-user').waitFor();
    sessions.set(account.name, await watched.context.storageState());
  }
  await watched.page.getByTestId('current-user').waitFor();
  return watched;
}

/**
 * Console errors, page errors and CSP violations of a back-office page, less the one expected:
 * the browser reports a refused API request as a console error — the GET /api/admin/me of a page
 * opened without a session (401), and the login screen's own refused login (401).
 */
export function realProblems(watched: WatchedPage): string[] {
  return watched.problems.filter((p) => !/status of 401/.test(p));
}

/** Whether a canvas inside `selector` has anything drawn on it. */
export async function canvasDrawn(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(`${sel} canvas`) as HTMLCanvasElement | null;
    if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
    return false;
  }, selector);
}

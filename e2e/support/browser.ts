/**
 * Headless Chromium (the Debian package) driven by playwright-core, plus the page helpers every
 * end-to-end test uses: console and CSP errors are collected so a test can insist on none.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { ROOT } from './server.js';

export const CHROMIUM = process.env.XIAOXIN_CHROMIUM ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const SCREENSHOTS = path.join(ROOT, 'test-artifacts/screenshots');

if (!HAVE_CHROMIUM) {
  process.stderr.write(
    `e2e: no Chromium at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk, or set XIAOXIN_CHROMIUM); the end-to-end tests are skipped\n`,
  );
}

/** `extraArgs`: more Chromium switches (a fake microphone fed from a file, for one suite). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
      ...extraArgs,
    ],
  });
}

export const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
  kiosk: { width: 1080, height: 1920 },
} as const;

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  problems: string[];
  close(): Promise<void>;
}

export interface PageOptions extends BrowserContextOptions {
  /** Scripts run in every page before its own. */
  init?: (() => void)[];
  /** What the browser's clock says (a staff laptop whose clock or time zone is off). */
  clock?: Date;
}

export async function openPage(
  browser: Browser,
  url: string,
  options: PageOptions = {},
): Promise<WatchedPage> {
  const { init = [], clock, ...contextOptions } = options;
  const context = await browser.newContext({
    viewport: VIEWPORTS.desktop,
    locale: 'zh-CN',
    reducedMotion: 'reduce',
    ...contextOptions,
  });
  for (const script of init) await context.addInitScript(script);
  // Date.now() and new Date() say `clock`; timers still run, so the page works as usual.
  if (clock) await context.clock.setFixedTime(clock);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  return { page, context, problems, close: () => context.close() };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  // Let the avatar settle and fonts load before the picture is taken.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/**
 * The web app end to end in headless Chromium, against the real server started as a user starts
 * it (`xiaoxin serve --demo`, after `npm run build`). One server and one browser for all suites,
 * which keeps the load on a small test machine down; the suites are in `suites/`. The back office's
 * staff accounts are created before the server starts (see `support/admin.ts`).
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { E2E_ENV } from './support/app.js';
import { HAVE_CHROMIUM, launchBrowser } from './support/browser.js';
import type { E2EContext } from './support/context.js';
import { startHostPage } from './support/host-page.js';
import { startServer } from './support/server.js';
import { STAFF_ACCOUNTS } from './support/admin.js';
import { adminEnterpriseTests } from './suites/admin-enterprises.js';
import { adminHotQuestionTests } from './suites/admin-hot-questions.js';
import { adminInsightsTests } from './suites/admin-insights.js';
import { adminPublishTests } from './suites/admin-publish.js';
import { adminRulesTests } from './suites/admin-rules.js';
import { adminTests } from './suites/admin.js';
import { chatTests } from './suites/chat.js';
import { directoryTests } from './suites/directory.js';
import { enterpriseTests } from './suites/enterprise.js';
import { kioskTests } from './suites/kiosk.js';
import { serverVoiceTests } from './suites/server-voice.js';
import { voiceTests } from './suites/voice.js';
import { widgetTests } from './suites/widget.js';

describe.skipIf(!HAVE_CHROMIUM)('web app, end to end', () => {
  // Filled before the first test runs; the suites read it inside their tests.
  const ctx = {} as E2EContext;

  beforeAll(async () => {
    const [server, browser] = await Promise.all([startServer(E2E_ENV, STAFF_ACCOUNTS), launchBrowser()]);
    Object.assign(ctx, { server, browser, host: await startHostPage(server.url) });
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.host?.stop();
    await ctx.server?.stop();
  });

  chatTests(ctx);
  voiceTests(ctx);
  kioskTests(ctx);
  widgetTests(ctx);
  adminTests(ctx);
  adminPublishTests(ctx);
  adminInsightsTests(ctx);
  adminHotQuestionTests(ctx);
  enterpriseTests(ctx);
  adminEnterpriseTests(ctx);
  directoryTests(ctx);
  adminRulesTests(ctx);
  // A server and a browser of its own: one that speaks and hears, one with a fake microphone.
  serverVoiceTests();
});

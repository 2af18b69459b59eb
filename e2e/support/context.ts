/** What every suite shares: one server, one browser, one "other website" for the widget. */
import type { Browser } from 'playwright-core';
import type { HostPage } from './host-page.js';
import type { RunningServer } from './server.js';

export interface E2EContext {
  server: RunningServer;
  browser: Browser;
  host: HostPage;
}

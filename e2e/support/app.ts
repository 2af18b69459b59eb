/** Page-level helpers for the assistant's screen. */
import type { Locator, Page } from 'playwright-core';

export function questionBox(page: Page | ReturnType<Page['frameLocator']>): Locator {
  return page.getByRole('combobox', { name: '输入您的问题' });
}

/** Types a question and presses Enter, as a person does. */
export async function askByTyping(page: Page | ReturnType<Page['frameLocator']>, question: string): Promise<void> {
  const box = questionBox(page);
  await box.fill(question);
  await box.press('Enter');
}

export function answerCards(page: Page | ReturnType<Page['frameLocator']>): Locator {
  return page.getByTestId('answer-card');
}

export async function fontSizePx(locator: Locator): Promise<number> {
  return locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

/**
 * Server settings every end-to-end run uses: a zone name to see, and no rate limit to trip over.
 * The server does not speak here, so that the suites can watch the browser's speech stand-in;
 * suites/server-voice.ts starts a server of its own that speaks and hears.
 */
export const E2E_ENV = { XIAOXIN_ZONE_NAME: '星河高新区', XIAOXIN_RATE_LIMIT: '0', XIAOXIN_SPEECH_OUT: '0' };

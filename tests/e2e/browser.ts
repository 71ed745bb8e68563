import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './chromium';

export const chromiumPath = inject('chromiumPath');
export const baseUrl = inject('baseUrl');
export const hasChromium = chromiumPath !== '';

/**
 * One browser per test file; each test opens a fresh context (its own empty IndexedDB) with `newPage()`.
 */
export function useBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium(chromiumPath);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
  });
  return {
    async newPage(path = '/'): Promise<Page> {
      if (!browser) throw new Error('browser not launched');
      const context = await browser.newContext({ baseURL: baseUrl });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(path);
      Object.assign(page, { cardinalErrors: errors });
      return page;
    },
  };
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { cardinalErrors?: string[] }).cardinalErrors ?? [];
}

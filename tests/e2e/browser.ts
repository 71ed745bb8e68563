import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { launchChromium } from './chromium';

export const chromiumPath = inject('chromiumPath');
export const baseUrl = inject('baseUrl');
export const hasChromium = chromiumPath !== '';

type WatchedPage = Page & { cardinalErrors?: string[]; cardinalErrorsExpected?: RegExp[] };

/** Reports Content-Security-Policy violations as console errors (Chromium also logs most of them itself). */
function reportCspViolations() {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(
      `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
    );
  });
}

/** Collects the page's uncaught errors, console errors and CSP violations. */
function watch(page: Page): Page {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  Object.assign(page, { cardinalErrors: errors });
  return page;
}

/**
 * One browser per test file; each test opens a fresh context (its own empty IndexedDB) with `newPage()`, and a
 * second tab of the same context with `newTab()`. After every test, each page it opened must have logged no
 * error, no uncaught exception and no CSP violation (unless the test declared it with `expectErrors`).
 */
export function useBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let pages: Page[] = [];
  beforeAll(async () => {
    browser = await launchChromium(chromiumPath);
  });
  afterEach(() => {
    const opened = pages;
    pages = [];
    for (const page of opened as WatchedPage[]) {
      const allowed = page.cardinalErrorsExpected ?? [];
      const unexpected = (page.cardinalErrors ?? []).filter((e) => !allowed.some((re) => re.test(e)));
      expect(unexpected, `errors logged by ${page.url()}`).toEqual([]);
    }
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
  });
  return {
    async newPage(
      path = '/',
      options: { colorScheme?: 'light' | 'dark'; bypassCSP?: boolean } = {},
    ): Promise<Page> {
      if (!browser) throw new Error('browser not launched');
      const context = await browser.newContext({ baseURL: baseUrl, ...options });
      await context.addInitScript(reportCspViolations);
      contexts.push(context);
      return this.newTab(context, path);
    },
    /** Another tab in the same context (same IndexedDB), watched like the first. */
    async newTab(context: BrowserContext, path = '/'): Promise<Page> {
      const page = watch(await context.newPage());
      pages.push(page);
      await page.goto(path);
      return page;
    },
  };
}

export function pageErrors(page: Page): string[] {
  return (page as WatchedPage).cardinalErrors ?? [];
}

/** Errors this test provokes on purpose (e.g. a damaged record), matched by pattern; any other still fails. */
export function expectErrors(page: Page, ...patterns: RegExp[]): void {
  const watched = page as WatchedPage;
  watched.cardinalErrorsExpected = [...(watched.cardinalErrorsExpected ?? []), ...patterns];
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useBrowser } from './browser';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.x A/AA rules and best practices). */
async function seriousViolations(page: Page): Promise<string[]> {
  // axe probes for eval: these pages run with the CSP bypassed (the other e2e tests run the app under it).
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  });
  return (violations as Violation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every page of the app, reached as a user would, with something on screen to check. */
const PAGES: Array<[string, string, (page: Page) => Promise<void>]> = [
  [
    'home',
    '/',
    async (p) => void (await p.getByRole('link', { name: 'Study now: Virtualization' }).waitFor()),
  ],
  [
    'review question',
    '/review/virtualization',
    async (p) => void (await p.getByRole('button', { name: 'Show answer' }).waitFor()),
  ],
  [
    'review answer',
    '/review/virtualization',
    async (p) => {
      await p.getByRole('button', { name: 'Show answer' }).click();
      await p.locator('fieldset.grades').waitFor();
    },
  ],
  [
    'custom study choices',
    '/custom-study/virtualization',
    async (p) => void (await p.getByRole('button', { name: 'Review ahead' }).waitFor()),
  ],
  [
    'cram session answer',
    '/review/virtualization?cram=section:overview',
    async (p) => {
      await p.getByRole('button', { name: 'Show answer' }).click();
      await p.locator('fieldset.grades').waitFor();
    },
  ],
  [
    'deck settings',
    '/decks/virtualization/settings',
    async (p) => void (await p.getByRole('button', { name: /save/i }).first().waitFor()),
  ],
  [
    'exam set-up, sitting, review grid and results',
    '/decks/virtualization/exam',
    async (p) => {
      await p.getByLabel('Number of questions').fill('3');
      await p.getByRole('button', { name: 'Start exam' }).click();
      await p.getByText('Question 1 / 3').waitFor();
      await p.keyboard.press('1');
      await p.locator('.choice[aria-pressed="true"]').waitFor();
    },
  ],
  ['exam history', '/exams', async (p) => void (await p.getByRole('heading', { level: 1 }).waitFor())],
  [
    'readiness',
    '/decks/virtualization/readiness',
    async (p) => void (await p.getByRole('heading', { level: 1 }).waitFor()),
  ],
  [
    'guide',
    '/decks/virtualization/guide',
    async (p) => void (await p.getByRole('heading', { level: 1 }).waitFor()),
  ],
  [
    'import / export',
    '/transfer',
    async (p) => void (await p.getByRole('button', { name: 'Export full backup' }).waitFor()),
  ],
  [
    'statistics',
    '/stats?deck=virtualization',
    async (p) => void (await p.getByRole('heading', { name: 'True retention' }).waitFor({ timeout: 30_000 })),
  ],
  [
    'browse',
    '/browse',
    async (p) => void (await p.getByRole('searchbox', { name: 'Search cards' }).waitFor()),
  ],
  [
    'settings',
    '/settings',
    async (p) => void (await p.getByRole('button', { name: 'Check database' }).waitFor()),
  ],
  [
    'not found',
    '/no-such-page',
    async (p) => void (await p.getByRole('heading', { name: 'Page not found' }).waitFor()),
  ],
];

/**
 * Violations fixed on another branch this round (issue 11: the home page's "Study now" link, whose accessible name
 * "Study Virtualization" does not contain its visible label). Remove the entry once that branch is merged.
 */
describe.skipIf(!hasChromium)('Accessibility (axe-core)', () => {
  const browser = useBrowser();

  for (const scheme of ['light', 'dark'] as const)
    it(`no serious or critical violation on any page, ${scheme} scheme`, async () => {
      const page = await browser.newPage('/', { colorScheme: scheme, bypassCSP: true });
      const found: Record<string, string[]> = {};
      for (const [name, path, ready] of PAGES) {
        await page.goto(path);
        await ready(page);
        const violations = await seriousViolations(page);
        if (violations.length > 0) found[name] = violations;
      }
      const results = await page.evaluate(() => document.title);
      expect(results).toContain('Cardinal');
      expect(found).toEqual({});
    });

  it('after grading, focus is on the next card’s question', async () => {
    const page = await browser.newPage('/review/virtualization');
    await page
      .getByRole('button', { name: 'Show answer' })
      .or(page.locator('.choices button'))
      .first()
      .waitFor();
    const first = await page.locator('.prompt-question').textContent();
    if (await page.getByRole('button', { name: 'Show answer' }).isVisible())
      await page.keyboard.press('Space');
    else await page.keyboard.press('1');
    await page.locator('fieldset.grades').waitFor();
    await page.keyboard.press('3');
    await page.locator('fieldset.grades').waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('prompt-question');
    expect(await page.evaluate(() => document.activeElement?.textContent)).not.toBe(first);
    expect(await page.title()).toBe('Review · Virtualization · Cardinal');
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, pageErrors, useBrowser } from './browser';

/** Reveals and grades whatever card is shown (Good), by keyboard. */
async function answerGood(page: Page): Promise<void> {
  const reveal = page.getByRole('button', { name: 'Show answer' });
  const choice = page.locator('.choices button:enabled').first();
  await reveal.or(choice).first().waitFor();
  await page.keyboard.press((await reveal.isVisible()) ? 'Space' : '1');
  await page.locator('fieldset.grades').waitFor();
  await page.keyboard.press('3');
  await page.locator('fieldset.grades').waitFor({ state: 'detached' });
}

async function todayAnswers(page: Page): Promise<string> {
  const today = page.getByRole('region', { name: 'Today' });
  return (await today.locator('dt:text-is("Answers") + dd').textContent()) ?? '';
}

describe.skipIf(!hasChromium)('Statistics in Chromium', () => {
  const browser = useBrowser();

  it("shows today's answers and the calendar cell, computed in a worker, and keeps them after a reload", async () => {
    const page = await browser.newPage('/');
    await page.getByRole('link', { name: 'Study Virtualization' }).click();
    for (let i = 0; i < 3; i++) await answerGood(page);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics' }).click();
    await page.getByRole('heading', { name: 'True retention' }).waitFor({ timeout: 30_000 });
    expect(await todayAnswers(page)).toBe('3');
    const cell = page.locator('.heatmap [data-day].today');
    expect(await cell.getAttribute('data-count')).toBe('3');
    expect(await page.getByText('3 answers on 1 study day in the last 12 months.').isVisible()).toBe(true);

    await page.reload();
    await page.getByRole('heading', { name: 'True retention' }).waitFor({ timeout: 30_000 });
    expect(await todayAnswers(page)).toBe('3');
    expect(await page.locator('.heatmap [data-day].today').getAttribute('data-count')).toBe('3');
    // The charts are drawn (uPlot canvases), not only their tables.
    expect(await page.locator('.chart-canvas canvas').count()).toBeGreaterThan(3);
    expect(pageErrors(page)).toEqual([]);
  });
});

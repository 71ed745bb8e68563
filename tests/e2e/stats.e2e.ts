import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/**
 * Writes a small synthetic history straight into the app's IndexedDB: `items` review items of the Virtualization
 * deck, each answered `answers` times on successive, widening days (first as new), Again now and then.
 */
function seedHistory(page: Page, items: number, answers: number): Promise<number> {
  return page.evaluate(
    ([items, answers]) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('cardinal');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const keys = db.transaction('cardStates').objectStore('cardStates').getAllKeys(null, items);
          keys.onsuccess = () => {
            const tx = db.transaction('reviewLogs', 'readwrite');
            const store = tx.objectStore('reviewLogs');
            const day = 86_400_000;
            const start = Date.now() - 400 * day;
            let written = 0;
            (keys.result as Array<[string, string]>).forEach(([deckId, itemId], n) => {
              let at = start + n * 60_000;
              for (let i = 0; i < answers; i++) {
                const rating = i > 0 && (n + i) % 7 === 0 ? 1 : 3;
                const state = i === 0 ? 0 : 2;
                const before = { fsrs: {}, suspended: false, leech: false };
                store.add({
                  deckId,
                  itemId,
                  cardId: itemId.split('#')[0],
                  rating,
                  state,
                  due: at,
                  stability: 1,
                  difficulty: 5,
                  elapsed_days: 0,
                  last_elapsed_days: 0,
                  scheduled_days: 2 ** i,
                  learning_steps: 0,
                  review: at,
                  durationMs: 5000,
                  source: 'import',
                  before,
                });
                written++;
                at += Math.round(1.8 ** i * (rating === 1 ? 0.5 : 1)) * day + 3_600_000;
              }
            });
            tx.oncomplete = () => {
              db.close();
              resolve(written);
            };
            tx.onerror = () => reject(tx.error);
          };
        };
      }),
    [items, answers] as const,
  );
}

describe.skipIf(!hasChromium)('Statistics in Chromium', () => {
  const browser = useBrowser();

  it("shows today's answers and the calendar cell, computed in a worker, and keeps them after a reload", async () => {
    const page = await browser.newPage('/');
    await page.getByRole('link', { name: 'Study now: Virtualization' }).click();
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
    // No accessibility violations axe-core can find on the finished page.
    await page.addScriptTag({
      content: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'),
    });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string }> }> } }
      ).axe;
      return (await axe.run()).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });

  it('optimizes FSRS parameters in a worker (cross-origin isolated, for the progress bar) and applies them only when confirmed', async () => {
    const page = await browser.newPage('/');
    await page.getByRole('link', { name: 'Study now: Virtualization' }).waitFor();
    await page.goto('/decks/virtualization/settings');
    await page.getByRole('button', { name: 'Optimize parameters' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(
      /0 usable review\(s\), and at least 400 are needed/,
    );

    expect(await seedHistory(page, 60, 9)).toBe(540);
    await page.reload();
    await page.getByRole('button', { name: 'Optimize parameters' }).click();
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true); // the progress bar can read shared memory
    await page.getByRole('heading', { name: 'Result on your 480 reviews' }).waitFor({ timeout: 60_000 });
    const rows = page
      .getByRole('table', { name: 'Current and fitted parameters on your history' })
      .getByRole('row');
    expect(await rows.nth(1).textContent()).toMatch(/^Current \(defaults\)0\.\d{4}\d+\.\d{2} %$/);
    expect(await page.getByText('This deck uses the default FSRS parameters.').isVisible()).toBe(true);

    await page
      .getByRole('checkbox', { name: "Also reschedule this deck's cards from their history" })
      .check();
    await page.getByRole('button', { name: 'Apply fitted parameters' }).click();
    await page.getByText(/^Fitted parameters applied\. \d+ card\(s\) rescheduled/).waitFor();
    await page.reload();
    await page.getByText(/This deck uses parameters fitted to 480 of your reviews/).waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ReviewLogRecord } from '../../src/domain/records';
import { expectErrors, hasChromium, useBrowser } from './browser';
import { readStore } from './idb';

async function remaining(page: Page): Promise<string> {
  return (await page.getByRole('status', { name: /^Remaining today/ }).getAttribute('aria-label')) ?? '';
}

/** Reveals whatever card is shown (basic/cloze: Space; choice: option 1) and waits for the grade buttons. */
async function reveal(page: Page) {
  const show = page.getByRole('button', { name: 'Show answer' });
  await show.or(page.locator('.choices button:enabled')).first().waitFor();
  await page.keyboard.press((await show.isVisible()) ? 'Space' : '1');
  await page.locator('fieldset.grades').waitFor();
}

describe.skipIf(!hasChromium)('Several tabs', () => {
  const browser = useBrowser();

  it('grading in one tab updates the other; the same card graded in both keeps every log consistent', async () => {
    const a = await browser.newPage('/review/virtualization');
    const b = await browser.newTab(a.context(), '/review/virtualization');
    await a.getByRole('status', { name: /^Remaining today/ }).waitFor();
    await b.getByRole('status', { name: /^Remaining today/ }).waitFor();
    expect(await remaining(b)).toBe('Remaining today: 20 new, 0 learning, 0 review');

    await reveal(a);
    await a.keyboard.press('3');
    await expect.poll(() => remaining(a)).not.toBe('Remaining today: 20 new, 0 learning, 0 review');
    await expect.poll(() => remaining(b)).toBe(await remaining(a));

    // Both tabs now show the same card; grade it in both at once.
    await reveal(a);
    await reveal(b);
    await Promise.all([a.keyboard.press('3'), b.keyboard.press('1')]);
    await expect
      .poll(async () => (await readStore<ReviewLogRecord>(a, 'reviewLogs')).length)
      .toBeGreaterThan(1);
    await a.getByRole('status', { name: /^Remaining today/ }).waitFor();
    const logs = await readStore<ReviewLogRecord>(a, 'reviewLogs');
    // Every answer of an item was applied to the state the previous answer left: no stale state, no lost log.
    const byItem = new Map<string, ReviewLogRecord[]>();
    for (const log of logs) byItem.set(log.itemId, [...(byItem.get(log.itemId) ?? []), log]);
    for (const itemLogs of byItem.values())
      itemLogs.forEach((log, i) => {
        expect(log.before.fsrs.reps).toBe(i);
      });
    expect(logs.length).toBeLessThanOrEqual(3);
    await expect.poll(() => remaining(b)).toBe(await remaining(a));
  });

  it('a schema upgrade in another tab asks this tab to reload instead of hanging', async () => {
    const app = await browser.newPage('/');
    await app.getByRole('link', { name: 'Study now: Virtualization' }).waitFor();
    const other = await browser.newTab(app.context(), '/manifest.webmanifest');
    // Chromium asks a non-HTML page for /favicon.ico, which the app does not have.
    expectErrors(other, /status of 404/);
    // A newer version of Cardinal opens the database at a higher schema version (Dexie stores n as n * 10).
    const version = await other.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const current = indexedDB.open('cardinal');
          current.onsuccess = () => {
            const next = current.result.version + 10;
            current.result.close();
            const upgrade = indexedDB.open('cardinal', next);
            upgrade.onsuccess = () => {
              upgrade.result.close();
              resolve(upgrade.result.version);
            };
            upgrade.onblocked = () => reject(new Error('upgrade blocked by the open tab'));
            upgrade.onerror = () => reject(upgrade.error);
          };
        }),
    );
    expect(version).toBeGreaterThan(20);
    await expect
      .poll(() => app.getByRole('alert').textContent())
      .toContain('Cardinal was updated in another tab. Reload this tab to continue');
    await expect.poll(() => app.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
  });
});

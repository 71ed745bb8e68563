import { describe, expect, it } from 'vitest';
import type { ReviewLogRecord } from '../../src/domain/records';
import { hasChromium, pageErrors, useBrowser } from './browser';
import { readStore } from './idb';

describe.skipIf(!hasChromium)('Offline and installable', () => {
  const browser = useBrowser();

  it('after one visit the app reloads with the network off and a card can be reviewed', async () => {
    const page = await browser.newPage('/');
    await page.getByRole('link', { name: 'Study now: Virtualization' }).waitFor();
    // The service worker has installed (precached the build) once it is ready.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
    expect(manifest).toMatchObject({ name: 'Cardinal', display: 'standalone' });
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );

    await page.context().setOffline(true);
    await page.reload();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await page.getByRole('link', { name: 'Study now: Virtualization' }).click();
    await page
      .getByRole('button', { name: 'Show answer' })
      .or(page.locator('.choices button'))
      .first()
      .waitFor();
    if (await page.getByRole('button', { name: 'Show answer' }).isVisible())
      await page.keyboard.press('Space');
    else await page.keyboard.press('1');
    await page.locator('fieldset.grades').waitFor();
    await page.keyboard.press('3');
    await page.locator('fieldset.grades').waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await readStore<ReviewLogRecord>(page, 'reviewLogs')).length, { timeout: 30_000 })
      .toBe(1);

    await page.context().setOffline(false);
    await page.reload();
    await page.getByRole('status', { name: /^Remaining today/ }).waitFor();
    await expect
      .poll(async () => (await readStore<ReviewLogRecord>(page, 'reviewLogs')).length, { timeout: 30_000 })
      .toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });
});

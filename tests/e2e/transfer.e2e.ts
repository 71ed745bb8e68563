import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, hasChromium, pageErrors, useBrowser } from './browser';
import { readStore } from './idb';

/** Every object store of the app's IndexedDB (tables added later included), by name. */
async function everyStore(page: Page) {
  const names = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('cardinal');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const list = [...open.result.objectStoreNames];
          open.result.close();
          resolve(list);
        };
      }),
  );
  const out: Record<string, unknown[]> = {};
  for (const name of names) out[name] = await readStore(page, name);
  return out;
}

/** Answers whatever the review screen shows with Good, by keyboard. */
async function answerGood(page: Page) {
  const reveal = page.getByRole('button', { name: 'Show answer' });
  const choice = page.locator('.choices button:enabled').first();
  await reveal.or(choice).first().waitFor();
  await page.keyboard.press((await reveal.isVisible()) ? 'Space' : '1');
  await page.locator('fieldset.grades').waitFor();
  await page.keyboard.press('3');
  await page.locator('fieldset.grades').waitFor({ state: 'detached' });
}

describe.skipIf(!hasChromium)('Import / Export in Chromium', () => {
  const browser = useBrowser();

  it('exports a backup, clears the site data, restores it and finds the same data and history', async () => {
    const page = await browser.newPage('/review/virtualization');
    for (let i = 0; i < 4; i++) await answerGood(page);
    await page.goto('/decks/virtualization/settings');
    await page.getByLabel('New cards per day').fill('7');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    const before = await everyStore(page);
    expect(before.reviewLogs).toHaveLength(4);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['decks', 'cards', 'cardStates', 'settings']));

    await page.goto('/transfer');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export full backup' }).click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'cardinal-e2e-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^cardinal-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      format: 'cardinal-backup',
      formatVersion: 1,
    });

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: baseUrl, storageTypes: 'all' });
    await page.goto('/transfer');
    await page.getByRole('heading', { name: 'Import / Export' }).waitFor();
    await expect.poll(async () => (await readStore(page, 'reviewLogs')).length).toBe(0);

    await page.getByLabel('Choose a file to import').setInputFiles(file);
    await page.getByRole('list', { name: 'Backup contents' }).getByText('4 review log entries').waitFor();
    await page.getByLabel(/I understand that everything now stored/).check();
    await page.getByRole('button', { name: 'Restore backup' }).click();
    await page.getByText(/Backup restored/).waitFor();
    expect(await everyStore(page)).toEqual(before);

    await page.goto('/');
    const card = page.getByRole('listitem', { name: 'Virtualization' });
    await card.waitFor();
    expect(await page.getByRole('link', { name: 'Study Virtualization' }).count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });

  it('imports a hostile CSV; its text is shown as text and nothing in it runs', async () => {
    const page = await browser.newPage('/transfer');
    const fixture = join(import.meta.dirname, '../fixtures/transfer/hostile.csv');
    await page.getByLabel('Choose a file to import').setInputFiles(fixture);
    await page.getByRole('button', { name: 'Check cards' }).click();
    await page.getByRole('status', { name: 'Import summary' }).getByText('2 new', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('link', { name: 'Study the imported deck' }).click();

    await page.getByText('<img src=x onerror="window.__pwned=1">').waitFor();
    await page.keyboard.press('Space');
    await page.getByText('<script>window.__pwned=2</script>').waitFor();
    await page.keyboard.press('3');
    await page.locator('fieldset.grades').waitFor({ state: 'detached' });
    await page.getByText('<a href="javascript:window.__pwned=3">click me</a>').waitFor();
    await page.keyboard.press('Space');
    await page.getByText('<svg onload="window.__pwned=4"></svg>').waitFor();

    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(
      await page.locator('main img, main script, main svg[onload], main a[href^="javascript"]').count(),
    ).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it('imports a real Anki package with its review history, and a re-import adds nothing twice', async () => {
    const page = await browser.newPage('/transfer');
    const apkg = join(import.meta.dirname, '../fixtures/anki/mixed-notetypes.anki21.apkg');
    const summary = page.getByRole('status', { name: 'Import summary' });
    await page.getByLabel('Choose a file to import').setInputFiles(apkg);
    await summary.getByText('Review history: 20 answers to add').waitFor();
    expect(await summary.textContent()).toMatch(/A new deck: 7 new, 0 updated, 0 unchanged, 1 skipped\./);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported mixed-notetypes\.anki21\.apkg/).waitFor();
    const logs = await readStore<{ source: string }>(page, 'reviewLogs');
    expect(logs.map((l) => l.source)).toEqual(Array(20).fill('import'));

    await page.getByRole('button', { name: 'Import another file' }).click();
    await page.getByLabel('Choose a file to import').setInputFiles(apkg);
    await summary.getByText(/20 already stored/).waitFor();
    expect(await summary.textContent()).toMatch(/0 new, 0 updated, 7 unchanged/);
    expect(pageErrors(page)).toEqual([]);
  });
});

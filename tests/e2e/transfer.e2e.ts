import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { columnsToLogs, type LogChunk } from '../../src/domain/transfer/logColumns';
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

/** A compact backup file (gzip of JSON lines) read back: its first line, and each table's rows. */
function readCompact(file: string) {
  const lines = new TextDecoder()
    .decode(gunzipSync(readFileSync(file)))
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const line of lines.slice(1)) {
    if (!line.table) continue;
    const rows = line.logs ? columnsToLogs(line.logs as LogChunk) : { ok: true as const, rows: line.rows };
    if (!rows.ok) throw new Error(rows.reason);
    tables[line.table] = [...(tables[line.table] ?? []), ...rows.rows];
  }
  return { head: lines[0], tables, end: lines.at(-1)?.end as Record<string, number> };
}

/** A 1×1 PNG, and an Anki text export whose first card's front is that image. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PICTURES = [
  '#separator:tab',
  '#html:true',
  '#columns:Front\tBack',
  '<img src="towel.png">\tTowel',
  '',
].join('\n');

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
    expect(download.suggestedFilename()).toMatch(/^cardinal-backup-\d{4}-\d{2}-\d{2}\.json\.gz$/);
    expect(readCompact(file).head).toMatchObject({ format: 'cardinal-backup', formatVersion: 2 });

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
    expect(await page.getByRole('link', { name: 'Study now: Virtualization' }).count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });

  it('a backup carries the images of cards: after clearing the site data and restoring, review shows them', async () => {
    const page = await browser.newPage('/transfer');
    await page.getByLabel('Choose a file to import').setInputFiles([
      { name: 'pictures.txt', mimeType: 'text/plain', buffer: Buffer.from(PICTURES) },
      { name: 'towel.png', mimeType: 'image/png', buffer: PNG },
    ]);
    await page.getByRole('button', { name: 'Check cards' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('link', { name: 'Study the imported deck' }).waitFor();
    const [deck] = await readStore<{ id: string }>(page, 'decks');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export full backup' }).click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'cardinal-e2e-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(readCompact(file).tables.media).toEqual([
      { deckId: deck?.id, name: 'towel.png', type: 'image/png', bytes: PNG.toString('base64') },
    ]);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: baseUrl, storageTypes: 'all' });
    await page.goto('/transfer');
    await page.getByRole('heading', { name: 'Import / Export' }).waitFor();
    await expect.poll(async () => (await readStore(page, 'media')).length).toBe(0);

    await page.getByLabel('Choose a file to import').setInputFiles(file);
    await page.getByRole('list', { name: 'Backup contents' }).getByText('1 image or sound').waitFor();
    await page.getByLabel(/I understand that everything now stored/).check();
    await page.getByRole('button', { name: 'Restore backup' }).click();
    await page.getByText(/Backup restored/).waitFor();

    await page.goto(`/review/${deck?.id}`);
    await page.reload();
    const image = page.locator('.review-card img');
    await image.waitFor();
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });

  it('imports a hostile CSV; its text is shown as text and nothing in it runs', async () => {
    const page = await browser.newPage('/transfer');
    const fixture = join(import.meta.dirname, '../fixtures/transfer/hostile.csv');
    await page.getByLabel('Choose a file to import').setInputFiles(fixture);
    await page.getByRole('button', { name: 'Check cards' }).click();
    await page.getByRole('status', { name: 'Import summary' }).getByText('2 new', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    // The worker wrote the deck through its own connection; the page's live query (the export deck list) hears
    // of it without a reload.
    await page
      .getByLabel('Deck to export')
      .locator('option', { hasText: 'hostile' })
      .waitFor({ state: 'attached' });
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

/** What the page's main thread went through: long tasks (ms each) and every value the progress bar announced. */
type Watch = { longTasks: number[]; progress: string[]; timeline: string[] };

/**
 * Starts recording, inside the page, every long task (a main-thread task over 50 ms, reported by Chromium's
 * PerformanceObserver) and each distinct aria-valuenow of the progress bar.
 */
async function watchMainThread(page: Page) {
  await page.evaluate(() => {
    const watch: Watch = { longTasks: [], progress: [], timeline: [] };
    Object.assign(window, { __watch: watch });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        watch.longTasks.push(Math.round(entry.duration));
        watch.timeline.push(`long task ${Math.round(entry.duration)} ms at ${Math.round(entry.startTime)}`);
      }
    }).observe({ type: 'longtask' });
    new MutationObserver(() => {
      const value = document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow');
      if (value != null && watch.progress.at(-1) !== value) {
        watch.progress.push(value);
        watch.timeline.push(`${value}% at ${Math.round(performance.now())}`);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

async function watched(page: Page): Promise<Watch> {
  // One more frame, so long tasks that just ended are delivered to the observer.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  return page.evaluate(() => (window as unknown as { __watch: Watch }).__watch);
}

/**
 * Long main-thread tasks are printed, not asserted (tests never assert times; a loaded machine stretches them).
 * What is asserted is structural: the reading runs in the worker and the progress bar moves in between.
 */
function report(what: string, watch: Watch) {
  const line = `${what}: longest main-thread task ${Math.max(0, ...watch.longTasks)} ms`;
  if (process.env.CARDINAL_MEASURE) console.info(line, watch);
  else console.info(line);
}

describe.skipIf(!hasChromium)('Import in Chromium: big files are read off the main thread', () => {
  const browser = useBrowser();

  // Small files here (the machine may be busy); the 100,000-row figures are measured by `npm run bench`.
  it('reads, checks and writes a 5,000-row CSV in the worker, with the progress bar moving', async () => {
    const rows = Array.from(
      { length: 5_000 },
      (_, i) =>
        `"What is term ${i}, in a few words?","Definition ${i}: ${'lorem ipsum '.repeat(4)}",tag${i % 7}`,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'cardinal-e2e-')), 'big.csv');
    writeFileSync(file, `front,back,tags\n${rows.join('\n')}\n`);
    const page = await browser.newPage('/transfer');
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.getByRole('heading', { name: 'Import / Export' }).waitFor();
    await watchMainThread(page);

    await page.getByLabel('Choose a file to import').setInputFiles(file);
    await page.getByRole('heading', { name: 'Columns of big.csv' }).waitFor({ timeout: 60_000 });
    await page.getByText(/^5001 rows read\./).waitFor();
    const reading = await watched(page);
    report('5k-row CSV, reading', reading);
    expect(workers).toEqual([expect.stringMatching(/\/assets\/importWorker-[\w-]+\.js$/)]);

    await page.getByRole('button', { name: 'Check cards' }).click();
    const summary = page.getByRole('status', { name: 'Import summary' });
    await summary.getByText('5000 new', { exact: false }).waitFor({ timeout: 60_000 });
    report('5k-row CSV, checking cards', await watched(page));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported big\.csv/).waitFor({ timeout: 60_000 });
    const all = await watched(page);
    report('5k-row CSV, writing', all);
    // Reading and writing announced progress in between (a small file may be read in one step).
    expect(all.progress.filter((v) => v !== '0' && v !== '100').length).toBeGreaterThanOrEqual(1);
    await page
      .getByLabel('Deck to export')
      .locator('option', { hasText: 'big' })
      .waitFor({ state: 'attached' });
    expect(pageErrors(page)).toEqual([]);
  });

  it('restores a 10,000-row backup of the first format (plain JSON) in the worker, and exports it compressed', async () => {
    const page = await browser.newPage('/review/virtualization');
    await answerGood(page);
    await page.goto('/transfer');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export full backup' }).click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'cardinal-e2e-'));
    await download.saveAs(join(dir, 'small.json.gz'));
    const { head, tables } = readCompact(join(dir, 'small.json.gz'));
    const [log] = tables.reviewLogs ?? [];
    // Distinct answers (a second apart), so a merge would keep them all too.
    tables.reviewLogs = Array.from({ length: 10_000 }, (_, i) => ({
      ...log,
      id: i + 1,
      review: Number(log?.review) - i * 1000,
    }));
    const file = join(dir, 'big-backup.json');
    writeFileSync(file, JSON.stringify({ ...head, formatVersion: 1, tables }));
    await watchMainThread(page);

    await page.getByLabel('Choose a file to import').setInputFiles(file);
    await page
      .getByRole('list', { name: 'Backup contents' })
      .getByText('10000 review log entries')
      .waitFor({ timeout: 60_000 });
    const reading = await watched(page);
    report('10k-row backup, reading', reading);

    await page.getByLabel(/I understand that everything now stored/).check();
    await page.getByRole('button', { name: 'Restore backup' }).click();
    await page.getByText(/Backup restored/).waitFor({ timeout: 60_000 });
    report('10k-row backup, restoring', await watched(page));
    await watchMainThread(page);
    const [saved] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Export full backup' }).click(),
    ]);
    await saved.saveAs(join(dir, 'again.json.gz'));
    report('10k-row backup, exporting', await watched(page));
    const again = readCompact(join(dir, 'again.json.gz'));
    expect(again.end.reviewLogs).toBe(10_000);
    expect(again.tables.reviewLogs).toHaveLength(10_000);
    expect(pageErrors(page)).toEqual([]);
  });
});

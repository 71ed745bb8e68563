/**
 * Backups at scale (issue 9's "restore a full backup" row, in detail), on the production build of the real app
 * (dist/bench-app, as app.bench-run.ts) in Chromium: restore of a compact backup (formatVersion 2) of
 * BENCH_CARDS cards + BENCH_BACKUP_LOGS review logs against a raw IndexedDB write of the same rows in the same
 * run (rawWrite.ts, in a browser context of its own, before the restores); restoring it again over the full
 * database; exporting it back; taking a snapshot and restoring it; the longest main-thread task of each; the file's
 * size. A restore first snapshots the current data (the safety copy): its ratio is printed with and without that
 * snapshot's time. BENCH_BACKUP_STEPS picks steps. Prints a table, asserts nothing about time. Quick run:
 * BENCH_CARDS=10000 BENCH_BACKUP_LOGS=100000.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { restoreOnPage, writeBenchBackup } from './backupFile';
import { machineLine, openAppBuild } from './harnessServer';
import { longestTask, watchLongTasks } from './pageTools';
import { rawWrite } from './rawWrite';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CARDS = num('BENCH_CARDS', 100_000);
const LOGS = num('BENCH_BACKUP_LOGS', 1_000_000);
/** Steps to run (comma-separated): restore, again (restore over the full database), export, snapshot, daily. */
const STEPS = new Set((process.env.BENCH_BACKUP_STEPS ?? 'restore,again,export,snapshot,daily').split(','));
/** When the daily step's write starts, after home's counts (the daily snapshot starts after 5 s + 5 s quiet). */
const DAILY_WRITE_AT_MS = num('BENCH_DAILY_WRITE_AT_MS', 12_000);
const DIST = process.env.BENCH_DIST ?? join(import.meta.dirname, '../../dist/bench-app');

type Row = {
  step: string;
  time: string;
  baseline: string;
  ratio: string;
  'longest task': string;
  note: string;
};
const rows: Row[] = [];
/** Each row is also printed as soon as it is measured, so a long run that is stopped still shows its figures. */
const add = (row: Row) => {
  rows.push(row);
  console.log(`bench backup: ${Object.values(row).join(' | ')}`);
};
const ms = (value: number) => `${Math.round(value)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const log = (line: string) => console.log(`bench backup: ${line}`);

/** Runs `work` with long tasks watched; gives its time and the longest main-thread task. */
async function watched(page: Page, work: () => Promise<unknown>) {
  await watchLongTasks(page);
  const started = Date.now();
  const result = await work();
  const time = Date.now() - started;
  return { time, longest: await longestTask(page), result };
}

/** Restores `file` on a fresh /transfer page of `page`; the row with and without the safety snapshot's time. */
async function restoreRow(page: Page, base: string, file: string, raw: number, step: string, size: number) {
  await page.goto(`${base}/transfer`);
  await page.getByRole('heading', { name: 'Import / Export' }).waitFor();
  const restore = await watched(page, () => restoreOnPage(page, file));
  const t = restore.result as Awaited<ReturnType<typeof restoreOnPage>>;
  add({
    step,
    time: ms(restore.time),
    baseline: `raw write ${ms(raw)}`,
    ratio: `${(restore.time / raw).toFixed(2)}; without the snapshot ${((restore.time - t.snapshot) / raw).toFixed(2)}`,
    'longest task': ms(restore.longest),
    note: `read ${ms(t.read)}, safety snapshot ${ms(t.snapshot)}, write ${ms(t.write)}; file ${mb(size)}; target ≤ 1.5× raw, no task > 100 ms`,
  });
}

/** Opens IndexedDB `name` (self-contained: installed in the page as text, as pageTools.ts's rows). */
const openIdb = (name: string) =>
  new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });

/**
 * The daily snapshot must never hold up an answer: with no snapshot stored, the app is opened (it takes the daily
 * one at its first quiet moment), and DAILY_WRITE_AT_MS after home's counts a second page writes one settings row
 * as every app write does (the "write coming" signal of src/db/writeSignal.ts, then a read-write transaction). The
 * row gives that write's time, and when the daily snapshot was stored (it gives way, then waits for quiet).
 */
async function dailySnapshotRow(page: Page, base: string): Promise<Row> {
  await page.goto(`${base}/favicon.svg`); // no app page holds the snapshot database open
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('cardinal-snapshots');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  await page.goto(`${base}/`);
  await page.locator('.deck-card .deck-counts').first().waitFor({ timeout: 120_000 });
  const opened = Date.now();
  const probe = await page.context().newPage();
  await probe.goto(`${base}/favicon.svg`);
  await probe.evaluate(`window.__openIdb = ${openIdb.toString()}`);
  type WithOpen = { __openIdb: typeof openIdb };
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, opened + DAILY_WRITE_AT_MS - Date.now())));
  const snapshotsStored = () =>
    probe.evaluate(async () => {
      const db = await (window as unknown as WithOpen).__openIdb('cardinal-snapshots');
      if (!db.objectStoreNames.contains('snapshots')) {
        db.close();
        return 0;
      }
      const count = await new Promise<number>((resolve, reject) => {
        const request = db.transaction('snapshots').objectStore('snapshots').count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return count;
    });
  const before = await snapshotsStored();
  const writeMs = await probe.evaluate(async () => {
    const db = await (window as unknown as WithOpen).__openIdb('cardinal');
    const started = performance.now();
    new BroadcastChannel('cardinal-writes').postMessage('write');
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('settings', 'readwrite');
      tx.objectStore('settings').put({ key: 'bench:probe', value: started });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return performance.now() - started;
  });
  const wrote = Date.now();
  let storedAfter = Number.NaN;
  while (before === 0 && Date.now() - wrote < 1_800_000) {
    if ((await snapshotsStored()) > before) {
      storedAfter = Date.now() - wrote;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  await probe.close();
  return {
    step: 'a write during the daily snapshot',
    time: ms(writeMs),
    baseline: '',
    ratio: '',
    'longest task': '',
    note:
      before > 0
        ? `the daily snapshot was already stored ${DAILY_WRITE_AT_MS} ms after start (small data?): not measured`
        : `one settings row written ${DAILY_WRITE_AT_MS / 1000} s after home's counts; the daily snapshot was stored ${Number.isNaN(storedAfter) ? 'not within 30 min' : `${(storedAfter / 1000).toFixed(1)} s`} after it`,
  };
}

it('measures backup restore, export and snapshots at scale', { timeout: 7_200_000 }, async () => {
  const { port, browser, close } = await openAppBuild(DIST);
  const base = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'cardinal-bench-backup-'));
  let raw = 0;
  try {
    const now = Date.now();
    const file = join(dir, 'backup.json.gz');
    log(`writing a compact backup of ${CARDS} cards + ${LOGS} logs…`);
    writeBenchBackup(file, CARDS, LOGS, now);
    const size = statSync(file).size;

    // The baseline first, in a browser context of its own (its own storage) on a page that does not run the app.
    log('raw IndexedDB write of the same rows…');
    const rawContext = await browser.newContext();
    const rawPage = await rawContext.newPage();
    await rawPage.goto(`${base}/favicon.svg`);
    raw = await rawWrite(rawPage, {
      kind: 'generate',
      deckId: 'bench',
      now,
      cards: CARDS,
      states: CARDS,
      logs: LOGS,
    });
    await rawContext.close();
    log(`raw write ${ms(raw)}`);

    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    if (STEPS.has('restore')) {
      log('restoring…');
      await restoreRow(page, base, file, raw, 'restore (choose file → restored)', size);
    }
    if (STEPS.has('again')) {
      log('restoring again, over the full database…');
      await restoreRow(page, base, file, raw, 'restore again, over the same rows', size);
    }
    if (STEPS.has('export')) {
      log('exporting…');
      await page.goto(`${base}/transfer`);
      await page.getByRole('button', { name: 'Export full backup' }).waitFor();
      const exported = await watched(page, async () => {
        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: 1_800_000 }),
          page.getByRole('button', { name: 'Export full backup' }).click(),
        ]);
        const path = join(dir, 'exported.json.gz');
        await download.saveAs(path);
        return statSync(path).size;
      });
      add({
        step: 'export full backup',
        time: ms(exported.time),
        baseline: '',
        ratio: '',
        'longest task': ms(exported.longest),
        note: `file ${mb(exported.result as number)}`,
      });
    }
    if (STEPS.has('snapshot')) {
      log('taking a snapshot…');
      await page.goto(`${base}/settings`);
      const snapshotButton = page.getByRole('button', { name: 'Take a snapshot now' });
      await snapshotButton.waitFor();
      const taken = await watched(page, async () => {
        await snapshotButton.click();
        await page.getByText('Snapshot taken.').waitFor({ timeout: 1_800_000 });
      });
      add({
        step: 'take a snapshot',
        time: ms(taken.time),
        baseline: '',
        ratio: '',
        'longest task': ms(taken.longest),
        note: 'the compact format, in the backup worker',
      });

      log('restoring the snapshot…');
      const putBack = await watched(page, async () => {
        await page.getByRole('button', { name: 'Restore this snapshot' }).first().click();
        await page.getByRole('button', { name: 'Replace my data' }).click();
        await page.getByText(/^Restored the snapshot/).waitFor({ timeout: 1_800_000 });
      });
      add({
        step: 'restore the snapshot',
        time: ms(putBack.time),
        baseline: `raw write ${ms(raw)}`,
        ratio: (putBack.time / raw).toFixed(2),
        'longest task': ms(putBack.longest),
        note: 'takes a snapshot of the current data first, then replaces everything in one transaction',
      });
    }
    if (STEPS.has('daily')) {
      log('a write during the daily snapshot…');
      add(await dailySnapshotRow(page, base));
    }
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nBackups on the production build in Chromium: ${CARDS} cards + ${LOGS} review logs`);
  console.log(machineLine());
  console.table(rows);
  expect(rows.length).toBeGreaterThan(0);
});

/**
 * Bench backups: the synthetic deck (rows.ts) written as a compact backup file (formatVersion 2, gzip) by the
 * app's own format code, a table at a time so no copy of the whole is ever held; and restoring a file on the
 * real /transfer page, timed from choosing it to "Backup restored", with the safety snapshot's share.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Page, Worker } from 'playwright-core';
import { endLine, headLine, LOGS_PER_LINE, tableLines } from '../../src/domain/transfer/backupLines';
import { gzipLineWriter } from '../../src/domain/transfer/gzipLines';
import { benchDeckRow, benchRows } from './rows';

/** Writes `file`: one deck of `cards` cards (and their states) and `logs` review logs. */
export function writeBenchBackup(file: string, cards: number, logs: number, now: number): void {
  const out = gzipLineWriter();
  out.write(headLine(now));
  for (const line of tableLines('decks', [benchDeckRow('bench', cards, now)])) out.write(line);
  const counts: Record<string, number> = { decks: 1, cards, cardStates: cards, reviewLogs: logs };
  for (const kind of ['cards', 'cardStates', 'reviewLogs'] as const) {
    const total = counts[kind] ?? 0;
    for (let i = 0; i < total; i += LOGS_PER_LINE)
      for (const line of tableLines(
        kind,
        benchRows(kind, i, Math.min(LOGS_PER_LINE, total - i), 'bench', now, cards),
      ))
        out.write(line);
  }
  out.write(endLine(counts));
  const fd = openSync(file, 'w');
  try {
    for (const part of out.finish()) writeSync(fd, part);
  } finally {
    closeSync(fd);
  }
}

/**
 * Chooses `file` on /transfer (already open) and restores it, replacing everything. Times: reading the file (choose →
 * its contents listed), the safety snapshot of the current data (Restore clicked → the backup worker that takes
 * it has ended; see BackupRestorePreview) and the write (→ "Backup restored").
 */
export async function restoreOnPage(page: Page, file: string) {
  const started = Date.now();
  await page.getByLabel('Choose a file to import').setInputFiles(file);
  await page.getByRole('list', { name: 'Backup contents' }).waitFor({ timeout: 900_000 });
  const readAt = Date.now();
  await page.getByLabel(/I understand that everything now stored/).check();
  let snapshotAt: number | undefined;
  const onWorker = (worker: Worker) => {
    if (worker.url().includes('backupWorker'))
      worker.once('close', () => {
        snapshotAt ??= Date.now();
      });
  };
  page.on('worker', onWorker);
  const clickAt = Date.now();
  await page.getByRole('button', { name: 'Restore backup' }).click();
  await page.getByText(/Backup restored/).waitFor({ timeout: 3_600_000 });
  const done = Date.now();
  page.off('worker', onWorker);
  const snapshot = (snapshotAt ?? clickAt) - clickAt;
  return { total: done - started, read: readAt - started, snapshot, write: done - clickAt - snapshot };
}

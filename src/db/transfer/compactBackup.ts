/**
 * The compact backup (formatVersion 2, domain/transfer/backupLines.ts) written from the database: every table
 * read a page at a time in ONE read transaction, each page turned into lines and compressed at once, so only the
 * compressed bytes are kept. Runs in the backup worker (db/backupWorker.ts) for exports and snapshots.
 */
import { endLine, headLine, LOG_TABLE, LOGS_PER_LINE, tableLines } from '../../domain/transfer/backupLines';
import { gzipLineWriter } from '../../domain/transfer/gzipLines';
import { type CardinalDb, storedTables } from '../database';
import { listenForWrites } from '../writeSignal';
import { belongsTo, forEachPage, type Progress, pageSize } from './backupRepo';

/** Thrown by writeCompactBackup with `stopOnWrite` when a write elsewhere wanted the tables (writeSignal.ts). */
export class StoppedForWrite extends Error {
  constructor() {
    super('Stopped so that a write could go ahead');
  }
}

export type CompactBackup = {
  /** The gzip bytes, in pieces (a Blob of them is the file). */
  parts: Uint8Array[];
  /** Rows per table. */
  counts: Record<string, number>;
};

export async function writeCompactBackup(
  db: CardinalDb,
  exportedAt: number,
  options: { deckIds?: string[]; onProgress?: Progress; stopOnWrite?: boolean } = {},
): Promise<CompactBackup> {
  const { deckIds, onProgress, stopOnWrite = false } = options;
  const out = gzipLineWriter();
  let stopped = false;
  let stopListening = () => {};
  try {
    return await db.transaction('r', db.tables, (tx) => {
      if (stopOnWrite)
        stopListening = listenForWrites(db.name, () => {
          if (stopped) return;
          stopped = true;
          tx.abort();
        });
      return readAll();
    });
  } catch (error) {
    throw stopped ? new StoppedForWrite() : error;
  } finally {
    stopListening();
  }

  async function readAll(): Promise<CompactBackup> {
    const tables = storedTables(db);
    const totals = await Promise.all(tables.map((table) => table.count()));
    const total = totals.reduce((a, b) => a + b, 0);
    const counts: Record<string, number> = {};
    let done = 0;
    out.write(headLine(exportedAt, deckIds));
    for (const table of tables) {
      let count = 0;
      const size = table.name === LOG_TABLE ? LOGS_PER_LINE : pageSize(table.name);
      await forEachPage(table, size, (page) => {
        const rows = deckIds ? page.filter((row) => belongsTo(table.name, row, deckIds)) : page;
        for (const line of tableLines(table.name, rows)) out.write(line);
        count += rows.length;
        done += page.length;
        onProgress?.(done, total);
      });
      counts[table.name] = count;
    }
    out.write(endLine(counts));
    return { parts: out.finish(), counts };
  }
}

/**
 * A backup as a JSON download, built in pieces with a pause between them, so exporting a big backup neither
 * freezes the page in one long JSON.stringify nor in one long UTF-8 encoding of the whole text: each piece is
 * encoded into its own small Blob as it is made, and the download is a Blob of those Blobs (no copy). The
 * pieces joined are exactly JSON.stringify(backup).
 */
import type { Backup } from '../../domain/transfer/backup';

/** Rows stringified between two pauses. */
const ROWS_PER_PIECE = 2000;

/** The backup's JSON text in pieces (each a few thousand rows), with the rows done so far after each piece. */
export function* backupJsonTexts(backup: Backup): Generator<{ text: string; rowsDone: number }> {
  const { tables, ...envelope } = backup;
  // The envelope's fields first, then "tables" last: the key order JSON.stringify gives a backup from buildBackup.
  const head = JSON.stringify(envelope);
  let rowsDone = 0;
  yield { text: `${head.slice(0, -1)}${head === '{}' ? '' : ','}"tables":{`, rowsDone };
  for (const [t, table] of Object.keys(tables).entries()) {
    const rows = tables[table] ?? [];
    yield { text: `${t === 0 ? '' : ','}${JSON.stringify(table)}:[`, rowsDone };
    for (let start = 0; start < rows.length; start += ROWS_PER_PIECE) {
      const slice = rows.slice(start, start + ROWS_PER_PIECE);
      // JSON.stringify writes an array's undefined (or function) item as null.
      const text = slice.map((row) => JSON.stringify(row) ?? 'null').join(',');
      rowsDone += slice.length;
      yield { text: `${start === 0 ? '' : ','}${text}`, rowsDone };
    }
    yield { text: ']', rowsDone };
  }
  yield { text: '}}', rowsDone };
}

/** The backup as Blob pieces for saveFile, pausing between pieces so the page can paint and take input. */
export async function backupJsonBlobs(
  backup: Backup,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<Blob[]> {
  const total = Object.values(backup.tables).reduce((n, rows) => n + rows.length, 0);
  const blobs: Blob[] = [];
  for (const { text, rowsDone } of backupJsonTexts(backup)) {
    blobs.push(new Blob([text]));
    if (text.length > 1000) {
      onProgress(rowsDone, total);
      await nextTask();
    }
  }
  return blobs;
}

/** Lets the page handle input and paint before the next piece. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A backup as a JSON download, built in pieces with a pause between them, so exporting a big backup neither
 * freezes the page in one long JSON.stringify nor in one long UTF-8 encoding of the whole text: each piece is
 * encoded into its own small Blob as it is made, and the download is a Blob of those Blobs (no copy). The
 * pieces joined are exactly JSON.stringify(backupJsonValue(backup)): every row as it is stored, except that media
 * bytes are base64 text (backupMedia.ts), each media file written as pieces of base64 so one large image or sound
 * is no long task either.
 */
import type { Backup } from '../../domain/transfer/backup';
import { BASE64_PIECE_BYTES, MEDIA_TABLE, mediaRowParts } from '../../domain/transfer/backupMedia';
import { bytesToBase64 } from '../../domain/transfer/base64';

/** Rows stringified between two pauses. */
const ROWS_PER_PIECE = 2000;
/** Text written in pieces of at most 1000 characters between two pauses. */
const SMALL_PIECES_CHARS = 64 * 1024;

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
    if (table === MEDIA_TABLE) {
      for (const [i, row] of rows.entries()) {
        const parts = mediaRowParts(row);
        const comma = i === 0 ? '' : ',';
        rowsDone += 1;
        if (!parts) {
          yield { text: `${comma}${JSON.stringify(row) ?? 'null'}`, rowsDone };
          continue;
        }
        yield { text: `${comma}${parts.head}`, rowsDone: rowsDone - 1 };
        for (let at = 0; at < parts.bytes.length; at += BASE64_PIECE_BYTES)
          yield {
            text: bytesToBase64(parts.bytes.subarray(at, at + BASE64_PIECE_BYTES)),
            rowsDone: rowsDone - 1,
          };
        yield { text: parts.tail, rowsDone };
      }
      yield { text: ']', rowsDone };
      continue;
    }
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
  let sincePause = 0;
  for (const { text, rowsDone } of backupJsonTexts(backup)) {
    blobs.push(new Blob([text]));
    sincePause += text.length;
    // After each big piece, and after a run of small ones (many small images write small pieces).
    if (text.length > 1000 || sincePause > SMALL_PIECES_CHARS) {
      onProgress(rowsDone, total);
      sincePause = 0;
      await nextTask();
    }
  }
  return blobs;
}

/** Lets the page handle input and paint before the next piece. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

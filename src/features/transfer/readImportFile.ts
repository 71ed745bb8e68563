/**
 * The one place a chosen file is sent to its reader, by kind (detectFormat): Anki package, Cardinal deck or
 * backup JSON, a review-log CSV (history for stored cards), or delimited text. Every reader validates fully and writes nothing. Runs inside the import
 * worker (importReader.ts), or in the page where there is no Worker.
 */
import { readBackupValue, type TableKey, type ValidBackup } from '../../domain/transfer/backup';
import { type CsvInspection, inspectCsv } from '../../domain/transfer/csv/readCsv';
import { readDeckValue } from '../../domain/transfer/deckJson';
import { decodeText } from '../../domain/transfer/decodeText';
import { detectFormat } from '../../domain/transfer/detectFormat';
import { slugId } from '../../domain/transfer/ids';
import { parseJson } from '../../domain/transfer/jsonText';
import { failure } from '../../domain/transfer/limits';
import type { ImportFailure, ParsedImport } from '../../domain/transfer/parsedImport';
import { type RevlogRows, readRevlogRows } from '../../domain/transfer/revlogRows';

/** A file read and validated (a CSV inspected, for its column step). */
export type FileRead =
  | { kind: 'failed'; failure: ImportFailure }
  | { kind: 'deck'; read: ParsedImport; isPackage: boolean }
  | { kind: 'backup'; fileName: string; backup: ValidBackup }
  | { kind: 'csv'; fileName: string; inspection: CsvInspection }
  /** A review-log CSV: history to attach to stored cards, never a deck. */
  | { kind: 'revlog'; fileName: string; rows: RevlogRows };

export async function readImportFile(
  fileName: string,
  bytes: Uint8Array,
  keys: Record<string, TableKey>,
): Promise<FileRead> {
  const failed = (f: ImportFailure): FileRead => ({ kind: 'failed', failure: f });
  switch (detectFormat(fileName, bytes)) {
    case 'apkg':
      return readAnkiPackage(fileName, bytes);
    case 'zip':
      return failed(
        failure(
          fileName,
          'file',
          'is a zip archive but not an Anki package (.apkg); Cardinal backups are .json files',
        ),
      );
    case 'json': {
      const text = decodeText(fileName, bytes);
      if (!text.ok) return failed(text);
      const json = parseJson(text.text);
      if (!json.ok) return failed(failure(fileName, json.where, json.reason));
      const format =
        typeof json.value === 'object' && json.value !== null
          ? (json.value as { format?: unknown }).format
          : undefined;
      if (format === 'cardinal-backup') {
        const read = readBackupValue(fileName, json.value, keys);
        return read.ok ? { kind: 'backup', fileName, backup: read.backup } : failed(read);
      }
      if (format === 'cardinal-deck') {
        const read = readDeckValue(fileName, json.value);
        return read.ok ? { kind: 'deck', read, isPackage: false } : failed(read);
      }
      return failed(
        failure(
          fileName,
          'field "format"',
          `is ${format === undefined ? 'missing' : JSON.stringify(format)}: expected "cardinal-deck" (a deck) or "cardinal-backup" (a backup)`,
        ),
      );
    }
    case 'csv': {
      const text = decodeText(fileName, bytes);
      if (!text.ok) return failed(text);
      const rows = readRevlogRows(fileName, text.text);
      if (rows) return { kind: 'revlog', fileName, rows };
      return { kind: 'csv', fileName, inspection: inspectCsv(fileName, text.text) };
    }
  }
}

/** Anki packages: read by the Anki reader (loaded on demand, with sql.js, only when a package is chosen). */
async function readAnkiPackage(fileName: string, bytes: Uint8Array): Promise<FileRead> {
  const [{ readApkg }, sql, wasm] = await Promise.all([
    import('../../domain/transfer/anki/readApkg'),
    import('sql.js'),
    import('sql.js/dist/sql-wasm.wasm?url'),
  ]);
  const base = fileName.replace(/\.[^.]*$/, '');
  const read = await readApkg(fileName, bytes, {
    deckId: slugId(base, 'deck').slice(0, 60),
    deckTitle: base.trim() || 'Anki deck',
    loadSql: () => sql.default({ locateFile: () => wasm.default }),
    includeHistory: true,
  });
  return read.ok ? { kind: 'deck', read, isPackage: true } : { kind: 'failed', failure: read };
}

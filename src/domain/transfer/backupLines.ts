/**
 * The compact backup (formatVersion 2): gzip-compressed JSON lines (gzipLines.ts), read and written a line at a
 * time so neither side ever holds the file's text whole.
 *
 *   line 1      {"format":"cardinal-backup","formatVersion":2,"exportedAt":…,"deckIds"?:[…]}
 *   then        {"table":"decks","rows":[…]}          rows as in formatVersion 1, a few thousand per line
 *               {"table":"reviewLogs","logs":{…}}     review logs as columns (logColumns.ts), 10,000 per line
 *   last line   {"end":{"decks":2,"reviewLogs":1000000,…}}   rows per table: a file cut short is refused
 *
 * Media rows are one per line, their bytes as base64 (backupMedia.ts). Reading checks every line's shape with zod
 * (a problem names the line and field), then every row, key and deck reference as formatVersion 1 does
 * (checkBackupTables in backup.ts: a problem names the table, row and field).
 */
import { z } from 'zod';
import {
  BACKUP_FORMAT,
  type BackupRead,
  backupFailure,
  checkBackupTables,
  type Rows,
  type TableKey,
} from './backup';
import { backupRowJson, MEDIA_TABLE } from './backupMedia';
import { GzipReadError, gunzipLines } from './gzipLines';
import { columnsToLogs, logChunkSchema, logsToColumns } from './logColumns';
import type { ImportProblem } from './parsedImport';

export const COMPACT_FORMAT_VERSION = 2;
/** The table written as columns. */
export const LOG_TABLE = 'reviewLogs';
/** Rows per line (review logs per column chunk). */
export const ROWS_PER_LINE = 2000;
export const LOGS_PER_LINE = 10_000;

const headSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(COMPACT_FORMAT_VERSION),
  exportedAt: z.number().finite(),
  deckIds: z.array(z.string()).optional(),
});

const lineSchema = z.union([
  z.strictObject({ table: z.string().min(1), rows: z.array(z.unknown()) }),
  z.strictObject({ table: z.literal(LOG_TABLE), logs: logChunkSchema }),
  z.strictObject({ end: z.record(z.string(), z.number().int().min(0)) }),
]);

export type BackupHead = z.infer<typeof headSchema>;

export function headLine(exportedAt: number, deckIds?: string[]): string {
  const head: BackupHead = {
    format: BACKUP_FORMAT,
    formatVersion: COMPACT_FORMAT_VERSION,
    exportedAt,
    ...(deckIds ? { deckIds } : {}),
  };
  return JSON.stringify(head);
}

/** The lines of one table's rows (as stored: media bytes become base64 here). */
export function* tableLines(table: string, rows: readonly Rows[]): Generator<string> {
  if (table === LOG_TABLE) {
    for (let i = 0; i < rows.length; i += LOGS_PER_LINE)
      yield JSON.stringify({ table, logs: logsToColumns(rows.slice(i, i + LOGS_PER_LINE)) });
    return;
  }
  const perLine = table === MEDIA_TABLE ? 1 : ROWS_PER_LINE;
  for (let i = 0; i < rows.length; i += perLine)
    yield JSON.stringify({
      table,
      rows: rows.slice(i, i + perLine).map((row) => backupRowJson(table, row)),
    });
}

export function endLine(counts: Record<string, number>): string {
  return JSON.stringify({ end: counts });
}

const MAX_LISTED = 50;

/**
 * Reads a compact backup line by line: `line(text)` for each line in order, then `finish()` for the result.
 * Each line's text is dropped once parsed: only the rows are held (one copy), checked at the end.
 */
export function compactBackupReader(fileName: string, keys: Record<string, TableKey>) {
  let lineNo = 0;
  let head: BackupHead | undefined;
  let end: Record<string, number> | undefined;
  const tables: Record<string, Rows[]> = {};
  const problems: ImportProblem[] = [];
  const problem = (where: string, reason: string) => {
    if (problems.length <= MAX_LISTED) problems.push({ where: `${fileName} line ${lineNo}${where}`, reason });
  };

  const line = (text: string): void => {
    lineNo += 1;
    if (problems.length > MAX_LISTED) return;
    if (end !== undefined) {
      if (text.trim() !== '') problem('', 'comes after the last line ("end")');
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      problem('', `is not JSON (${e instanceof Error ? e.message : String(e)})`);
      return;
    }
    if (head === undefined) {
      const read = headSchema.safeParse(value);
      if (!read.success) {
        const issue = read.error.issues[0];
        problem(` field "${issue?.path.join('.') || '(top level)'}"`, issue?.message ?? 'is invalid');
        // Without a valid first line nothing after it can be read as a backup.
        problems.push({ where: fileName, reason: 'is not a Cardinal backup (formatVersion 2)' });
        lineNo = Number.POSITIVE_INFINITY;
        return;
      }
      head = read.data;
      return;
    }
    const read = lineSchema.safeParse(value);
    if (!read.success) {
      const issue = read.error.issues[0];
      problem(` field "${issue?.path.join('.') || '(top level)'}"`, issue?.message ?? 'is invalid');
      return;
    }
    const data = read.data;
    if ('end' in data) {
      end = data.end;
      return;
    }
    let rows: unknown[];
    if ('logs' in data) {
      const made = columnsToLogs(data.logs);
      if (!made.ok) {
        problem(` field "logs.${made.field}"`, made.reason);
        return;
      }
      rows = made.rows;
    } else rows = data.rows;
    const table = data.table;
    const held = tables[table] ?? [];
    tables[table] = held;
    for (const row of rows) held.push(row as Rows);
  };

  const finish = (): BackupRead => {
    if (head === undefined && problems.length === 0) problem('', 'is missing: the file is empty');
    if (problems.length === 0 && end === undefined)
      problems.push({
        where: `${fileName} line ${lineNo + 1}`,
        reason: 'is missing: the file ends before its last line ("end"), so it was cut short',
      });
    if (problems.length === 0 && end && head) {
      for (const [table, count] of Object.entries(end)) {
        const held = tables[table]?.length ?? 0;
        if (held !== count)
          problems.push({
            where: `${fileName} table "${table}"`,
            reason: `has ${held} rows, but the file's last line says ${count}`,
          });
        tables[table] ??= [];
      }
      for (const table of Object.keys(tables))
        if (!(table in end))
          problems.push({ where: `${fileName} table "${table}"`, reason: 'is not counted in the last line' });
    }
    if (problems.length > 0 || !head) return backupFailure(fileName, problems);
    // Rows, keys and deck references are checked as for formatVersion 1, naming table and row.
    return checkBackupTables(fileName, { ...head, formatVersion: COMPACT_FORMAT_VERSION }, tables, keys);
  };

  return { line, finish };
}

/**
 * Reads a compact backup from its gzip bytes, given a piece at a time (a File's stream, or a snapshot's pages),
 * holding only the rows. A damaged or cut-short file, or one that inflates beyond `maxTextBytes`, is refused
 * with the reason.
 */
export async function readCompactBackup(
  fileName: string,
  pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  keys: Record<string, TableKey>,
  maxTextBytes: number,
): Promise<BackupRead> {
  const reader = compactBackupReader(fileName, keys);
  const lines = gunzipLines(reader.line, maxTextBytes);
  try {
    for await (const piece of pieces) lines.push(piece);
    lines.end();
  } catch (e) {
    if (!(e instanceof GzipReadError)) throw e;
    return backupFailure(fileName, [{ where: `${fileName} file`, reason: e.message }]);
  }
  return reader.finish();
}

/**
 * The full backup: one versioned JSON file holding every row of every table, written and read generically so a
 * table added later is included without touching this file. Reading validates the envelope, each row of the
 * known tables (backupRows.ts), primary keys (present, unique) and that rows point at a deck in the file.
 * Media bytes are base64 text in the file (backupMedia.ts); a backup made before media existed has no media table
 * and is read the same way.
 */
import { z } from 'zod';
import { MEDIA_TABLE } from './backupMedia';
import { DECODED_TABLES, rowSchemas } from './backupRows';
import { parseJson } from './jsonText';
import type { ImportFailure, ImportProblem } from './parsedImport';

export const BACKUP_FORMAT = 'cardinal-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  exportedAt: z.number().finite(),
  /** Set when the file holds only some decks (a deck exported with its review state). */
  deckIds: z.array(z.string()).optional(),
  tables: z.record(z.string(), z.array(z.unknown())),
});

export type Backup = z.infer<typeof backupSchema>;
export type Rows = Record<string, unknown>;
/** A backup read and checked, whatever its format version (1: JSON; 2: compact, see backupLines.ts). */
export type ValidBackup = Omit<Backup, 'tables' | 'formatVersion'> & {
  formatVersion: number;
  tables: Record<string, Rows[]>;
};

/** A table's primary key as the database declares it: a field, a compound of fields, or an auto-increment id. */
export type TableKey = { keyPath: string | string[] | null; auto: boolean };

export function buildBackup(
  tables: Record<string, unknown[]>,
  exportedAt: number,
  deckIds?: string[],
): Backup {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt,
    ...(deckIds ? { deckIds } : {}),
    tables,
  };
}

export type BackupRead = { ok: true; fileName: string; backup: ValidBackup } | ImportFailure;

const MAX_LISTED = 50;

/** Parses and validates a backup file against the tables (and their keys) this version of Cardinal has. */
export function readBackup(fileName: string, text: string, keys: Record<string, TableKey>): BackupRead {
  const parsed = parseJson(text);
  if (!parsed.ok) return fail(fileName, [{ where: `${fileName} ${parsed.where}`, reason: parsed.reason }]);
  return readBackupValue(fileName, parsed.value, keys);
}

export function readBackupValue(
  fileName: string,
  value: unknown,
  keys: Record<string, TableKey>,
): BackupRead {
  const envelope = backupSchema.safeParse(value);
  if (!envelope.success)
    return fail(
      fileName,
      envelope.error.issues.map((issue) => ({
        where: `${fileName} field "${issue.path.join('.') || '(top level)'}"`,
        reason: issue.message,
      })),
    );
  const { tables, ...head } = envelope.data;
  return checkBackupTables(fileName, head, tables, keys);
}

/**
 * Checks a backup's tables against the tables (and their keys) of this version of Cardinal: each row of a known
 * table by its schema (backupRows.ts), primary keys present and unique, rows pointing at a deck in the file.
 */
export function checkBackupTables(
  fileName: string,
  head: Omit<ValidBackup, 'tables'>,
  fileTables: Record<string, unknown[]>,
  keys: Record<string, TableKey>,
): BackupRead {
  const problems: ImportProblem[] = [];
  const tables: Record<string, Rows[]> = {};
  for (const [table, rows] of Object.entries(fileTables)) {
    const key = keys[table];
    if (!key) {
      problems.push({
        where: `${fileName} table "${table}"`,
        reason: 'is not a table of this version of Cardinal (was the backup made by a newer version?)',
      });
      continue;
    }
    tables[table] = checkRows(fileName, table, rows, key, problems);
  }
  if (problems.length === 0) checkDeckReferences(fileName, tables, problems);
  if (problems.length > 0) return fail(fileName, problems);
  return { ok: true, fileName, backup: { ...head, tables } };
}

function checkRows(
  fileName: string,
  table: string,
  rows: unknown[],
  key: TableKey,
  problems: ImportProblem[],
): Rows[] {
  const schema = rowSchemas[table];
  const seen = new Map<string, number>();
  const decoded = DECODED_TABLES.has(table);
  const out: Rows[] = [];
  rows.forEach((row, index) => {
    const where = `${fileName} table "${table}" row ${index + 1}`;
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      problems.push({ where, reason: 'is not an object' });
      return;
    }
    let record = row as Rows;
    if (schema) {
      const result = schema.safeParse(row);
      if (!result.success) {
        const issue = result.error.issues[0];
        problems.push({
          where: `${where} field "${issue?.path.join('.') ?? ''}"`,
          reason: issue?.message ?? 'is invalid',
        });
        return;
      }
      if (decoded) record = result.data as Rows;
    }
    const id = keyOf(record, key);
    if (id === undefined) {
      problems.push({ where, reason: `has no valid primary key (${JSON.stringify(key.keyPath)})` });
      return;
    }
    if (id !== null) {
      const first = seen.get(id);
      if (first !== undefined)
        problems.push({ where, reason: `duplicates the primary key of row ${first + 1}` });
      else seen.set(id, index);
    }
    out.push(record);
  });
  return out;
}

/** The row's primary key as a string (null for an auto-increment row without one), or undefined when invalid. */
export function keyOf(row: Rows, key: TableKey): string | null | undefined {
  if (key.keyPath === null) return undefined;
  const paths = Array.isArray(key.keyPath) ? key.keyPath : [key.keyPath];
  const parts = paths.map((p) => row[p]);
  if (key.auto && paths.length === 1 && parts[0] === undefined) return null;
  if (
    !parts.every((v) => (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v)))
  )
    return undefined;
  return JSON.stringify(parts);
}

const DECK_TABLES = ['cards', 'cardStates', 'reviewLogs', MEDIA_TABLE];

function checkDeckReferences(fileName: string, tables: Record<string, Rows[]>, problems: ImportProblem[]) {
  const deckIds = new Set((tables.decks ?? []).map((d) => d.id));
  for (const table of DECK_TABLES) {
    const index = (tables[table] ?? []).findIndex((row) => !deckIds.has(row.deckId));
    const row = index === -1 ? undefined : tables[table]?.[index];
    if (row)
      problems.push({
        where: `${fileName} table "${table}" row ${index + 1}`,
        reason: `belongs to deck "${String(row.deckId)}", which is not in the backup`,
      });
  }
}

/** A failure listing at most MAX_LISTED problems (and how many more there were). */
export function backupFailure(fileName: string, all: ImportProblem[]): ImportFailure {
  return fail(fileName, all);
}

function fail(fileName: string, all: ImportProblem[]): ImportFailure {
  const problems = all.slice(0, MAX_LISTED);
  if (all.length > MAX_LISTED)
    problems.push({ where: fileName, reason: `and ${all.length - MAX_LISTED} more problems` });
  return { ok: false, fileName, problems };
}

/** Row counts per table, for the summary shown before a restore. */
export function countRows(backup: { tables: Record<string, unknown[]> }): Record<string, number> {
  return Object.fromEntries(Object.entries(backup.tables).map(([t, rows]) => [t, rows.length]));
}

/**
 * What the page and the import reader (importReader.ts, run in a Web Worker or, without one, in the page) say to
 * each other. Everything here is plain data that survives structured cloning: no functions, no class instances.
 * Big arrays (backup tables, a deck's cards, review history) travel in separate chunk messages, so the page
 * never spends one long task unpacking a whole 200 MB backup at once.
 */
import type { TableKey, ValidBackup } from '../../domain/transfer/backup';
import type { AnkiTextHeaders } from '../../domain/transfer/csv/ankiTextHeaders';
import type { CsvFormat } from '../../domain/transfer/csv/readCsv';
import type { ImportFailure, ImportRead, ParsedImport } from '../../domain/transfer/parsedImport';

/** The CSV column preview: the guessed (or chosen) format, the file's Anki headers and its first rows. */
export type CsvPreview = {
  format: CsvFormat;
  headers: AnkiTextHeaders;
  rowCount: number;
  /** The first rows (at most PREVIEW_ROWS), enough to count columns and show samples. */
  rows: Array<{ line: number; fields: string[] }>;
};

export const PREVIEW_ROWS = 50;

/** A chosen file, read and validated, as the page shows it. */
export type ImportFile =
  | { kind: 'failed'; failure: ImportFailure }
  | { kind: 'deck'; read: ParsedImport; isPackage: boolean }
  | { kind: 'csv'; fileName: string; preview: CsvPreview }
  | { kind: 'backup'; fileName: string; backup: ValidBackup };

/** Reading, then decoding/parsing/validating (not measurable inside JSON.parse or sql.js), then handing over. */
export type ImportStage = 'reading' | 'checking' | 'handing-over';

/** `total` 0 means the stage's progress cannot be measured. */
export type ImportProgress = { stage: ImportStage; done: number; total: number };

export type ImportAsk =
  /** Read and validate a chosen file (File is cloneable: the worker reads its bytes itself). */
  | { type: 'read'; file: File; keys: Record<string, TableKey> }
  /** The CSV read last, split in another format. */
  | { type: 'csvPreview'; format: CsvFormat }
  /** The CSV read last, as a deck in the settled format. */
  | { type: 'csvDeck'; format: CsvFormat };

export type ImportAnswer =
  | { type: 'read'; file: ImportFile }
  | { type: 'csvPreview'; preview: CsvPreview }
  | { type: 'csvDeck'; read: ImportRead };

export type ImportRequest = { id: number; ask: ImportAsk };

export type ImportReply = { id: number } & (
  | { type: 'progress'; progress: ImportProgress }
  /** Items of one big array of the coming answer, in order (see `bigArraysOf`). */
  | { type: 'chunk'; key: string; items: unknown[] }
  /** The answer, its big arrays emptied; the chunks sent before it fill them again. */
  | { type: 'answer'; answer: ImportAnswer }
  | { type: 'error'; message: string }
);

/** One possibly huge array of an answer: its key, its items, and how to put items back in its place. */
export type BigArray = { key: string; items: unknown[]; put: (items: unknown[]) => void };

/** The arrays of an answer that may be huge (backup tables, a deck's cards, its history and skipped rows). */
export function bigArraysOf(answer: ImportAnswer): BigArray[] {
  // The items come back as unknown[] from chunks of this same array, so the casts restore their own type.
  const ofRead = (read: ParsedImport): BigArray[] => [
    {
      key: 'deck.cards',
      items: read.deck.cards,
      put: (items) => (read.deck.cards = items as typeof read.deck.cards),
    },
    { key: 'history', items: read.history, put: (items) => (read.history = items as typeof read.history) },
    { key: 'skipped', items: read.skipped, put: (items) => (read.skipped = items as typeof read.skipped) },
  ];
  if (answer.type === 'csvDeck') return answer.read.ok ? ofRead(answer.read) : [];
  if (answer.type !== 'read') return [];
  const { file } = answer;
  if (file.kind === 'deck') return ofRead(file.read);
  if (file.kind === 'backup') {
    const { tables } = file.backup;
    return Object.keys(tables).map((table) => ({
      key: `tables.${table}`,
      items: tables[table] ?? [],
      put: (items) => (tables[table] = items as NonNullable<(typeof tables)[string]>),
    }));
  }
  return [];
}

/**
 * What the page and the import reader (importReader.ts, run in a Web Worker or, without one, in the page) say to
 * each other. Everything here is plain data that survives structured cloning. The file's rows never cross: the
 * reader keeps the file it read, plans and writes it to IndexedDB itself (Dexie opened in the worker) and answers
 * with what the page shows: names, counts, a summary, progress.
 */
import type { RestoreMode, RestoreSummary } from '../../db/transfer/backupRepo';
import type { DeckImportResult } from '../../db/transfer/deckImport';
import type { RevlogAttachSummary } from '../../db/transfer/revlogAttach';
import type { AnkiTextHeaders } from '../../domain/transfer/csv/ankiTextHeaders';
import type { CsvFormat } from '../../domain/transfer/csv/readCsv';
import type { DeckImportOptions } from '../../domain/transfer/importPlan';
import type { ImportFailure, ImportProblem } from '../../domain/transfer/parsedImport';

/** The CSV column preview: the guessed (or chosen) format, the file's Anki headers and its first rows. */
export type CsvPreview = {
  format: CsvFormat;
  headers: AnkiTextHeaders;
  rowCount: number;
  /** The first rows (at most PREVIEW_ROWS), enough to count columns and show samples. */
  rows: Array<{ line: number; fields: string[] }>;
};

export const PREVIEW_ROWS = 50;

/** A deck read from a file, as the page shows it; its cards and history stay with the reader. */
export type DeckFile = {
  fileName: string;
  /** The deck id and title the file proposes. */
  deckId: string;
  title: string;
  cardCount: number;
  historyCount: number;
  /** Anki packages and Cardinal deck files, as opposed to rows of a CSV. */
  isPackage: boolean;
  /** Set when the import looks wrong (e.g. most rows skipped): Import needs a tick, showing this reason. */
  confirm?: string;
};

/** A backup read from a file, as the page shows it; its rows stay with the reader. */
export type BackupFile = {
  fileName: string;
  exportedAt: number;
  deckIds?: string[] | undefined;
  counts: Record<string, number>;
};

/** A chosen file, read and validated, as the page shows it. */
export type ImportFile =
  | { kind: 'failed'; failure: ImportFailure }
  | { kind: 'deck'; deck: DeckFile }
  | { kind: 'csv'; fileName: string; preview: CsvPreview }
  | { kind: 'backup'; backup: BackupFile }
  /**
   * A review-log CSV: what attaching it would do (its rows stay with the reader), and the first
   * MAX_LISTED_PROBLEMS rows that are not answers (all of them through 'skippedCsv').
   */
  | { kind: 'revlog'; revlog: RevlogAttachSummary; skipped: ImportProblem[] };

/** Reading, decoding/parsing/validating (not measurable inside JSON.parse or sql.js), then writing. */
export type ImportStage = 'reading' | 'checking' | 'writing';

/** `total` 0 means the stage's progress cannot be measured. */
export type ImportProgress = { stage: ImportStage; done: number; total: number };

export type ImportAsk =
  /**
   * Read and validate a chosen file (File is cloneable: the worker reads its bytes itself), with the images and
   * sounds chosen beside a text export.
   */
  | { type: 'read'; file: File; media: File[] }
  /** The CSV read last, split in another format. */
  | { type: 'csvPreview'; format: CsvFormat }
  /** The CSV read last, as a deck in the settled format (kept by the reader for the next steps). */
  | { type: 'csvDeck'; format: CsvFormat }
  /** What writing the deck read last would do, without writing. */
  | { type: 'previewDeck'; options: DeckImportOptions; now: number }
  /** Write the deck read last, in one transaction. */
  | { type: 'commitDeck'; options: DeckImportOptions; now: number }
  /** Write the backup read last, in one transaction. */
  | { type: 'restore'; mode: RestoreMode }
  /** Attach the review-log CSV read last to the cards it names, in one transaction. */
  | { type: 'commitRevlog' }
  /** Every row the last deck preview or import (or review-log CSV) skipped, as a CSV file (where, reason). */
  | { type: 'skippedCsv' };

export type ImportAnswer =
  | { type: 'read'; file: ImportFile }
  | { type: 'csvPreview'; preview: CsvPreview }
  | { type: 'csvDeck'; read: { ok: true; deck: DeckFile } | ImportFailure }
  | { type: 'deckImport'; result: DeckImportResult }
  | { type: 'restore'; summary: RestoreSummary }
  | { type: 'skippedCsv'; csv: Blob }
  | { type: 'revlogAttach'; summary: RevlogAttachSummary };

export type ImportRequest = { id: number; ask: ImportAsk };

export type ImportReply = { id: number } & (
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'answer'; answer: ImportAnswer }
  | { type: 'error'; message: string }
);

/**
 * At most this many skipped rows cross to the page (the count is always whole); all of them stay with the reader,
 * which builds the CSV download of the full list.
 */
export const MAX_LISTED_PROBLEMS = 100;

/**
 * The import reader: reads a chosen file's bytes, decodes, parses and validates it (readImportFile.ts, which calls
 * the pure readers of src/domain/transfer), keeps what it read, and plans and writes it to the database itself
 * (db/transfer: one transaction). The same code runs in the import worker (importWorker.ts, with its own Dexie
 * connection) and, where there is no Worker (jsdom), in the page (importSession.ts). The page only ever gets
 * names, counts, summaries and progress: a 100,000-card file never crosses to the main thread.
 */
import type { CardinalDb } from '../../db/database';
import { restoreBackup, tableKeys } from '../../db/transfer/backupRepo';
import { commitDeckImport, type DeckImportResult, previewDeckImport } from '../../db/transfer/deckImport';
import { commitRevlogAttach, previewRevlogAttach } from '../../db/transfer/revlogAttach';
import { countRows, type ValidBackup } from '../../domain/transfer/backup';
import type { HeaderSplit } from '../../domain/transfer/csv/ankiTextHeaders';
import type { Grid } from '../../domain/transfer/csv/parseGrid';
import { type CsvFormat, deckFromCsv, gridFor } from '../../domain/transfer/csv/readCsv';
import type { ImportedMedia } from '../../domain/transfer/mediaTypes';
import type { ImportProblem, ParsedImport } from '../../domain/transfer/parsedImport';
import type { RevlogRows } from '../../domain/transfer/revlogRows';
import { readMediaFiles, withChosenMedia } from './attachMedia';
import {
  type CsvPreview,
  type DeckFile,
  type ImportAnswer,
  type ImportAsk,
  type ImportReply,
  MAX_LISTED_PROBLEMS,
  PREVIEW_ROWS,
} from './importMessages';
import { problemsCsvBlob } from './problemsCsv';
import { readFileBytes } from './readFileBytes';
import { isGzipFile, readGzipBackup } from './readGzipBackup';
import { type FileRead, readImportFile } from './readImportFile';
import { intoStoredDeck } from './storedDeckMatch';

export type Post = (reply: ImportReply) => void;

export type ImportReader = { handle: (id: number, ask: ImportAsk, post: Post) => Promise<void> };

/** What the reader holds between requests: the deck or backup read last, to be previewed and written. */
type Held =
  | { kind: 'none' }
  | { kind: 'deck'; parsed: ParsedImport }
  | { kind: 'backup'; backup: ValidBackup }
  | { kind: 'revlog'; fileName: string; rows: RevlogRows };

/**
 * `openDb` is called on the first request that needs the database; `afterWrite` after each write (the worker tells
 * the page's live queries there, see db/bulkDb.ts).
 */
export function createImportReader(
  openDb: () => CardinalDb,
  afterWrite: () => void = () => {},
): ImportReader {
  let held: Held = { kind: 'none' };
  // The CSV read last, kept split for its column step (another split, then the deck).
  let csv: { fileName: string; split: HeaderSplit } | undefined;
  // Images and sounds chosen with the file, kept with the deck's cards that use them.
  let chosenMedia: ImportedMedia[] = [];
  // Every row the last deck preview or import skipped (the page gets the first MAX_LISTED_PROBLEMS and the count).
  let skipped: readonly ImportProblem[] = [];
  let db: CardinalDb | undefined;
  const database = () => {
    db ??= openDb();
    return db;
  };

  const answer = async (id: number, ask: ImportAsk, post: Post): Promise<ImportAnswer> => {
    const progress = (stage: 'reading' | 'checking' | 'writing', done: number, total: number) =>
      post({ id, type: 'progress', progress: { stage, done, total } });
    switch (ask.type) {
      case 'read': {
        held = { kind: 'none' };
        csv = undefined;
        skipped = [];
        const { file } = ask;
        chosenMedia = await readMediaFiles(ask.media);
        let read: FileRead;
        if (await isGzipFile(file)) {
          // A compact backup: read, inflated and checked as it streams in, never held whole.
          read = await readGzipBackup(file, tableKeys(database()), (done, total) =>
            progress('reading', done, total),
          );
        } else {
          const bytes = await readFileBytes(file, (done, total) => progress('reading', done, total));
          if (!bytes.ok) return { type: 'read', file: { kind: 'failed', failure: bytes } };
          progress('checking', 0, 0);
          read = await readImportFile(file.name, bytes.bytes, tableKeys(database()));
        }
        switch (read.kind) {
          case 'failed':
            return { type: 'read', file: read };
          case 'csv':
            csv = { fileName: read.fileName, split: read.inspection.split };
            return {
              type: 'read',
              file: {
                kind: 'csv',
                fileName: read.fileName,
                preview: previewOf(read.inspection.grid, read.inspection.format, read.inspection.split),
              },
            };
          case 'deck': {
            let parsed = withChosenMedia(read.read, chosenMedia);
            // An Anki package goes to the deck that already holds its notes (matched by guid, as Anki does).
            if (read.isPackage) parsed = await intoStoredDeck(database(), parsed);
            held = { kind: 'deck', parsed };
            return { type: 'read', file: { kind: 'deck', deck: deckFileOf(parsed, read.isPackage) } };
          }
          case 'revlog': {
            held = { kind: 'revlog', fileName: read.fileName, rows: read.rows };
            skipped = read.rows.skipped;
            const revlog = await previewRevlogAttach(database(), read.fileName, read.rows);
            return {
              type: 'read',
              file: { kind: 'revlog', revlog, skipped: skipped.slice(0, MAX_LISTED_PROBLEMS) },
            };
          }
          case 'backup': {
            const { backup } = read;
            held = { kind: 'backup', backup };
            return {
              type: 'read',
              file: {
                kind: 'backup',
                backup: {
                  fileName: read.fileName,
                  exportedAt: backup.exportedAt,
                  deckIds: backup.deckIds,
                  counts: countRows(backup),
                },
              },
            };
          }
        }
        break;
      }
      case 'csvPreview':
      case 'csvDeck': {
        if (!csv) throw new Error('no CSV file has been read');
        const { fileName, split } = csv;
        progress('checking', 0, 0);
        const grid = gridFor(fileName, split, ask.format);
        if (ask.type === 'csvPreview')
          return { type: 'csvPreview', preview: previewOf(grid, ask.format, split) };
        const read = deckFromCsv(fileName, split, ask.format);
        if (!read.ok) return { type: 'csvDeck', read };
        // The CSV stays split for another try at the columns; the deck is what the next steps write.
        const { ok: _ok, ...csvDeck } = read;
        const parsed = withChosenMedia(csvDeck, chosenMedia);
        held = { kind: 'deck', parsed };
        return { type: 'csvDeck', read: { ok: true, deck: deckFileOf(parsed, false) } };
      }
      case 'previewDeck':
      case 'commitDeck': {
        if (held.kind !== 'deck') throw new Error('no deck file has been read');
        const { parsed } = held;
        if (ask.type === 'previewDeck') {
          progress('checking', 0, 0);
          const result = await previewDeckImport(database(), parsed, ask.options, ask.now);
          if (result.ok) skipped = result.summary.skipped;
          return { type: 'deckImport', result: listed(result) };
        }
        const result = await commitDeckImport(database(), parsed, ask.options, ask.now, (done, total) =>
          progress('writing', done, total),
        );
        afterWrite();
        if (result.ok) skipped = result.summary.skipped;
        return { type: 'deckImport', result: listed(result) };
      }
      case 'commitRevlog': {
        if (held.kind !== 'revlog') throw new Error('no review-log file has been read');
        const summary = await commitRevlogAttach(database(), held.fileName, held.rows, (done, total) =>
          progress('writing', done, total),
        );
        afterWrite();
        return { type: 'revlogAttach', summary };
      }
      case 'skippedCsv':
        return { type: 'skippedCsv', csv: problemsCsvBlob(skipped) };
      case 'restore': {
        if (held.kind !== 'backup') throw new Error('no backup file has been read');
        const summary = await restoreBackup(database(), held.backup, ask.mode, (done, total) =>
          progress('writing', done, total),
        );
        afterWrite();
        return { type: 'restore', summary };
      }
    }
    throw new Error(`unknown import request ${(ask as { type: string }).type}`);
  };

  return {
    async handle(id, ask, post) {
      try {
        post({ id, type: 'answer', answer: await answer(id, ask, post) });
      } catch (e) {
        post({ id, type: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    },
  };
}

function deckFileOf(parsed: ParsedImport, isPackage: boolean): DeckFile {
  return {
    fileName: parsed.fileName,
    deckId: parsed.deck.id,
    title: parsed.deck.title,
    cardCount: parsed.deck.cards.length,
    historyCount: parsed.history.length,
    isPackage,
    ...(parsed.confirm === undefined ? {} : { confirm: parsed.confirm }),
  };
}

/**
 * A result as the page shows it: the first MAX_LISTED_PROBLEMS skipped rows, the count (`skippedCount`) whole;
 * the full list stays here for the 'skippedCsv' download.
 */
function listed(result: DeckImportResult): DeckImportResult {
  if (!result.ok || result.summary.skipped.length <= MAX_LISTED_PROBLEMS) return result;
  return {
    ok: true,
    summary: { ...result.summary, skipped: result.summary.skipped.slice(0, MAX_LISTED_PROBLEMS) },
  };
}

function previewOf(grid: Grid, format: CsvFormat, split: HeaderSplit): CsvPreview {
  return {
    format,
    headers: split.headers,
    rowCount: grid.rows.length,
    rows: grid.rows.slice(0, PREVIEW_ROWS),
  };
}

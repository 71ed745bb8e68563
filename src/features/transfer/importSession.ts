/**
 * One import, from choosing a file to writing it: requests to the import reader, run in a module Web Worker when
 * the browser has one (the worker opens its own Dexie connection and writes there; the page's live queries learn
 * of the change through Dexie's cross-context notifications), else in the page (jsdom in component tests) through
 * the very same code. `close()` stops the reader; in a worker that terminates it, so a cancelled read stops at once.
 */
import type { CardinalDb } from '../../db/database';
import type { RestoreMode, RestoreSummary } from '../../db/transfer/backupRepo';
import type { DeckImportResult } from '../../db/transfer/deckImport';
import type { RevlogAttachSummary } from '../../db/transfer/revlogAttach';
import type { CsvFormat } from '../../domain/transfer/csv/readCsv';
import type { DeckImportOptions } from '../../domain/transfer/importPlan';
import type { ImportFailure } from '../../domain/transfer/parsedImport';
import type {
  CsvPreview,
  DeckFile,
  ImportAnswer,
  ImportAsk,
  ImportFile,
  ImportProgress,
  ImportReply,
} from './importMessages';
import { createImportReader } from './importReader';

export type OnProgress = (progress: ImportProgress) => void;

export type ImportSession = {
  read: (file: File, media: File[], onProgress: OnProgress) => Promise<ImportFile>;
  csvPreview: (format: CsvFormat, onProgress: OnProgress) => Promise<CsvPreview>;
  csvDeck: (
    format: CsvFormat,
    onProgress: OnProgress,
  ) => Promise<{ ok: true; deck: DeckFile } | ImportFailure>;
  previewDeck: (options: DeckImportOptions, now: number) => Promise<DeckImportResult>;
  commitDeck: (options: DeckImportOptions, now: number, onProgress: OnProgress) => Promise<DeckImportResult>;
  restore: (mode: RestoreMode, onProgress: OnProgress) => Promise<RestoreSummary>;
  /** Attach the review-log CSV read last (one transaction). */
  commitRevlog: (onProgress: OnProgress) => Promise<RevlogAttachSummary>;
  /** Every row the last preview or import skipped, as a CSV (built by the reader, which holds them all). */
  skippedCsv: () => Promise<Blob>;
  close: () => void;
  /** Where the reading and writing run, for tests and diagnostics. */
  runsIn: 'worker' | 'page';
};

/** Thrown to a pending request when its session is closed (the user cancelled). */
export class ImportCancelled extends Error {
  constructor() {
    super('the import was cancelled');
  }
}

type Pending = {
  onProgress: OnProgress;
  resolve: (answer: ImportAnswer) => void;
  reject: (error: Error) => void;
};

/** `pageDb` is used only where there is no Worker (the reader then runs in the page, on the page's database). */
export function openImportSession(pageDb: CardinalDb): ImportSession {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed = false;

  const receive = (reply: ImportReply) => {
    const request = pending.get(reply.id);
    if (!request) return;
    switch (reply.type) {
      case 'progress':
        request.onProgress(reply.progress);
        return;
      case 'answer':
        pending.delete(reply.id);
        request.resolve(reply.answer);
        return;
      case 'error':
        pending.delete(reply.id);
        request.reject(new Error(reply.message));
    }
  };

  const failAll = (error: Error) => {
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };

  const worker = startWorker();
  let send: (id: number, ask: ImportAsk) => void;
  if (worker) {
    worker.onmessage = (event: MessageEvent<ImportReply>) => receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      failAll(new Error(event.message || 'the import worker stopped'));
    };
    send = (id, ask) => worker.postMessage({ id, ask });
  } else {
    const reader = createImportReader(() => pageDb);
    let queue = Promise.resolve();
    send = (id, ask) => {
      queue = queue.then(() => reader.handle(id, ask, (reply) => !closed && receive(reply)));
    };
  }

  const ask = (question: ImportAsk, onProgress: OnProgress = () => {}) =>
    new Promise<ImportAnswer>((resolve, reject) => {
      if (closed) return reject(new ImportCancelled());
      const id = nextId++;
      pending.set(id, { onProgress, resolve, reject });
      send(id, question);
    });

  const expect = <T extends ImportAnswer['type']>(answer: ImportAnswer, type: T) => {
    if (answer.type !== type) throw new Error(`the import reader answered ${answer.type}, not ${type}`);
    return answer as Extract<ImportAnswer, { type: T }>;
  };

  return {
    runsIn: worker ? 'worker' : 'page',
    read: async (file, media, onProgress) =>
      expect(await ask({ type: 'read', file, media }, onProgress), 'read').file,
    csvPreview: async (format, onProgress) =>
      expect(await ask({ type: 'csvPreview', format }, onProgress), 'csvPreview').preview,
    csvDeck: async (format, onProgress) =>
      expect(await ask({ type: 'csvDeck', format }, onProgress), 'csvDeck').read,
    previewDeck: async (options, now) =>
      expect(await ask({ type: 'previewDeck', options, now }), 'deckImport').result,
    commitDeck: async (options, now, onProgress) =>
      expect(await ask({ type: 'commitDeck', options, now }, onProgress), 'deckImport').result,
    restore: async (mode, onProgress) =>
      expect(await ask({ type: 'restore', mode }, onProgress), 'restore').summary,
    commitRevlog: async (onProgress) =>
      expect(await ask({ type: 'commitRevlog' }, onProgress), 'revlogAttach').summary,
    skippedCsv: async () => expect(await ask({ type: 'skippedCsv' }), 'skippedCsv').csv,
    close() {
      if (closed) return;
      closed = true;
      worker?.terminate();
      failAll(new ImportCancelled());
    },
  };
}

/** A module worker where the browser has Worker; undefined in jsdom (or if it cannot be started). */
function startWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
}

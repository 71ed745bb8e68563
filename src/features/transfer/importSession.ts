/**
 * One import, from choosing a file to its column step: requests to the import reader, run in a module Web Worker
 * when the browser has one, else in the page (jsdom in component tests) through the very same code. `close()`
 * stops the reader; in a worker that terminates it, so a cancelled read stops at once.
 */
import type { TableKey } from '../../domain/transfer/backup';
import type { CsvFormat } from '../../domain/transfer/csv/readCsv';
import type { ImportRead } from '../../domain/transfer/parsedImport';
import {
  bigArraysOf,
  type CsvPreview,
  type ImportAnswer,
  type ImportAsk,
  type ImportFile,
  type ImportProgress,
  type ImportReply,
} from './importMessages';
import { createImportReader } from './importReader';

export type OnProgress = (progress: ImportProgress) => void;

export type ImportSession = {
  read: (file: File, keys: Record<string, TableKey>, onProgress: OnProgress) => Promise<ImportFile>;
  csvPreview: (format: CsvFormat, onProgress: OnProgress) => Promise<CsvPreview>;
  csvDeck: (format: CsvFormat, onProgress: OnProgress) => Promise<ImportRead>;
  close: () => void;
  /** Where the reading runs, for tests and diagnostics. */
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
  chunks: Map<string, unknown[][]>;
  resolve: (answer: ImportAnswer) => void;
  reject: (error: Error) => void;
};

export function openImportSession(): ImportSession {
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
      case 'chunk': {
        const list = request.chunks.get(reply.key) ?? [];
        list.push(reply.items);
        request.chunks.set(reply.key, list);
        return;
      }
      case 'answer':
        pending.delete(reply.id);
        for (const big of bigArraysOf(reply.answer)) big.put((request.chunks.get(big.key) ?? []).flat());
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
    const reader = createImportReader();
    let queue = Promise.resolve();
    send = (id, ask) => {
      queue = queue.then(() => reader.handle(id, ask, (reply) => !closed && receive(reply)));
    };
  }

  const ask = (question: ImportAsk, onProgress: OnProgress) =>
    new Promise<ImportAnswer>((resolve, reject) => {
      if (closed) return reject(new ImportCancelled());
      const id = nextId++;
      pending.set(id, { onProgress, chunks: new Map(), resolve, reject });
      send(id, question);
    });

  const expect = <T extends ImportAnswer['type']>(answer: ImportAnswer, type: T) => {
    if (answer.type !== type) throw new Error(`the import reader answered ${answer.type}, not ${type}`);
    return answer as Extract<ImportAnswer, { type: T }>;
  };

  return {
    runsIn: worker ? 'worker' : 'page',
    read: async (file, keys, onProgress) =>
      expect(await ask({ type: 'read', file, keys }, onProgress), 'read').file,
    csvPreview: async (format, onProgress) =>
      expect(await ask({ type: 'csvPreview', format }, onProgress), 'csvPreview').preview,
    csvDeck: async (format, onProgress) =>
      expect(await ask({ type: 'csvDeck', format }, onProgress), 'csvDeck').read,
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

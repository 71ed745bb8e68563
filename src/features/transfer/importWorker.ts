/**
 * The import worker: runs the import reader (importReader.ts) off the page's main thread, so reading, parsing,
 * validating, planning and writing a big file never freezes the page. It opens its own connection to the app's
 * database for big writes (db/bulkDb.ts) and, after each write, tells the page's live queries. A thin adapter.
 */
import '../../domain/zodConfig';
import { announceEverythingChanged, openBulkDb } from '../../db/bulkDb';
import type { ImportReply, ImportRequest } from './importMessages';
import { createImportReader } from './importReader';

// The project's TypeScript lib is the DOM's, not the WebWorker's: this is the part of the worker scope used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage: (reply: ImportReply) => void;
};

const reader = createImportReader(() => openBulkDb(), announceEverythingChanged);
// One request at a time, in order: each step works on the file read before it.
let queue = Promise.resolve();

scope.onmessage = (event) => {
  const { id, ask } = event.data;
  queue = queue.then(() => reader.handle(id, ask, (reply) => scope.postMessage(reply)));
};

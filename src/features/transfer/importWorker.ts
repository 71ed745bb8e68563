/**
 * The import worker: runs the import reader (importReader.ts) off the page's main thread, so reading, parsing and
 * validating a big file never freezes the page. A thin adapter: requests in, replies out.
 */
import '../../domain/zodConfig';
import type { ImportReply, ImportRequest } from './importMessages';
import { createImportReader } from './importReader';

// The project's TypeScript lib is the DOM's, not the WebWorker's: this is the part of the worker scope used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage: (reply: ImportReply) => void;
};

const reader = createImportReader();
// One request at a time, in order: a CSV's column step must see the file read before it.
let queue = Promise.resolve();

scope.onmessage = (event) => {
  const { id, ask } = event.data;
  queue = queue.then(() => reader.handle(id, ask, (reply) => scope.postMessage(reply)));
};

/** The Anki export worker: builds the .apkg (SQLite + zip) off the page's main thread. */
import type { ApkgExport } from '../../domain/transfer/anki/writeApkg';
import { buildPackage } from './apkgBuild';

// The project's TypeScript lib is the DOM's, not the WebWorker's: this is the part of the worker scope used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ApkgExport>) => void) | null;
  postMessage: (
    reply: { ok: true; bytes: Uint8Array } | { ok: false; message: string },
    transfer?: Transferable[],
  ) => void;
};

scope.onmessage = (event) => {
  buildPackage(event.data).then(
    (bytes) => scope.postMessage({ ok: true, bytes }, [bytes.buffer]),
    (error: unknown) =>
      scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};

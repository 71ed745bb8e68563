/**
 * Runs the Anki package build in a module Web Worker where the browser has one (the page stays responsive for
 * big decks), else in the page (jsdom).
 */
import type { ApkgExport } from '../../domain/transfer/anki/writeApkg';
import { buildPackage } from './apkgBuild';

export function exportApkg(input: ApkgExport): Promise<Uint8Array> {
  if (typeof Worker === 'undefined') return buildPackage(input);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./apkgExportWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return buildPackage(input);
  }
  return new Promise((resolve, reject) => {
    worker.onmessage = (
      event: MessageEvent<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }>,
    ) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.bytes);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message || 'the export worker stopped'));
    };
    worker.postMessage(input);
  });
}

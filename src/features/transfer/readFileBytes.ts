/**
 * Reads a chosen file in chunks, reporting progress, after refusing it by its declared size (File.size) when it
 * is empty or above the limit, so an oversized file is never read into memory.
 */
import { sizeProblem } from '../../domain/transfer/limits';
import type { ImportFailure } from '../../domain/transfer/parsedImport';

export type FileBytes = { ok: true; bytes: Uint8Array } | ImportFailure;

export async function readFileBytes(
  file: File,
  onProgress: (done: number, total: number) => void,
): Promise<FileBytes> {
  const refused = sizeProblem(file.name, file.size);
  if (refused) return refused;
  if (typeof file.stream !== 'function') {
    const whole = await readWhole(file);
    onProgress(whole.length, file.size);
    return { ok: true, bytes: whole };
  }
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.length > bytes.length)
      return {
        ok: false,
        fileName: file.name,
        problems: [{ where: file.name, reason: 'grew while it was being read; try again' }],
      };
    bytes.set(value, offset);
    offset += value.length;
    onProgress(offset, file.size);
  }
  return { ok: true, bytes: bytes.subarray(0, offset) };
}

/** For browsers (and jsdom) without File.stream: one read through FileReader. */
function readWhole(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

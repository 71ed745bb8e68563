/**
 * A compact backup (a gzip file, formatVersion 2) read straight from the chosen File's stream: each piece is
 * inflated, split into lines and parsed as it arrives (domain/transfer/backupLines.ts), so neither the file's
 * bytes nor its text are ever held whole, only the rows. Refused by its declared size first, like every file.
 */
import type { TableKey } from '../../domain/transfer/backup';
import { readCompactBackup } from '../../domain/transfer/backupLines';
import { isGzip } from '../../domain/transfer/gzipLines';
import { MAX_BACKUP_TEXT_BYTES, sizeProblem } from '../../domain/transfer/limits';
import type { FileRead } from './readImportFile';

/** Whether the file starts as gzip does (read from its first bytes, not its name). */
export async function isGzipFile(file: File): Promise<boolean> {
  if (file.size < 2) return false;
  return isGzip(await bytesOf(file.slice(0, 2)));
}

export async function readGzipBackup(
  file: File,
  keys: Record<string, TableKey>,
  onProgress: (done: number, total: number) => void,
): Promise<FileRead> {
  const refused = sizeProblem(file.name, file.size);
  if (refused) return { kind: 'failed', failure: refused };
  const read = await readCompactBackup(file.name, pieces(file, onProgress), keys, MAX_BACKUP_TEXT_BYTES);
  return read.ok
    ? { kind: 'backup', fileName: file.name, backup: read.backup }
    : { kind: 'failed', failure: read };
}

async function* pieces(file: File, onProgress: (done: number, total: number) => void) {
  if (typeof file.stream !== 'function') {
    // jsdom has no File.stream: the whole file in one piece.
    const whole = await bytesOf(file);
    onProgress(whole.length, file.size);
    yield whole;
    return;
  }
  const reader = file.stream().getReader();
  let done = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) return;
    done += next.value.length;
    onProgress(done, file.size);
    yield next.value;
  }
}

function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(blob);
  });
}

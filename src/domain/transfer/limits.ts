/** Limits on what an import may read, checked before a file is read into memory. */
import type { ImportFailure } from './parsedImport';

/** Files above this size are refused by their declared size, before any byte is read (documented in README). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/**
 * A compact backup (gzip, formatVersion 2) is read as it inflates, never whole: above this much text inside it
 * the read stops (documented in README). A million review logs are about 300 MB of text.
 */
export const MAX_BACKUP_TEXT_BYTES = 1024 * 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A failure for a file that is empty or too large, or null when its size is acceptable. */
export function sizeProblem(fileName: string, size: number): ImportFailure | null {
  if (size === 0) return failure(fileName, 'file', 'is empty');
  if (size > MAX_IMPORT_BYTES)
    return failure(
      fileName,
      'file',
      `is ${formatBytes(size)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}, so it was not read`,
    );
  return null;
}

export function failure(fileName: string, where: string, reason: string): ImportFailure {
  return { ok: false, fileName, problems: [{ where: `${fileName} ${where}`.trim(), reason }] };
}

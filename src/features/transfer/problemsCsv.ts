/**
 * Problems (where, reason) as a CSV Blob, built in pieces of a few thousand rows so that no single string holds
 * the whole list: the import reader (in the worker) makes the "Download all as CSV" of any number of skipped rows.
 */
import Papa from 'papaparse';
import type { ImportProblem } from '../../domain/transfer/parsedImport';

const PIECE_ROWS = 5_000;

export function problemsCsvBlob(problems: readonly ImportProblem[]): Blob {
  const pieces: BlobPart[] = ['where,reason\n'];
  for (let start = 0; start < problems.length; start += PIECE_ROWS) {
    const data = problems.slice(start, start + PIECE_ROWS).map((p) => [p.where, p.reason]);
    pieces.push(`${Papa.unparse(data, { newline: '\n' })}\n`);
  }
  return new Blob(pieces, { type: 'text/csv' });
}

/** The file name a problem list downloads as: "Skipped" → "skipped.csv". */
export const problemsFileName = (title: string) => `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.csv`;

import { useState } from 'react';
import type { ImportProblem } from '../../domain/transfer/parsedImport';
import { problemsCsvBlob, problemsFileName } from './problemsCsv';
import { saveFile } from './saveFile';

/** Shown in the page; a longer list is counted, and can be downloaded whole. */
export const SHOWN_PROBLEMS = 100;

/**
 * Problems with an input, each naming where (file, line, row, card, field) and why. Shown as text: the first
 * 100, then how many more, with "Download all as CSV" (where, reason) so an 11,000-row list never renders whole.
 * `total` and `downloadAll` are for lists the page holds only the start of (skipped rows: the import worker holds
 * the rest and builds the CSV of all of them).
 */
export function ProblemList({
  title,
  problems,
  total = problems.length,
  downloadAll,
}: {
  title: string;
  problems: readonly ImportProblem[];
  total?: number;
  downloadAll?: () => Promise<Blob>;
}) {
  const [failed, setFailed] = useState<string | null>(null);
  if (problems.length === 0) return null;
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  const more = total - shown.length;
  const download = async () => {
    setFailed(null);
    try {
      const blob = downloadAll ? await downloadAll() : problemsCsvBlob(problems);
      saveFile(problemsFileName(title), [blob], 'text/csv');
    } catch (e) {
      setFailed(`The list could not be built: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <div className="transfer-problems">
      <h3>{title}</h3>
      <ul>
        {shown.map((p, i) => (
          // Problems can repeat word for word (two rows with the same issue), so the index is part of the key.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
          <li key={i}>
            <span className="transfer-where">{p.where}</span>: {p.reason}
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p>
          …and {more.toLocaleString('en')} more ({total.toLocaleString('en')} in all).{' '}
          <button type="button" className="button" onClick={() => void download()}>
            Download all as CSV
          </button>
        </p>
      )}
      {failed && <p role="alert">{failed}</p>}
    </div>
  );
}

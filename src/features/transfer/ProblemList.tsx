import Papa from 'papaparse';
import type { ImportProblem } from '../../domain/transfer/parsedImport';
import { saveFile } from './saveFile';

/** Shown in the page; a longer list is counted, and can be downloaded whole. */
export const SHOWN_PROBLEMS = 100;

/**
 * Problems with an input, each naming where (file, line, row, card, field) and why. Shown as text: the first
 * 100, then how many more, with "Download all as CSV" (where, reason) so an 11,000-row list never renders whole.
 */
export function ProblemList({ title, problems }: { title: string; problems: readonly ImportProblem[] }) {
  if (problems.length === 0) return null;
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  const more = problems.length - shown.length;
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
          …and {more.toLocaleString('en')} more ({problems.length.toLocaleString('en')} in all).{' '}
          <button
            type="button"
            className="button"
            onClick={() =>
              saveFile(
                `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.csv`,
                `${Papa.unparse({ fields: ['where', 'reason'], data: problems.map((p) => [p.where, p.reason]) }, { newline: '\n' })}\n`,
                'text/csv',
              )
            }
          >
            Download all as CSV
          </button>
        </p>
      )}
    </div>
  );
}

import type { ReactNode } from 'react';
import type { BreakdownRow } from '../../domain/exam/record';

type Props = {
  caption: string;
  heading: string;
  rows: readonly BreakdownRow[];
  /** Shown under the row's label (e.g. "Practise this section"). */
  action?: (row: BreakdownRow) => ReactNode;
};

export function BreakdownTable({ caption, heading, rows, action }: Props) {
  return (
    <div className="table-scroll">
      <table className="breakdown">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col">Correct</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.label}
                {action && <span className="row-action">{action(row)}</span>}
              </th>
              <td>
                {row.correct} / {row.total}
              </td>
              <td>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${row.percent}%` }} />
                </span>{' '}
                {formatPercent(row.percent)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function formatPercent(percent: number): string {
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)} %`;
}

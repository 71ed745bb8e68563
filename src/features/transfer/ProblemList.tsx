import type { ImportProblem } from '../../domain/transfer/parsedImport';

/** Problems with an input, each naming where (file, line, row, card, field) and why. Shown as text. */
export function ProblemList({ title, problems }: { title: string; problems: readonly ImportProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="transfer-problems">
      <h3>{title}</h3>
      <ul>
        {problems.map((p, i) => (
          // Problems can repeat word for word (two rows with the same issue), so the index is part of the key.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
          <li key={i}>
            <span className="transfer-where">{p.where}</span>: {p.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Mastery per guide section: share of items recalled with probability ≥ 90 % now, and the mean. */
import { Link } from 'react-router';
import type { FlatSection } from '../../domain/exam/sections';
import { type CardTally, MASTERED_R } from '../../domain/stats/cardStats';
import { percent } from './format';

export function MasteryTable({
  deckId,
  sections,
  tally,
}: {
  deckId: string;
  sections: readonly FlatSection[];
  tally: CardTally;
}) {
  const rows = sections.flatMap((s) => {
    const m = tally.sections.get(s.id);
    return m && m.items > 0 ? [{ ...s, ...m }] : [];
  });
  return (
    <section aria-labelledby="stats-mastery">
      <h2 id="stats-mastery">Mastery by section</h2>
      <p className="chart-summary">
        Mastered: the share of a section's items you would recall now with probability {percent(MASTERED_R)}{' '}
        or more. Items never reviewed count as 0.
      </p>
      <div className="table-scroll">
        <table className="stats-table">
          <caption className="visually-hidden">Mastery by section</caption>
          <thead>
            <tr>
              <th scope="col">Section</th>
              <th scope="col">Items</th>
              <th scope="col">Mastered</th>
              <th scope="col">Mean recall now</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row" style={{ paddingLeft: `${0.5 + r.depth}rem` }}>
                  <Link
                    to={`/browse?deck=${encodeURIComponent(deckId)}&section=${encodeURIComponent(r.id)}`}
                    aria-label={`${r.title}: browse its cards`}
                  >
                    {r.title}
                  </Link>
                </th>
                <td>{r.items}</td>
                <td>
                  <span className="meter" aria-hidden="true">
                    <span style={{ width: `${(r.mastered / r.items) * 100}%` }} />
                  </span>{' '}
                  {percent(r.mastered / r.items)}
                </td>
                <td>{percent(r.retrievabilitySum / r.items)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

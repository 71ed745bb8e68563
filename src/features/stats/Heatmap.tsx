/**
 * A year of study days as a calendar: one column per week (Monday at the top), each day shaded by how many
 * answers it had. The grid is a picture for sighted users (with a tooltip per day); its summary and the month
 * table say the same in words.
 */
import { useEffect, useRef } from 'react';
import { dayLabel } from '../../domain/stats/studyDays';
import { count } from './format';

const WEEKS = 53;

function level(n: number, max: number): number {
  if (n === 0) return 0;
  return Math.min(4, Math.ceil((n / Math.max(1, max)) * 4));
}

export function Heatmap({ days, today }: { days: ReadonlyArray<[number, number]>; today: number }) {
  const counts = new Map(days);
  const scroller = useRef<HTMLDivElement>(null);
  // On a narrow screen the calendar scrolls sideways: it opens on the latest weeks.
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollLeft = el.scrollWidth;
  }, []);
  // The last column ends with today's week; day 0 (1970-01-01) was a Thursday, so (day + 3) % 7 is 0 on Mondays.
  const weekday = (((today + 3) % 7) + 7) % 7;
  const first = today - weekday - (WEEKS - 1) * 7;
  const cells: Array<{ day: number; n: number } | null> = [];
  let max = 0;
  for (let day = first; day < first + WEEKS * 7; day++) {
    const n = counts.get(day) ?? 0;
    if (day <= today) max = Math.max(max, n);
    cells.push(day <= today ? { day, n } : null);
  }
  const studied = cells.filter((c) => c && c.n > 0).length;
  const total = cells.reduce((sum, c) => sum + (c?.n ?? 0), 0);
  const months = new Map<string, number>();
  for (const c of cells) {
    if (!c || c.n === 0) continue;
    const month = dayLabel(c.day).slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + c.n);
  }
  return (
    <figure className="heatmap-figure" aria-labelledby="heatmap-title">
      <figcaption id="heatmap-title" className="chart-title">
        Answers per day, last 12 months
      </figcaption>
      <div className="heatmap-scroll" ref={scroller}>
        <div
          className="heatmap"
          role="img"
          aria-label={`Calendar: ${count(total, 'answer')} on ${count(studied, 'day')}`}
        >
          {cells.map((c, i) =>
            c ? (
              <span
                key={c.day}
                className={`heatmap-cell level-${level(c.n, max)}${c.day === today ? ' today' : ''}`}
                data-day={dayLabel(c.day)}
                data-count={c.n}
                title={`${dayLabel(c.day)}: ${count(c.n, 'answer')}`}
              />
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: the empty cells after today are positional
              <span key={`empty-${i}`} className="heatmap-cell empty" />
            ),
          )}
        </div>
      </div>
      <p className="chart-summary">
        {count(total, 'answer')} on {count(studied, 'study day')} in the last 12 months.
      </p>
      {months.size > 0 && (
        <details className="chart-table">
          <summary>Show as table</summary>
          <table>
            <caption>Answers per month</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Answers</th>
              </tr>
            </thead>
            <tbody>
              {[...months].map(([month, n]) => (
                <tr key={month}>
                  <th scope="row">{month}</th>
                  <td>{n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}

/** The charts drawn from the review items: due forecast, counts by state and the memory distributions. */
import { useState } from 'react';
import { bucketLabel, type CardTally, type Histogram } from '../../domain/stats/cardStats';
import { dayLabel, dayNoon } from '../../domain/stats/studyDays';
import { Chart } from '../../ui/charts/Chart';
import { count, percent } from './format';

export function CardCharts({ tally, today }: { tally: CardTally; today: number }) {
  const [horizon, setHorizon] = useState<30 | 90>(30);
  const forecast = tally.forecast.slice(0, horizon);
  const days = forecast.map((_, i) => today + i);
  const due = forecast.reduce((a, n) => a + n, 0);
  const states = tally.states;
  const stateNames = ['New', 'Learning', 'Review', 'Relearning', 'Suspended'];
  const stateValues = [states.new, states.learning, states.review, states.relearning, states.suspended];

  return (
    <>
      <section aria-labelledby="stats-forecast">
        <h2 id="stats-forecast">Due forecast</h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">Forecast length</legend>
          {([30, 90] as const).map((n) => (
            <label key={n}>
              <input type="radio" name="horizon" checked={horizon === n} onChange={() => setHorizon(n)} /> {n}{' '}
              days
            </label>
          ))}
        </fieldset>
        <Chart
          title={`Cards due in the next ${horizon} days`}
          summary={`${count(tally.overdue, 'card')} overdue (shown on today), ${count(due, 'card')} due in the next ${horizon} days, ${count(forecast[0] ?? 0, 'card')} of them today.`}
          spec={{
            x: { times: days.map(dayNoon) },
            stacked: true,
            series: [
              { label: 'Due', color: 'review', values: forecast },
              {
                label: 'Overdue',
                color: 'accent',
                values: forecast.map((_, i) => (i === 0 ? tally.overdue : 0)),
              },
            ],
          }}
          table={{
            caption: 'Cards due per day',
            columns: ['Day', 'Due'],
            rows: [
              ['Overdue', tally.overdue],
              ...days.flatMap((d, i) => ((forecast[i] ?? 0) > 0 ? [[dayLabel(d), forecast[i] ?? 0]] : [])),
            ],
          }}
        />
      </section>

      <section aria-labelledby="stats-states">
        <h2 id="stats-states">Cards by state</h2>
        <Chart
          title="Review items by state"
          summary={stateNames.map((n, i) => `${n} ${stateValues[i]}`).join(', ')}
          spec={{
            x: { labels: stateNames },
            series: [{ label: 'Items', color: 'chart-1', values: stateValues }],
          }}
          table={{
            caption: 'Review items by state',
            columns: ['State', 'Items'],
            rows: stateNames.map((n, i) => [n, stateValues[i] ?? 0]),
          }}
          height={180}
        />
      </section>

      <section aria-labelledby="stats-distributions">
        <h2 id="stats-distributions">Distributions</h2>
        <Distribution title="Intervals of cards in review" hist={tally.intervals} unit=" d" />
        <Distribution title="Stability (days)" hist={tally.stability} unit=" d" />
        <Distribution title="Difficulty (1–10)" hist={tally.difficulty} unit="" />
        <Distribution title="Retrievability now" hist={tally.retrievability} unit="%" scale={100} />
      </section>
    </>
  );
}

function Distribution({
  title,
  hist,
  unit,
  scale = 1,
}: {
  title: string;
  hist: Histogram;
  unit: string;
  scale?: number;
}) {
  const edges = hist.edges.map((e) => Math.round(e * scale));
  const labels = edges.map((_, i) => bucketLabel(edges, i, unit));
  const total = hist.counts.reduce((a, n) => a + n, 0);
  const top = hist.counts.reduce((best, n, i) => (n > (hist.counts[best] ?? 0) ? i : best), 0);
  return (
    <Chart
      title={title}
      summary={
        total
          ? `${count(total, 'card')}; most (${percent((hist.counts[top] ?? 0) / total)}) in ${labels[top]}.`
          : 'No reviewed cards yet.'
      }
      spec={{ x: { labels }, series: [{ label: 'Cards', color: 'chart-1', values: hist.counts }] }}
      table={{
        caption: title,
        columns: ['Range', 'Cards'],
        rows: labels.map((l, i) => [l, hist.counts[i] ?? 0]),
      }}
      height={170}
    />
  );
}

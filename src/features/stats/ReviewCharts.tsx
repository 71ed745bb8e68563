/** The charts drawn from the period's answers: per day by kind, time, true retention, buttons, hour of day. */
import { useMemo, useState } from 'react';
import {
  ANSWER_KINDS,
  type AnswerKind,
  BUTTON_GROUPS,
  type Grouping,
  type ReviewTally,
  retentionSeries,
  totalRetention,
} from '../../domain/stats/reviewTally';
import { dayLabel, dayNoon } from '../../domain/stats/studyDays';
import { Chart, type ChartSpec } from '../../ui/charts/Chart';
import { count, duration, percent, share } from './format';

const KIND_NAMES: Record<AnswerKind, string> = {
  new: 'New',
  learning: 'Learning',
  review: 'Review',
  relearning: 'Relearning',
  exam: 'Exam',
};
const KIND_COLORS: Record<AnswerKind, string> = {
  new: 'new',
  learning: 'learning',
  review: 'review',
  relearning: 'accent',
  exam: 'chart-4',
};

export function ReviewCharts({
  tally,
  today,
  firstDay,
  desiredRetention,
}: {
  tally: ReviewTally;
  today: number;
  /** First study day of the period (or of the history, for all of it). */
  firstDay: number;
  desiredRetention: readonly number[];
}) {
  const [grouping, setGrouping] = useState<Grouping>('week');
  const days = useMemo(() => {
    const list: number[] = [];
    for (let d = firstDay; d <= today; d++) list.push(d);
    return list;
  }, [firstDay, today]);

  const perDay = useMemo(() => {
    const spec: ChartSpec = {
      x: { times: days.map(dayNoon) },
      stacked: true,
      series: ANSWER_KINDS.map((kind) => ({
        label: KIND_NAMES[kind],
        color: KIND_COLORS[kind],
        values: days.map((d) => tally.days.get(d)?.kinds[kind] ?? 0),
      })),
    };
    const minutes: ChartSpec = {
      x: { times: days.map(dayNoon) },
      series: [
        {
          label: 'Minutes',
          color: 'chart-1',
          values: days.map((d) => Math.round((tally.days.get(d)?.timeMs ?? 0) / 6000) / 10),
        },
      ],
    };
    return { spec, minutes };
  }, [tally, days]);

  const studied = days.filter((d) => tally.days.has(d));
  const totalTime = studied.reduce((sum, d) => sum + (tally.days.get(d)?.timeMs ?? 0), 0);
  const rows = studied.map((d) => {
    const t = tally.days.get(d);
    return [dayLabel(d), ...ANSWER_KINDS.map((k) => t?.kinds[k] ?? 0), duration(t?.timeMs ?? 0)];
  });

  const retention = retentionSeries(tally, grouping);
  const young = totalRetention(retention, 'young');
  const mature = totalRetention(retention, 'mature');
  const target = desiredRetention[0] ?? 0.9;
  const retentionSpec: ChartSpec = {
    x: { times: retention.map((r) => dayNoon(r.start)) },
    yRange: [0, 1],
    format: percent,
    series: [
      {
        label: 'Young',
        color: 'chart-1',
        kind: 'points',
        values: retention.map((r) => (r.young.total ? r.young.passed / r.young.total : null)),
      },
      {
        label: 'Mature',
        color: 'chart-3',
        kind: 'points',
        values: retention.map((r) => (r.mature.total ? r.mature.passed / r.mature.total : null)),
      },
    ],
    marks: [{ value: target, label: `Desired retention ${percent(target)}` }],
  };

  const buttonNames = ['Again', 'Hard', 'Good', 'Easy'];
  const buttonSpec: ChartSpec = {
    x: { labels: buttonNames },
    stacked: true,
    series: BUTTON_GROUPS.map((g, i) => ({
      label: g[0]?.toUpperCase() + g.slice(1),
      color: ['learning', 'chart-1', 'review'][i] ?? 'chart-1',
      values: tally.buttons[g],
    })),
  };
  const hours = tally.hours;
  const hourSpec: ChartSpec = {
    x: { labels: hours.map((_, h) => String(h)) },
    series: [{ label: 'Answers', color: 'chart-1', values: hours.map((h) => h.answers) }],
  };
  const busiest = hours.reduce((best, h, i) => (h.answers > (hours[best]?.answers ?? 0) ? i : best), 0);

  return (
    <>
      <section aria-labelledby="stats-per-day">
        <h2 id="stats-per-day">Reviews per day</h2>
        <Chart
          title="Answers per day, by kind"
          summary={`${count(tally.answers, 'answer')} on ${count(studied.length, 'day')}, ${duration(totalTime)} in all.`}
          spec={perDay.spec}
          table={{
            caption: 'Answers per day, by kind, and time spent',
            columns: ['Day', ...ANSWER_KINDS.map((k) => KIND_NAMES[k]), 'Time'],
            rows,
          }}
        />
        <Chart
          title="Time spent per day (minutes)"
          summary={`${duration(totalTime)} over the period; ${studied.length ? duration(totalTime / studied.length) : '0 s'} per study day.`}
          spec={perDay.minutes}
          table={{
            caption: 'Time spent per day',
            columns: ['Day', 'Time'],
            rows: rows.map((r) => [r[0] ?? '', r.at(-1) ?? '']),
          }}
          height={160}
        />
      </section>

      <section aria-labelledby="stats-retention">
        <h2 id="stats-retention">True retention</h2>
        <div className="field inline">
          <label htmlFor="retention-grouping">Group by</label>
          <select
            id="retention-grouping"
            value={grouping}
            onChange={(e) => setGrouping(e.target.value as Grouping)}
          >
            <option value="day">Day</option>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </select>
        </div>
        <Chart
          title={`True retention by ${grouping}, young and mature cards`}
          summary={`Share of review answers that were not Again: young cards ${share(young)} (${young.total}), mature cards (interval 21 days or more) ${share(mature)} (${mature.total}); desired retention ${desiredRetention.map(percent).join(', ')}.`}
          spec={retentionSpec}
          table={{
            caption: `True retention by ${grouping}`,
            columns: [
              grouping === 'day' ? 'Day' : `${grouping[0]?.toUpperCase()}${grouping.slice(1)} from`,
              'Young',
              'Young answers',
              'Mature',
              'Mature answers',
            ],
            rows: retention.map((r) => [
              dayLabel(r.start),
              share(r.young),
              r.young.total,
              share(r.mature),
              r.mature.total,
            ]),
          }}
        />
      </section>

      <section aria-labelledby="stats-buttons">
        <h2 id="stats-buttons">Answer buttons</h2>
        <Chart
          title="Answer buttons, by learning, young and mature cards"
          summary={BUTTON_GROUPS.map((g) => {
            const b = tally.buttons[g];
            const sum = b.reduce((a, n) => a + n, 0);
            return `${g}: ${sum ? `${percent(1 - b[0] / sum)} not Again` : 'none'}`;
          }).join('; ')}
          spec={buttonSpec}
          table={{
            caption: 'Answer button counts',
            columns: ['Group', ...buttonNames],
            rows: BUTTON_GROUPS.map((g) => [g, ...tally.buttons[g]]),
          }}
          height={180}
        />
      </section>

      <section aria-labelledby="stats-hours">
        <h2 id="stats-hours">Hour of day</h2>
        <Chart
          title="Answers by hour of the day (local time)"
          summary={
            tally.answers ? `Most answers at ${busiest}:00–${busiest + 1}:00.` : 'No answers in this period.'
          }
          spec={hourSpec}
          table={{
            caption: 'Answers and Again rate by hour',
            columns: ['Hour', 'Answers', 'Again'],
            rows: hours.flatMap((h, i) =>
              h.answers ? [[`${i}:00`, h.answers, percent(h.again / h.answers)]] : [],
            ),
          }}
          height={180}
        />
      </section>
    </>
  );
}

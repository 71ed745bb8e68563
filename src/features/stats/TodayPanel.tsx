/** Today at a glance: answers, time, again rate, new cards, and the streak. */
import type { TodaySummary } from '../../domain/stats/reviewTally';
import type { Streaks } from '../../domain/stats/streaks';
import { count, duration, percent } from './format';

/** `streaks` arrive with the calendar, a moment after today's figures. */
export function TodayPanel({
  today,
  streaks,
  wholeHistory,
}: {
  today: TodaySummary;
  streaks: Streaks | undefined;
  /** Whether the longest streak covers all history (else the last 12 months). */
  wholeHistory: boolean;
}) {
  const items: Array<[string, string]> = [
    ['Answers', today.answers.toLocaleString('en')],
    ['Time', duration(today.timeMs)],
    ['Again', today.answers ? percent(today.againRate) : '–'],
    ['New cards', today.newCards.toLocaleString('en')],
    ['Streak', streaks ? count(streaks.current, 'day') : '…'],
    [
      wholeHistory ? 'Longest streak' : 'Longest streak (12 months)',
      streaks ? count(streaks.longest, 'day') : '…',
    ],
  ];
  return (
    <section aria-labelledby="stats-today">
      <h2 id="stats-today">Today</h2>
      <dl className="stats-today">
        {items.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * Statistics for one deck or all, over a chosen period (`/stats?deck=<id>&period=<days|all>`). Everything is
 * computed in a Web Worker (useStats) and shown part by part as it arrives: today and the calendar first, then
 * the cards, then the period's answers.
 */
import './stats.css';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { listDecks } from '../../db/decksRepo';
import { useDbQuery } from '../../db/react';
import { streaks } from '../../domain/stats/streaks';
import { now } from '../../stores/clock';
import { CardCharts } from './CardCharts';
import { Heatmap } from './Heatmap';
import { MasteryTable } from './MasteryTable';
import { ReviewCharts } from './ReviewCharts';
import { TodayPanel } from './TodayPanel';
import { useStats } from './useStats';

const PERIODS: Array<[string, string]> = [
  ['30', 'Last month'],
  ['90', 'Last 3 months'],
  ['365', 'Last year'],
  ['all', 'All history'],
];

export function StatsPage() {
  const [params, setParams] = useSearchParams();
  const decks = useDbQuery((db) => listDecks(db), []);
  const deckId = params.get('deck') || null;
  const periodParam = PERIODS.some(([v]) => v === params.get('period'))
    ? (params.get('period') ?? '90')
    : '90';
  const periodDays = periodParam === 'all' ? null : Number(periodParam);
  // The moment the figures are computed for: fixed while the page is open, renewed with the scope or period.
  const [asOf, setAsOf] = useState(now);
  const stats = useStats({ deckId, periodDays, forecastDays: 90, now: asOf });
  const choose = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
    setAsOf(now());
  };

  const { calendar, cards, reviews } = stats;
  const firstDay = useMemo(() => {
    if (!calendar) return 0;
    if (periodDays !== null) return calendar.today - periodDays + 1;
    let first = calendar.days[0]?.[0] ?? calendar.today;
    for (const day of reviews?.tally.days.keys() ?? []) first = Math.min(first, day);
    return first;
  }, [calendar, periodDays, reviews]);
  // The calendar's streaks cover its year; with all history read, the longest streak covers all of it.
  const wholeHistory = periodDays === null && reviews?.done === true;
  const streakFigures = useMemo(
    () =>
      calendar && wholeHistory && reviews
        ? streaks([...reviews.tally.days.keys(), ...calendar.days.map(([d]) => d)], calendar.today)
        : calendar?.streaks,
    [calendar, wholeHistory, reviews],
  );
  const deckInfo = calendar?.decks.find((d) => d.id === deckId);
  const deckTitle = decks?.find((d) => d.id === deckId)?.title;
  const retentions = [...new Set(calendar?.decks.map((d) => d.desiredRetention) ?? [])];

  return (
    <section className="stats" aria-labelledby="stats-heading" aria-busy={!reviews?.done}>
      <h1 id="stats-heading">Statistics{deckTitle ? `: ${deckTitle}` : ''}</h1>
      <div className="stats-controls">
        <div className="field">
          <label htmlFor="stats-deck">Deck</label>
          <select
            id="stats-deck"
            value={deckId ?? ''}
            onChange={(e) => choose('deck', e.target.value || null)}
          >
            <option value="">All decks</option>
            {decks?.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="stats-period">Period</label>
          <select id="stats-period" value={periodParam} onChange={(e) => choose('period', e.target.value)}>
            {PERIODS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {stats.error && <p role="alert">The statistics could not be computed: {stats.error}</p>}
      {!stats.today && !stats.error && <p role="status">Counting…</p>}
      {stats.today && <TodayPanel today={stats.today} streaks={streakFigures} wholeHistory={wholeHistory} />}
      {calendar && <Heatmap days={calendar.days} today={calendar.today} />}
      {calendar && !reviews?.done && (
        <p role="status">
          <label>
            Reading {calendar.periodAnswers.toLocaleString('en')} answers…{' '}
            <progress max={Math.max(1, calendar.periodAnswers)} value={reviews?.read ?? 0} />
          </label>
        </p>
      )}
      {calendar && cards && <CardCharts tally={cards} today={calendar.today} />}
      {calendar && cards && deckId && deckInfo && deckInfo.sections.length > 0 && (
        <MasteryTable deckId={deckId} sections={deckInfo.sections} tally={cards} />
      )}
      {calendar && reviews?.done && (
        <ReviewCharts
          tally={reviews.tally}
          today={calendar.today}
          firstDay={firstDay}
          desiredRetention={retentions}
        />
      )}
    </section>
  );
}

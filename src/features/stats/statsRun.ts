/**
 * Computes the statistics of one request and posts them part by part, cheapest first: today's answers, the
 * calendar (counts on the index, no log read), the review items, then the period's logs page by page (with the
 * running tally after each page).
 * Runs in the statistics worker, or in the page where there is no Worker (jsdom); memory stays bounded by one
 * page of logs whatever the history's size.
 */
import type { CardinalDb } from '../../db/database';
import { answersInRanges, forEachItemPage, forEachLogPage, statsDecks } from '../../db/statsReads';
import { studyDayStart } from '../../domain/day';
import { retrievability } from '../../domain/scheduler';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../domain/settings';
import { emptyCardTally, tallyItems } from '../../domain/stats/cardStats';
import { emptyTally, hourIndexer, tallyLogs, todaySummary } from '../../domain/stats/reviewTally';
import { streaks } from '../../domain/stats/streaks';
import { studyDayIndexer, studyDayNumber, studyDayStartOf } from '../../domain/stats/studyDays';
import type { StatsReply, StatsRequest } from './statsMessages';

const YEAR_DAYS = 365;

export async function runStats(
  db: CardinalDb,
  request: StatsRequest,
  post: (reply: StatsReply) => void,
): Promise<void> {
  const decks = await statsDecks(db, request.deckId);
  // Every deck of the scope is counted on the first deck's study day (decks rarely differ).
  const dayStartHour = decks[0]?.settings.dayStartHour ?? DEFAULT_SCHEDULER_SETTINGS.dayStartHour;
  const dayOf = studyDayIndexer(dayStartHour);
  const today = studyDayNumber(request.now, dayStartHour);
  // The period is whole study days, today included.
  const periodFrom =
    request.periodDays === null
      ? Number.NEGATIVE_INFINITY
      : studyDayStartOf(today - request.periodDays + 1, dayStartHour);
  // Today's answers first: the page shows them while the rest is counted.
  const todayTally = emptyTally();
  const todayFrom = studyDayStart(request.now, dayStartHour);
  for (const deck of decks)
    await forEachLogPage(db, deck.id, todayFrom, (logs) => tallyLogs(todayTally, logs, dayOf, hourIndexer()));
  post({ type: 'today', today: todaySummary(todayTally, today) });

  // The calendar: one count per study day on the index (no log is read), and one for the whole period.
  const firstDay = today - YEAR_DAYS - 7;
  const ranges: Array<[number, number]> = [];
  for (let day = firstDay; day <= today; day++)
    ranges.push([studyDayStartOf(day, dayStartHour), studyDayStartOf(day + 1, dayStartHour)]);
  const perDay = new Map<number, number>();
  let periodAnswers = 0;
  for (const deck of decks) {
    const [counts, period] = await Promise.all([
      answersInRanges(db, deck.id, ranges),
      answersInRanges(db, deck.id, [[periodFrom, Number.POSITIVE_INFINITY]]),
    ]);
    counts.forEach((n, i) => {
      if (n > 0) perDay.set(firstDay + i, (perDay.get(firstDay + i) ?? 0) + n);
    });
    periodAnswers += period[0] ?? 0;
  }
  post({
    type: 'calendar',
    today,
    dayStartHour,
    days: [...perDay].sort((a, b) => a[0] - b[0]),
    // Over the calendar's days: the last year and a week.
    streaks: streaks(perDay.keys(), today),
    periodAnswers,
    decks: decks.map((d) => ({
      id: d.id,
      title: d.title,
      desiredRetention: d.settings.desiredRetention,
      sections: d.guideSections,
    })),
  });

  const cards = emptyCardTally(request.forecastDays);
  for (const deck of decks) {
    await forEachItemPage(db, deck.id, (items) =>
      tallyItems(cards, items, today, dayOf, (item) => retrievability(item.fsrs, request.now, deck.settings)),
    );
  }
  post({ type: 'cards', tally: cards });

  const tally = emptyTally();
  const hourOf = hourIndexer();
  let read = 0;
  for (const deck of decks) {
    await forEachLogPage(db, deck.id, periodFrom, (logs) => {
      tallyLogs(tally, logs, dayOf, hourOf);
      read += logs.length;
      post({ type: 'reviews', tally, read, done: false });
    });
  }
  post({ type: 'reviews', tally, read, done: true });
}

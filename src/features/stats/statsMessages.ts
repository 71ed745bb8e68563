/** What the statistics page asks its worker, and what the worker answers, in the order it answers. */
import type { FlatSection } from '../../domain/exam/sections';
import type { CardTally } from '../../domain/stats/cardStats';
import type { ReviewTally, TodaySummary } from '../../domain/stats/reviewTally';
import type { Streaks } from '../../domain/stats/streaks';

export type StatsRequest = {
  /** One deck, or null for every deck. */
  deckId: string | null;
  /** The period's length in days, or null for all history. */
  periodDays: number | null;
  /** Days in the due forecast. */
  forecastDays: number;
  now: number;
};

export type StatsDeckInfo = { id: string; title: string; desiredRetention: number; sections: FlatSection[] };

export type CalendarPart = {
  type: 'calendar';
  today: number;
  dayStartHour: number;
  /** Answers per study day over the last year (and the period, when longer): [day, count]. */
  days: Array<[number, number]>;
  streaks: Streaks;
  /** Answers in the chosen period (how many logs the "reviews" part will read). */
  periodAnswers: number;
  decks: StatsDeckInfo[];
};

export type StatsReply =
  /** First and cheapest: today's answers alone (one small index range). */
  | { type: 'today'; today: TodaySummary }
  | CalendarPart
  | { type: 'cards'; tally: CardTally }
  | { type: 'reviews'; tally: ReviewTally; read: number; done: boolean }
  | { type: 'error'; message: string };

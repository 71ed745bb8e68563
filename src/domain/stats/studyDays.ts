/**
 * Study days as whole numbers, so statistics can bucket answers by day without building dates per answer.
 * A study day starts at the deck's day-start hour in local time (domain/day.ts), so an answer at 1 a.m. counts
 * for the day before, and a day that changes clocks (DST) is 23 or 25 hours long but still one day.
 * Day number n is the calendar date (local) on which the study day starts, counted from 1970-01-01.
 */
import { studyDayStart } from '../day';

const DAY_MS = 86_400_000;
/** Time-zone offsets are whole quarter hours: within one quarter hour the study day cannot change. */
const QUARTER_HOUR_MS = 900_000;

/** The study day that contains `at` (local time, day starting at `dayStartHour`). */
export function studyDayNumber(at: number, dayStartHour: number): number {
  const start = new Date(studyDayStart(at, dayStartHour));
  return Math.round(Date.UTC(start.getFullYear(), start.getMonth(), start.getDate()) / DAY_MS);
}

/**
 * A fast `studyDayNumber` for many answers: it remembers the day of each quarter hour it has seen. Exact unless
 * the day-start falls inside a quarter hour, which it cannot (it is a whole hour, and offsets are whole quarters).
 */
export function studyDayIndexer(dayStartHour: number): (at: number) => number {
  const memo = new Map<number, number>();
  return (at) => {
    const quarter = Math.floor(at / QUARTER_HOUR_MS);
    let day = memo.get(quarter);
    if (day === undefined) {
      day = studyDayNumber(at, dayStartHour);
      memo.set(quarter, day);
    }
    return day;
  };
}

/** "2026-03-29" for a day number. */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Epoch ms of local noon on a day number: a safe point inside that calendar day, for chart axes. */
export function dayNoon(day: number): number {
  const d = new Date(day * DAY_MS);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12).getTime();
}

/** Epoch ms at which study day `day` starts (its calendar date at `dayStartHour`, local time). */
export function studyDayStartOf(day: number, dayStartHour: number): number {
  const d = new Date(day * DAY_MS);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), dayStartHour).getTime();
}

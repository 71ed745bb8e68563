/**
 * Where a study day starts. Like Anki, the day rolls over at a configurable local hour (default 4 a.m.),
 * so a late-night session still counts as the same day.
 */
export const DEFAULT_DAY_START_HOUR = 4;

/** Epoch ms of the start of the study day that contains `now` (local time). */
export function studyDayStart(now: number, dayStartHour = DEFAULT_DAY_START_HOUR): number {
  const start = new Date(now);
  start.setHours(dayStartHour, 0, 0, 0);
  if (start.getTime() > now) start.setDate(start.getDate() - 1);
  return start.getTime();
}

/** Epoch ms when the next study day starts: items due before this are due "today". */
export function nextStudyDayStart(now: number, dayStartHour = DEFAULT_DAY_START_HOUR): number {
  const next = new Date(studyDayStart(now, dayStartHour));
  next.setDate(next.getDate() + 1);
  return next.getTime();
}

import { useMemo, useRef } from 'react';
import { useDbQuery } from '../../db/react';
import {
  loadReviewDay,
  loadReviewScope,
  type ReviewDay,
  type ReviewScope,
  type ReviewScreen,
} from '../../db/reviewScreen';
import { type Prompt, promptOf } from '../../domain/deck/prompt';
import { type Grade4, type Outcome, previewOutcomes } from '../../domain/scheduler';
import { readDeferred } from '../../stores/answerCommits';
import { now, useNow } from '../../stores/clock';
import { useReviewSession } from '../../stores/reviewSession';

/** How often the day is recomputed without a database change, so learning steps come due on time. */
const REFRESH_MS = 10_000;

/** A day as read, with how many answers it includes (-1: read while answers were being stored). */
type DayRead = ReviewDay & { readAt: number };

/**
 * The review screen's data, live, as two queries: the decks and settings (re-read when they change) and today's
 * queue (re-read every 10 s for learning steps, when a test moves the clock, and when the database changes). The
 * time is read when the day query runs, not when the page renders: a render alone (a reveal, a busy flag) must not
 * restart it, or every answer would pay for several reads.
 *
 * After an answer the screen shows the day computed ahead (the session's `ahead`) while the answer is stored in
 * the background; the day is not read meanwhile (our own writes would only wake the query for nothing) but once
 * every answer is stored and no answer came for a moment (the session's `stored` moves), and that read replaces
 * the day ahead. Parts of it equal to what is on screen keep their identity, so the read re-renders nothing it
 * does not change.
 */
export function useReviewScreen(
  scope: string,
  section: string | null = null,
  enabled = true,
  tag: string | null = null,
): ReviewScreen | null | undefined {
  const reviewScope = useDbQuery(
    async (db) => (enabled ? loadReviewScope(db, scope, section, tag) : null),
    [scope, section, enabled, tag],
  );
  const period = Math.floor(useNow(REFRESH_MS) / REFRESH_MS);
  // How far the last read reached today's limits: the next read sizes its lists by it (results do not depend on it).
  const readAhead = useRef<ReviewDay['readAhead']>({});
  const stored = useReviewSession((s) => s.stored);
  const last = useRef<{ scope: ReviewScope; day: DayRead } | null>(null);
  const day = useDbQuery(
    async (db) => {
      if (!reviewScope) return undefined;
      const { pending, issued } = useReviewSession.getState();
      if (readDeferred() && last.current?.scope === reviewScope) return last.current.day;
      const read = await loadReviewDay(db, reviewScope, now(), readAhead.current);
      readAhead.current = read.readAhead;
      const result = { ...read, readAt: pending > 0 ? -1 : issued };
      last.current = { scope: reviewScope, day: result };
      return result;
    },
    [reviewScope, period, stored],
  );
  const ahead = useReviewSession((s) => s.ahead);
  const shown = ahead && (day === undefined || day.readAt < ahead.issued) ? ahead.day : day;
  const previous = useRef<ReviewScreen | undefined>(undefined);
  return useMemo(() => {
    if (reviewScope === null) return null;
    if (reviewScope === undefined || shown === undefined) return undefined;
    const screen = keepUnchanged(previous.current, { ...reviewScope, ...shown });
    previous.current = screen;
    return screen;
  }, [reviewScope, shown]);
}

/** `next`, with its current item and card replaced by the previous screen's when they are equal. */
function keepUnchanged(previous: ReviewScreen | undefined, next: ReviewScreen): ReviewScreen {
  if (!previous) return next;
  const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
  const current =
    next.queue.current && same(previous.queue.current, next.queue.current)
      ? previous.queue.current
      : next.queue.current;
  const counts = same(previous.queue.counts, next.queue.counts) ? previous.queue.counts : next.queue.counts;
  const card = next.card && same(previous.card, next.card) ? previous.card : next.card;
  return { ...next, queue: { ...next.queue, current, counts }, card };
}

export function usePrompt(screen: ReviewScreen | null | undefined): Prompt | null {
  const card = screen?.card?.card;
  const ordinal = screen?.queue.current?.ordinal;
  return useMemo(() => (card && ordinal !== undefined ? promptOf(card, ordinal) : null), [card, ordinal]);
}

/** What each grade would do to the current item if answered at `at` (ts-fsrs, via the domain). */
export function useOutcomes(
  screen: ReviewScreen | null | undefined,
  at: number,
): Record<Grade4, Outcome> | null {
  const item = screen?.queue.current;
  const settings = item ? screen?.settings[item.deckId] : undefined;
  return useMemo(
    () => (item && settings ? previewOutcomes(item.fsrs, at, settings) : null),
    [item, settings, at],
  );
}

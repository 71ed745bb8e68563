import { useMemo, useRef } from 'react';
import { useDbQuery } from '../../db/react';
import { loadReviewDay, loadReviewScope, type ReviewDay, type ReviewScreen } from '../../db/reviewScreen';
import { type Prompt, promptOf } from '../../domain/deck/prompt';
import { type Grade4, type Outcome, previewOutcomes } from '../../domain/scheduler';
import { now, useNow } from '../../stores/clock';

/** How often the day is recomputed without a database change, so learning steps come due on time. */
const REFRESH_MS = 10_000;

/**
 * The review screen's data, live, as two queries: the decks and settings (re-read when they change) and today's
 * queue (re-read after every answer, every 10 s for learning steps, and when a test moves the clock). The time is
 * read when the day query runs, not when the page renders: a render alone (a reveal, a busy flag) must not
 * restart it, or every answer would pay for several reads.
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
  const day = useDbQuery(
    async (db) => {
      if (!reviewScope) return undefined;
      const read = await loadReviewDay(db, reviewScope, now(), readAhead.current);
      readAhead.current = read.readAhead;
      return read;
    },
    [reviewScope, period],
  );
  return useMemo(() => {
    if (reviewScope === null) return null;
    if (reviewScope === undefined || day === undefined) return undefined;
    return { ...reviewScope, ...day };
  }, [reviewScope, day]);
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

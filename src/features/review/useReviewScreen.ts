import { useMemo } from 'react';
import { useDbQuery } from '../../db/react';
import { loadReviewScreen, type ReviewScreen } from '../../db/reviewScreen';
import { type Prompt, promptOf } from '../../domain/deck/prompt';
import { type Grade4, type Outcome, previewOutcomes } from '../../domain/scheduler';
import { useNow } from '../../stores/clock';

/** The review screen's data, live: re-read when the database changes, and every 10 s for learning steps. */
export function useReviewScreen(scope: string): ReviewScreen | null | undefined {
  const now = useNow(10_000);
  return useDbQuery((db) => loadReviewScreen(db, scope, now), [scope, now]);
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

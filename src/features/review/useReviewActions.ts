import { useCallback } from 'react';
import { useDb } from '../../db/react';
import {
  buryItem,
  recordAnswer,
  StaleItemError,
  setFlag,
  setMarked,
  setSuspended,
  undoLastAnswer,
} from '../../db/reviewRepo';
import type { ReviewScreen } from '../../db/reviewScreen';
import type { Flag } from '../../domain/records';
import type { Grade4 } from '../../domain/scheduler';
import { attempt } from '../../stores/actionErrors';
import { now } from '../../stores/clock';
import { useCustomSession } from '../../stores/customSession';
import { useLastSuspended } from '../../stores/lastSuspended';
import { answerDuration, presentationKey, useReviewSession } from '../../stores/reviewSession';
import type { CustomInfo } from './useCustomScreen';

/** The review screen's commands. Each writes through src/db before the next item can show. */
export function useReviewActions(screen: ReviewScreen | null | undefined, custom?: CustomInfo) {
  const db = useDb();
  const item = screen?.queue.current ?? null;
  const settings = item ? screen?.settings[item.deckId] : undefined;

  const grade = useCallback(
    async (rating: Grade4) => {
      const state = useReviewSession.getState();
      if (!item || !settings || state.busy || state.showing !== presentationKey(item)) return;
      const at = now();
      if (custom && !custom.writes) {
        // Cram and preview leave the schedule alone: nothing is written, the session moves on.
        state.graded(rating === 1);
        useCustomSession.getState().answered(rating === 1, false);
        useReviewSession.setState({ phase: 'question', choice: null, typed: '', shownAt: at });
        return;
      }
      // The write is issued first, then the buttons are disabled: the re-render runs while IndexedDB works.
      // Both happen in this call, so a second key press already sees `busy`.
      const written = recordAnswer(
        db,
        item.deckId,
        item.itemId,
        { rating, now: at, durationMs: answerDuration(state.shownAt, at), source: 'review' },
        settings,
        { reps: item.fsrs.reps, lastReview: item.fsrs.last_review },
      );
      state.setBusy(true);
      try {
        const result = await written;
        if (custom) useCustomSession.getState().answered(rating === 1, true, result.logId);
        state.graded(rating === 1);
        state.setNotice(
          result.becameLeech
            ? `Leech: this card has lapsed ${result.item.fsrs.lapses} times. It is tagged leech and suspended; rewrite or split it, then unsuspend it.`
            : null,
        );
      } catch (error) {
        state.setBusy(false);
        state.setNotice(
          error instanceof StaleItemError
            ? error.message
            : `Your answer could not be saved: ${(error as Error).message}`,
        );
      }
    },
    [db, item, settings, custom],
  );

  const undo = useCallback(async () => {
    const log = screen?.undoable;
    if (!log) return;
    const dayStartHour = screen?.settings[log.deckId]?.dayStartHour ?? 4;
    const undone = await attempt('The last answer could not be undone', () =>
      undoLastAnswer(db, log.deckId, now(), dayStartHour),
    );
    if (undone) {
      if (custom && undone.id === useCustomSession.getState().lastLogId) useCustomSession.getState().undone();
      useReviewSession.getState().undone(undone.rating === 1);
      useReviewSession.getState().setNotice('Last answer undone.');
    }
  }, [db, screen, custom]);

  const bury = useCallback(async () => {
    if (!item || !settings) return;
    const done = await attempt('The card could not be buried', async () => {
      await buryItem(db, item.deckId, item.itemId, now(), settings.dayStartHour);
      return true;
    });
    if (!done) return;
    if (custom) useCustomSession.getState().answered(false, true);
    useReviewSession.getState().setNotice('Card buried until tomorrow.');
  }, [db, item, settings, custom]);

  const suspend = useCallback(async () => {
    if (!item) return;
    const done = await attempt('The card could not be suspended', async () => {
      await setSuspended(db, item.deckId, item.itemId, true);
      return true;
    });
    if (!done) return;
    if (custom) useCustomSession.getState().answered(false, true);
    useLastSuspended.setState({ item: { deckId: item.deckId, itemId: item.itemId } });
    useReviewSession
      .getState()
      .setNotice('Card suspended. It will not be shown until you unsuspend it (Browse lists it).');
  }, [db, item, custom]);

  const toggleMark = useCallback(async () => {
    if (!item) return;
    await attempt(item.marked ? 'The card could not be unmarked' : 'The card could not be marked', () =>
      setMarked(db, item.deckId, item.cardId, !item.marked),
    );
  }, [db, item]);

  const flag = useCallback(
    async (value: Flag) => {
      if (!item) return;
      await attempt('The flag could not be set', () => setFlag(db, item.deckId, item.itemId, value));
    },
    [db, item],
  );

  return { grade, undo, bury, suspend, toggleMark, flag };
}

import { useCallback, useRef } from 'react';
import { useDb } from '../../db/react';
import { dayAfterAnswer, readCardsAhead, withNextCard } from '../../db/reviewDayAfter';
import {
  buryItem,
  recordAnswer,
  StaleItemError,
  setFlag,
  setMarked,
  setSuspended,
  undoLastAnswer,
} from '../../db/reviewRepo';
import type { ReviewDay, ReviewScreen } from '../../db/reviewScreen';
import { answerItem } from '../../domain/answer';
import type { Flag } from '../../domain/records';
import type { Grade4 } from '../../domain/scheduler';
import { attempt, errorText } from '../../stores/actionErrors';
import { answersStored, storeAnswer } from '../../stores/answerCommits';
import { now } from '../../stores/clock';
import { useCustomSession } from '../../stores/customSession';
import { useLastSuspended } from '../../stores/lastSuspended';
import { answerDuration, presentationKey, useReviewSession } from '../../stores/reviewSession';
import type { CustomInfo } from './useCustomScreen';

const leechNotice = (lapses: number) =>
  `Leech: this card has lapsed ${lapses} times. It is tagged leech and suspended; rewrite or split it, then unsuspend it.`;

/** Dexie repeats the browser's error on a second line: the first says it. */
const firstLine = (text: string) => (text.split('\n')[0] ?? text).trim().replace(/\.$/, '');

const failureText = (error: unknown) =>
  error instanceof StaleItemError
    ? error.message
    : `Your answer could not be saved: ${firstLine(errorText(error))}. The card is shown again; nothing after it was saved.`;

/** A custom study session's answer: written first, then the session moves on (its queue is read per item). */
async function gradeAndWait(
  write: () => ReturnType<typeof recordAnswer>,
  rating: Grade4,
  state: ReturnType<typeof useReviewSession.getState>,
) {
  // The write is issued first, then the buttons are disabled: the re-render runs while IndexedDB works.
  // Both happen in this call, so a second key press already sees `busy`.
  const written = write();
  state.setBusy(true);
  try {
    const result = await written;
    useCustomSession.getState().answered(rating === 1, true, result.logId);
    state.graded(rating === 1);
    state.setNotice(result.becameLeech ? leechNotice(result.item.fsrs.lapses) : null);
  } catch (error) {
    state.setBusy(false);
    state.setNotice(
      error instanceof StaleItemError
        ? error.message
        : `Your answer could not be saved: ${(error as Error).message}`,
    );
  }
}

/**
 * The review screen's commands. A daily answer moves the screen on at once and is stored in the background
 * (stores/answerCommits.ts); undo waits for the answers being stored, so it takes back the last one exactly.
 */
export function useReviewActions(screen: ReviewScreen | null | undefined, custom?: CustomInfo) {
  const db = useDb();
  const item = screen?.queue.current ?? null;
  const settings = item ? screen?.settings[item.deckId] : undefined;

  const grade = useCallback(
    async (rating: Grade4) => {
      const state = useReviewSession.getState();
      if (!screen || !item || !settings || state.busy || state.showing !== presentationKey(item)) return;
      const at = now();
      if (custom && !custom.writes) {
        // Cram and preview leave the schedule alone: nothing is written, the session moves on.
        state.graded(rating === 1);
        useCustomSession.getState().answered(rating === 1, false);
        useReviewSession.setState({ phase: 'question', choice: null, typed: '', shownAt: at });
        return;
      }
      const input = {
        rating,
        now: at,
        durationMs: answerDuration(state.shownAt, at),
        source: 'review' as const,
      };
      const write = () =>
        recordAnswer(db, item.deckId, item.itemId, input, settings, {
          reps: item.fsrs.reps,
          lastReview: item.fsrs.last_review,
        });
      if (custom) {
        await gradeAndWait(write, rating, state);
        return;
      }
      // The daily queue: the next card shows now, computed in memory; the answer is stored behind it.
      const answered = answerItem(item, input, settings);
      let day = dayAfterAnswer(screen, answered, at);
      if (day && !day.card && day.queue.current) {
        // The next card was not read ahead (many answers in a row while the database lagged): read it alone.
        state.setBusy(true);
        day =
          (await attempt('The next card could not be read', () => withNextCard(db, day as ReviewDay))) ??
          null;
        state.setBusy(false);
      }
      const current = day?.queue.current;
      storeAnswer({
        write,
        before: {
          day: screen,
          scope: state.scope,
          showing: state.showing,
          shownAt: state.shownAt,
          phase: state.phase,
          choice: state.choice,
          typed: state.typed,
          answered: state.answered,
          again: state.again,
          notice: state.notice,
        },
        failure: failureText,
        again: rating === 1,
        notice: answered.becameLeech ? leechNotice(answered.item.fsrs.lapses) : null,
        next: day ? { day, showing: current ? presentationKey(current) : null, shownAt: at } : null,
      });
      // The cards after it, while the answer is stored (a prefetch: a failure only means a read later).
      if (day) void readCardsAhead(db, day).catch(() => undefined);
    },
    [db, screen, item, settings, custom],
  );

  const undo = useCallback(async () => {
    const log = screen?.undoable;
    if (!log) return;
    // An answer still being stored is taken back once it is in; one that failed was rolled back already.
    if (!(await answersStored())) return;
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

  // The commands keep their identity across renders (they act on the latest screen), so the parts they are
  // passed to (toolbar, grade buttons) re-render only for what they show.
  return {
    grade: useLatest(grade),
    undo: useLatest(undo),
    bury: useLatest(bury),
    suspend: useLatest(suspend),
    toggleMark: useLatest(toggleMark),
    flag: useLatest(flag),
  };
}

/** A function of stable identity that calls the latest `fn` given. */
function useLatest<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  latest.current = fn;
  return useCallback((...args: A) => latest.current(...args), []);
}

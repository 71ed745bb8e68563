/**
 * The running review session: what the screen is showing and this session's tallies. It is not a copy of the
 * database: the queue and the cards come from IndexedDB through hooks, except right after an answer, when the
 * screen shows the day computed ahead (`ahead`) until the database has the answer (see answerCommits.ts).
 */
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { ReviewDay } from '../db/reviewScreen';

export type ReviewPhase = 'question' | 'answer';

/** Anki caps the recorded time of one answer at 60 s, so a card left open while away does not skew stats. */
export const MAX_ANSWER_MS = 60_000;

type ReviewSessionState = {
  scope: string | null;
  startedAt: number;
  /** Which presentation is on screen: item and its rep count (see presentationKey). */
  showing: string | null;
  shownAt: number;
  phase: ReviewPhase;
  /** For mcq/truefalse: the option picked (index; truefalse: 0 = True, 1 = False). */
  choice: number | null;
  typed: string;
  /** An answer is being written: further grades are ignored until it lands. */
  busy: boolean;
  answered: number;
  again: number;
  notice: string | null;
  /**
   * The day the screen shows ahead of the database: computed in memory after an answer (or restored after a failed
   * one). A read of the database replaces it once it started after every answer up to `issued` was stored.
   */
  ahead: { day: ReviewDay; issued: number } | null;
  /** Answers handed to the background writer so far (never reset, so reads can tell what they include). */
  issued: number;
  /** Answers handed over and not yet stored (or rolled back). */
  pending: number;
  /** Bumped when the writer has stored (or rolled back) every answer handed to it: time to read again. */
  stored: number;
};

/** What an answer changed in the session, kept until it is stored so that a failure can put it back. */
export type SessionSnapshot = Pick<
  ReviewSessionState,
  'scope' | 'showing' | 'shownAt' | 'phase' | 'choice' | 'typed' | 'answered' | 'again' | 'notice'
> & { day: ReviewDay };

type ReviewSessionActions = {
  begin: (scope: string, now: number) => void;
  show: (key: string | null, now: number) => void;
  reveal: () => void;
  choose: (choice: number) => void;
  setTyped: (typed: string) => void;
  setBusy: (busy: boolean) => void;
  graded: (again: boolean) => void;
  undone: (wasAgain: boolean) => void;
  setNotice: (notice: string | null) => void;
};

const initial: ReviewSessionState = {
  scope: null,
  startedAt: 0,
  showing: null,
  shownAt: 0,
  phase: 'question',
  choice: null,
  typed: '',
  busy: false,
  answered: 0,
  again: 0,
  notice: null,
  ahead: null,
  issued: 0,
  pending: 0,
  stored: 0,
};

export const useReviewSession = create<ReviewSessionState & ReviewSessionActions>()((set, get) => ({
  ...initial,
  begin: (scope, now) => {
    // The writer's counters outlive a session: answers of the previous one may still be being stored.
    const { scope: current, issued, pending, stored } = get();
    if (current !== scope) set({ ...initial, scope, startedAt: now, issued, pending, stored });
  },
  show: (key, now) => {
    if (get().showing !== key)
      set({ showing: key, shownAt: now, phase: 'question', choice: null, typed: '', busy: false });
  },
  reveal: () => set({ phase: 'answer' }),
  choose: (choice) => set({ choice, phase: 'answer' }),
  setTyped: (typed) => set({ typed }),
  setBusy: (busy) => set({ busy }),
  graded: (again) => set((s) => ({ answered: s.answered + 1, again: s.again + (again ? 1 : 0) })),
  undone: (wasAgain) =>
    set((s) => ({
      answered: Math.max(0, s.answered - 1),
      again: Math.max(0, s.again - (wasAgain ? 1 : 0)),
      showing: null,
    })),
  setNotice: (notice) => set({ notice }),
}));

/**
 * What the review screen renders from the session, and its actions. Tallies, timestamps and `busy` are left out,
 * so recording an answer (which sets `busy` and bumps the tallies while the next card is being read) does not
 * re-render the whole screen; the grade buttons follow `busy` on their own.
 */
export function useReviewSessionView() {
  return useReviewSession(
    useShallow((s) => ({
      showing: s.showing,
      phase: s.phase,
      choice: s.choice,
      typed: s.typed,
      notice: s.notice,
      begin: s.begin,
      show: s.show,
      reveal: s.reveal,
      choose: s.choose,
      setTyped: s.setTyped,
    })),
  );
}

export function resetReviewSession(): void {
  useReviewSession.setState(initial);
}

export function answerDuration(shownAt: number, now: number): number {
  return Math.min(MAX_ANSWER_MS, Math.max(0, now - shownAt));
}

export type Presentation = Pick<ReviewSessionState, 'phase' | 'choice' | 'typed'>;

const FRESH_PRESENTATION: Presentation = { phase: 'question', choice: null, typed: '' };

/**
 * What the screen shows for the presentation `key`: the session's phase and input when it is the one on screen,
 * a fresh question otherwise. The next card thus renders as a question in the very render it arrives in, before
 * `show` has caught the session up.
 */
export function presentationOf(
  session: Pick<ReviewSessionState, 'showing'> & Presentation,
  key: string | null,
): Presentation {
  return session.showing === key ? session : FRESH_PRESENTATION;
}

/** An item is presented afresh after every answer, even when the same item comes straight back. */
export function presentationKey(item: { deckId: string; itemId: string; fsrs: { reps: number } }): string {
  return `${item.deckId}/${item.itemId}@${item.fsrs.reps}`;
}

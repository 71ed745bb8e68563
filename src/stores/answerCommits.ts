/**
 * Answers stored in the background. The review screen shows the next card as soon as a grade is given (computed in
 * memory, `db/reviewDayAfter.ts`); the answer's transaction (state + log, one transaction as always) is handed here
 * and runs after the answers before it, one at a time, in the order given. If one fails (a full disk, or the card
 * was answered in another tab meanwhile), it and every answer queued behind it are dropped, the session goes back
 * to the card whose answer failed (its tallies, its shown answer) and the screen says why: nothing is stored half
 * and nothing is lost silently.
 *
 * While an answer is not yet stored, leaving the page (reload, closing the tab, typing another address) asks first
 * ("Leave site? Changes you made may not be saved."), as editors do with unsaved work: a page that unloads mid-write
 * aborts the transaction, and the answer would be lost. The window is a few milliseconds per answer.
 */
import type { ReviewDay } from '../db/reviewScreen';
import { useActionErrors } from './actionErrors';
import { type SessionSnapshot, useReviewSession } from './reviewSession';

let chain: Promise<void> = Promise.resolve();
/** Bumped by every failure: answers queued before it are dropped with the failed one. */
let generation = 0;
/** The screen waits for the database (an answer without a day computed ahead, or a failure): read at once. */
let readNow = false;
let quiet: ReturnType<typeof setTimeout> | undefined;
/** Answers handed over and not yet stored or dropped (the guard against leaving is on while above 0). */
let unsaved = 0;

function holdLeaving(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Older Chromium and Safari ask only when returnValue is set.
  event.returnValue = '';
}

function unsavedChanged(delta: number): void {
  const before = unsaved;
  unsaved += delta;
  if (typeof window === 'undefined') return;
  if (before === 0 && unsaved > 0) window.addEventListener('beforeunload', holdLeaving);
  else if (before > 0 && unsaved === 0) window.removeEventListener('beforeunload', holdLeaving);
}

/**
 * Once every answer is stored, the day is read again after this pause without answers: the day computed ahead is
 * exact, so a user grading card after card is not slowed by reads of what is already on screen.
 */
export const READ_AFTER_QUIET_MS = 200;

function allStored(): void {
  clearTimeout(quiet);
  const bump = () => {
    quiet = undefined;
    useReviewSession.setState((s) => (s.pending === 0 ? { stored: s.stored + 1 } : {}));
  };
  if (readNow) {
    readNow = false;
    bump();
  } else quiet = setTimeout(bump, READ_AFTER_QUIET_MS);
}

export type AnswerAhead = {
  /** Stores the answer; rejects when it could not be stored. */
  write: () => Promise<unknown>;
  /** The session as it was when the grade was given, with the day on screen then. */
  before: SessionSnapshot;
  /** What the failure says, from the error. */
  failure: (error: unknown) => string;
  /** The answer was Again (for the session's tallies). */
  again: boolean;
  /** What the screen says after the answer (a leech), or null. */
  notice: string | null;
  /** The day after the answer, when it could be computed in memory (else the screen waits for the database). */
  next: { day: ReviewDay; showing: string | null; shownAt: number } | null;
};

/** Hands an answer to the background writer and moves the session on (to `next` when given). */
export function storeAnswer({ write, before, failure, again, notice, next }: AnswerAhead): void {
  const started = generation;
  clearTimeout(quiet);
  quiet = undefined;
  if (!next) readNow = true;
  unsavedChanged(1);
  useReviewSession.setState((s) => {
    const issued = s.issued + 1;
    const tallies = { answered: s.answered + 1, again: s.again + (again ? 1 : 0), notice };
    if (!next) return { issued, pending: s.pending + 1, busy: true, ...tallies };
    return {
      issued,
      pending: s.pending + 1,
      ...tallies,
      ahead: { day: next.day, issued },
      showing: next.showing,
      shownAt: next.shownAt,
      phase: 'question',
      choice: null,
      typed: '',
    };
  });
  chain = chain
    .then(async () => {
      if (started !== generation) return;
      try {
        await write();
      } catch (error) {
        generation += 1;
        readNow = true;
        rollBack(before, failure(error));
      }
    })
    .finally(() => {
      unsavedChanged(-1);
      useReviewSession.setState((s) => ({ pending: Math.max(0, s.pending - 1) }));
      if (useReviewSession.getState().pending === 0) allStored();
    });
}

function rollBack(before: SessionSnapshot, message: string): void {
  const { day, scope, ...session } = before;
  const state = useReviewSession.getState();
  if (state.scope !== scope) {
    // The review screen was left meanwhile: say it where any page shows failures.
    useActionErrors.setState({ message });
    return;
  }
  useReviewSession.setState({
    ...session,
    notice: message,
    busy: false,
    ahead: { day, issued: state.issued },
  });
}

/** True while answers are being stored or the pause after them runs: the day on screen is the one computed ahead. */
export function readDeferred(): boolean {
  return useReviewSession.getState().pending > 0 || quiet !== undefined;
}

/**
 * Resolves once every answer handed over so far is stored or rolled back: true when none of them failed (so the
 * last answer given is in the database), false when the session was rolled back meanwhile.
 */
export async function answersStored(): Promise<boolean> {
  const started = generation;
  await chain;
  return started === generation;
}

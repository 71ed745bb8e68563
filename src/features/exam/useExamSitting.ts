import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { finishExam, getExam, saveExamProgress } from '../../db/examRepo';
import { useDb } from '../../db/react';
import { timeLeftMs } from '../../domain/exam/session';
import { errorText, reportFailure } from '../../stores/actionErrors';
import { now, useNow } from '../../stores/clock';
import { elapsedOf, useExamSession } from '../../stores/examSession';

/** How often the time used is written to IndexedDB while sitting (answers are written as they are given). */
const SAVE_EVERY_MS = 5_000;

export type SittingLoad = 'loading' | 'missing' | 'ready';

/**
 * Loads an exam into the session, saves every change as it goes, runs the timer on the app clock (so a test
 * that moves the clock moves the timer) and submits when time runs out.
 */
export function useExamSitting(examId: string) {
  const db = useDb();
  const navigate = useNavigate();
  const session = useExamSession();
  const [load, setLoad] = useState<SittingLoad>('loading');
  // A damaged record or a failed read: thrown while rendering, so the route's error page says what happened.
  const [loadError, setLoadError] = useState<unknown>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  if (loadError !== null) throw loadError;
  const clock = useNow(1_000);

  useEffect(() => {
    let cancelled = false;
    setLoad('loading');
    void getExam(db, examId).then(
      (exam) => {
        if (cancelled) return;
        if (!exam) return setLoad('missing');
        if (exam.status === 'finished') return void navigate(`/exams/${examId}/results`, { replace: true });
        useExamSession.getState().load(exam, now());
        setLoad('ready');
      },
      (error: unknown) => {
        if (!cancelled) setLoadError(error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [db, examId, navigate]);

  const save = useCallback(() => {
    const state = useExamSession.getState();
    if (state.submitting || state.exam?.id !== examId) return;
    const exam = state.checkpoint(now());
    if (!exam) return;
    saveExamProgress(db, examId, {
      answers: exam.answers,
      current: exam.current,
      elapsedMs: exam.elapsedMs,
    }).catch((error: unknown) => reportFailure('Your exam progress could not be saved', error));
  }, [db, examId]);

  // Answers, flags and moves are saved at once.
  const answers = session.exam?.id === examId ? session.exam.answers : null;
  const current = session.exam?.id === examId ? session.exam.current : null;
  useEffect(() => {
    if (answers !== null && current !== null) save();
  }, [answers, current, save]);

  // Time is saved every few seconds, when the page is hidden, and when leaving the exam screen.
  useEffect(() => {
    if (load !== 'ready') return;
    const timer = setInterval(save, SAVE_EVERY_MS);
    const onHide = () => save();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      save();
    };
  }, [load, save]);

  const submit = useCallback(
    async (timedOut: boolean) => {
      const state = useExamSession.getState();
      if (state.submitting || state.exam?.id !== examId) return;
      const exam = state.checkpoint(now());
      if (!exam) return;
      state.setSubmitting(true);
      setSubmitError(null);
      try {
        await finishExam(db, examId, {
          answers: exam.answers,
          elapsedMs: exam.elapsedMs,
          now: now(),
          timedOut,
        });
        await navigate(`/exams/${examId}/results`);
      } catch (error) {
        setSubmitError(
          `${timedOut ? 'Time is up, but the exam' : 'The exam'} could not be submitted: ${errorText(error)}. Your answers are saved; choose Submit to try again.`,
        );
      } finally {
        useExamSession.getState().setSubmitting(false);
      }
    },
    [db, examId, navigate],
  );

  const ready = load === 'ready' && session.exam?.id === examId ? session.exam : null;
  const elapsed = ready ? elapsedOf(session, clock) : 0;
  const left = ready ? timeLeftMs(ready.config, elapsed) : null;
  const timeUp = left === 0;
  useEffect(() => {
    if (timeUp) void submit(true);
  }, [timeUp, submit]);

  return { load, exam: ready, session, elapsed, left, submit, submitError };
}

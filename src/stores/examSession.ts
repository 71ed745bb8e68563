/**
 * The exam being sat: the record as loaded, with the answers given since, and the clock segment running on
 * this screen. Time used = the stored elapsedMs plus the time since `segmentStart`; `checkpoint` folds the
 * running segment into elapsedMs before each save, so time off the exam screen never counts.
 * The database stays the source of truth: the sitting page saves every change through db/examRepo.
 */
import { create } from 'zustand';
import type { ExamRecord } from '../domain/exam/record';

type ExamSessionState = {
  exam: ExamRecord | null;
  segmentStart: number;
  /** The review grid is showing instead of a question. */
  reviewing: boolean;
  /** A submit is being written: the screen ignores further input. */
  submitting: boolean;
};

type ExamSessionActions = {
  load: (exam: ExamRecord, now: number) => void;
  /** Picks option `index`; on a question with several right answers it toggles the option instead. */
  choose: (index: number) => void;
  toggleFlag: () => void;
  goTo: (index: number) => void;
  setReviewing: (reviewing: boolean) => void;
  setSubmitting: (submitting: boolean) => void;
  /** Folds the running time into elapsedMs and returns the exam as it now stands. */
  checkpoint: (now: number) => ExamRecord | null;
};

const initial: ExamSessionState = { exam: null, segmentStart: 0, reviewing: false, submitting: false };

export const useExamSession = create<ExamSessionState & ExamSessionActions>()((set, get) => ({
  ...initial,
  load: (exam, now) => set({ ...initial, exam, segmentStart: now }),
  choose: (index) =>
    set(({ exam }) => {
      if (exam?.status !== 'active') return {};
      const question = exam.questions[exam.current];
      const answer = exam.answers[exam.current];
      if (!question || !answer || index < 0 || index >= question.options.length) return {};
      const multiple = question.correct.length > 1;
      const choice = multiple
        ? answer.choice.includes(index)
          ? answer.choice.filter((c) => c !== index)
          : [...answer.choice, index].sort((a, b) => a - b)
        : [index];
      return { exam: withAnswer(exam, { ...answer, choice }) };
    }),
  toggleFlag: () =>
    set(({ exam }) => {
      const answer = exam?.answers[exam.current];
      if (!exam || !answer) return {};
      return { exam: withAnswer(exam, { ...answer, flagged: !answer.flagged }) };
    }),
  goTo: (index) =>
    set(({ exam }) => {
      if (!exam || index < 0 || index >= exam.questions.length) return {};
      return { exam: { ...exam, current: index }, reviewing: false };
    }),
  setReviewing: (reviewing) => set({ reviewing }),
  setSubmitting: (submitting) => set({ submitting }),
  checkpoint: (now) => {
    const { exam, segmentStart } = get();
    if (!exam) return null;
    const next = { ...exam, elapsedMs: exam.elapsedMs + Math.max(0, now - segmentStart) };
    set({ exam: next, segmentStart: now });
    return next;
  },
}));

function withAnswer(exam: ExamRecord, answer: ExamRecord['answers'][number]): ExamRecord {
  const answers = exam.answers.map((a, i) => (i === exam.current ? answer : a));
  return { ...exam, answers };
}

/** Time used so far, including the running segment. */
export function elapsedOf(state: Pick<ExamSessionState, 'exam' | 'segmentStart'>, now: number): number {
  return state.exam ? state.exam.elapsedMs + Math.max(0, now - state.segmentStart) : 0;
}

export function resetExamSession(): void {
  useExamSession.setState(initial);
}

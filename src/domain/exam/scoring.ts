/** Scoring a finished exam, and its breakdown per section and per tag. */
import type { BreakdownRow, ExamAnswer, ExamConfig, ExamQuestion } from './record';

/** Right when the options picked are exactly the correct ones; a blank is wrong. */
export function isAnsweredCorrectly(question: Pick<ExamQuestion, 'correct'>, answer: ExamAnswer | undefined) {
  const picked = new Set(answer?.choice ?? []);
  return picked.size === question.correct.length && question.correct.every((i) => picked.has(i));
}

export function isBlank(answer: ExamAnswer | undefined): boolean {
  return (answer?.choice.length ?? 0) === 0;
}

/** A percentage rounded to one decimal; 0 of 0 is 0. */
export function percentOf(correct: number, total: number): number {
  return total === 0 ? 0 : Math.round((correct / total) * 1000) / 10;
}

export type Score = { correct: number; total: number; percent: number; passed: boolean };

export function scoreExam(
  questions: readonly ExamQuestion[],
  answers: readonly ExamAnswer[],
  passMark: ExamConfig['passMark'],
): Score {
  const correct = questions.filter((q, i) => isAnsweredCorrectly(q, answers[i])).length;
  const percent = percentOf(correct, questions.length);
  return { correct, total: questions.length, percent, passed: percent >= passMark };
}

/**
 * Correct / total per section, in guide order (sections with no question are left out).
 * `sections` lists every section id with its title, in guide order.
 */
export function sectionBreakdown(
  questions: readonly ExamQuestion[],
  answers: readonly ExamAnswer[],
  sections: ReadonlyArray<{ id: string; title: string }>,
): BreakdownRow[] {
  return sections.flatMap(({ id, title }) => {
    const rows = tally(questions, answers, (q) => q.section === id);
    return rows.total === 0 ? [] : [{ key: id, label: title, ...rows }];
  });
}

/** Correct / total per tag, tags in alphabetical order; a question counts once for each of its tags. */
export function tagBreakdown(
  questions: readonly ExamQuestion[],
  answers: readonly ExamAnswer[],
): BreakdownRow[] {
  const tags = [...new Set(questions.flatMap((q) => q.tags))].sort();
  return tags.map((tag) => ({
    key: tag,
    label: tag,
    ...tally(questions, answers, (q) => q.tags.includes(tag)),
  }));
}

function tally(
  questions: readonly ExamQuestion[],
  answers: readonly ExamAnswer[],
  include: (q: ExamQuestion) => boolean,
) {
  let correct = 0;
  let total = 0;
  questions.forEach((q, i) => {
    if (!include(q)) return;
    total++;
    if (isAnsweredCorrectly(q, answers[i])) correct++;
  });
  return { correct, total, percent: percentOf(correct, total) };
}

/** Indices of the questions answered wrong or left blank. */
export function missedQuestions(
  questions: readonly ExamQuestion[],
  answers: readonly ExamAnswer[],
): number[] {
  return questions.flatMap((q, i) => (isAnsweredCorrectly(q, answers[i]) ? [] : [i]));
}

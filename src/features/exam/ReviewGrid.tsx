import { useEffect, useRef } from 'react';
import type { ExamAnswer } from '../../domain/exam/record';
import { isBlank } from '../../domain/exam/scoring';

type Props = {
  answers: readonly ExamAnswer[];
  current: number;
  submitting: boolean;
  onOpen: (index: number) => void;
  onBack: () => void;
  onSubmit: () => void;
};

function statusOf(answer: ExamAnswer): string {
  const state = isBlank(answer) ? 'blank' : 'answered';
  return answer.flagged ? `${state}, flagged` : state;
}

/**
 * Every question at a glance (answered / flagged / blank) before submitting; any one can be reopened.
 * Keyboard: S submits, Escape goes back (see useExamKeys); the buttons come first in the tab order, so Submit
 * is one Tab away from the heading.
 */
export function ReviewGrid({ answers, current, submitting, onOpen, onBack, onSubmit }: Props) {
  const answered = answers.filter((a) => !isBlank(a)).length;
  const flagged = answers.filter((a) => a.flagged).length;
  const blank = answers.length - answered;
  // The button that opened the grid is gone: move focus to the grid so screen readers announce where they are.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="review-grid" aria-labelledby="review-grid-heading">
      <h2 id="review-grid-heading" ref={heading} tabIndex={-1}>
        Review your answers
      </h2>
      <p role="status">
        {answered} answered, {flagged} flagged, {blank} blank.
      </p>
      <div className="form-actions">
        <button type="button" onClick={onBack} aria-keyshortcuts="Escape">
          Back to the questions
        </button>
        <button
          type="button"
          className="primary"
          disabled={submitting}
          onClick={onSubmit}
          aria-keyshortcuts="S"
        >
          Submit exam
        </button>
      </div>
      <p className="exam-keys">Keys: S submit · Esc back to the questions</p>
      <ol className="grid-cells">
        {answers.map((answer, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one cell per question position
          <li key={i}>
            <button
              type="button"
              className={`grid-cell ${isBlank(answer) ? 'blank' : 'answered'}${answer.flagged ? ' flagged' : ''}`}
              aria-label={`Question ${i + 1}: ${statusOf(answer)}`}
              aria-current={i === current ? 'step' : undefined}
              onClick={() => onOpen(i)}
            >
              {i + 1}
              {answer.flagged && <span aria-hidden="true">⚑</span>}
            </button>
          </li>
        ))}
      </ol>
      <p className="grid-legend">
        <span className="grid-cell answered" aria-hidden="true" /> answered{' '}
        <span className="grid-cell blank" aria-hidden="true" /> blank <span aria-hidden="true">⚑</span>{' '}
        flagged
      </p>
      {blank > 0 && (
        <p className="notice">
          {blank === 1 ? '1 question is' : `${blank} questions are`} blank: a blank counts as wrong.
        </p>
      )}
    </section>
  );
}

import { memo } from 'react';
import './reviewLayout.css';
import { GRADE_NAMES, GRADES, type Grade4, type Outcome } from '../../domain/scheduler';
import { useReviewSession } from '../../stores/reviewSession';

type Props = {
  outcomes: Record<Grade4, Outcome>;
  suggested: Grade4 | null;
  onGrade: (rating: Grade4) => void;
  /** A cram or preview session: the grade is not stored, so no interval is shown. */
  unscheduled?: boolean;
};

/**
 * Again / Hard / Good / Easy, each with the interval ts-fsrs computed for it. Keys 1–4. Disabled while an answer
 * is being written (the session's `busy`, followed here so that only the buttons re-render for it).
 */
export const GradeButtons = memo(function GradeButtons({
  outcomes,
  suggested,
  onGrade,
  unscheduled = false,
}: Props) {
  const disabled = useReviewSession((s) => s.busy);
  return (
    <fieldset className="grades">
      <legend className="visually-hidden">Grade your answer</legend>
      {GRADES.map((rating) => (
        <button
          key={rating}
          type="button"
          className={`grade grade-${rating}${suggested === rating ? ' suggested' : ''}`}
          disabled={disabled}
          onClick={() => onGrade(rating)}
          aria-keyshortcuts={String(rating)}
        >
          <span className="grade-name">
            {GRADE_NAMES[rating]}{' '}
            <span className="key-hint" aria-hidden="true">
              <kbd>{rating}</kbd>
            </span>
          </span>{' '}
          {!unscheduled && <span className="grade-interval">{outcomes[rating].label}</span>}
          {suggested === rating && <span className="grade-suggested"> (suggested)</span>}
        </button>
      ))}
    </fieldset>
  );
});

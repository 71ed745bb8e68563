import './exam.css';
import { useParams } from 'react-router';
import { formatDuration } from '../../domain/exam/session';
import { NotFound } from '../../ui/NotFound';
import { ExamQuestionView } from './ExamQuestionView';
import { ReviewGrid } from './ReviewGrid';
import { useExamKeys } from './useExamKeys';
import { useExamSitting } from './useExamSitting';

/** Sitting an exam: one question per screen, timer, progress, flags, and the review grid before submitting. */
export function ExamPage() {
  const { examId = '' } = useParams();
  const { load, exam, session, elapsed, left, submit, submitError } = useExamSitting(examId);
  const question = exam?.questions[exam.current];
  const answer = exam?.answers[exam.current];
  const last = exam ? exam.questions.length - 1 : 0;

  useExamKeys({
    active: exam !== null && !session.submitting,
    reviewing: session.reviewing,
    optionCount: question?.options.length ?? 0,
    onChoose: session.choose,
    onFlag: session.toggleFlag,
    onPrevious: () => exam && session.goTo(exam.current - 1),
    onNext: () => exam && (exam.current < last ? session.goTo(exam.current + 1) : session.setReviewing(true)),
    onReview: () => session.setReviewing(true),
    onSubmit: () => void submit(false),
    onBack: () => session.setReviewing(false),
  });

  if (load === 'missing')
    return <NotFound what="exam" id={examId} back={{ to: '/exams', label: 'See your exams' }} />;
  if (!exam || !question || !answer) return <p role="status">Loading…</p>;

  const position = exam.current + 1;
  const total = exam.questions.length;
  return (
    <section className="exam" aria-labelledby="exam-heading">
      <header className="exam-header">
        <h1 id="exam-heading">Practice exam: {exam.deckTitle}</h1>
        <p className="exam-progress">
          <span aria-live="polite">{session.reviewing ? 'Review' : `Question ${position} / ${total}`}</span>
          <progress
            max={total}
            value={exam.answers.filter((a) => a.choice.length > 0).length}
            aria-label="Questions answered"
          />
        </p>
        {left === null ? (
          <p className="exam-timer">Untimed · {formatDuration(elapsed)} used</p>
        ) : (
          <p className="exam-timer" role="timer" aria-label="Time left">
            Time left {formatDuration(left)}
          </p>
        )}
      </header>
      {submitError && (
        <p className="action-error" role="alert">
          {submitError}
        </p>
      )}
      {session.reviewing ? (
        <ReviewGrid
          answers={exam.answers}
          current={exam.current}
          submitting={session.submitting}
          onOpen={session.goTo}
          onBack={() => session.setReviewing(false)}
          onSubmit={() => void submit(false)}
        />
      ) : (
        <article className="review-card" aria-label={`Question ${position} of ${total}`}>
          <ExamQuestionView
            key={exam.current}
            question={question}
            answer={answer}
            onChoose={session.choose}
          />
          <div className="exam-nav">
            <button
              type="button"
              onClick={() => session.goTo(exam.current - 1)}
              disabled={exam.current === 0}
              aria-keyshortcuts="ArrowLeft"
            >
              ← Previous
            </button>
            <button
              type="button"
              aria-pressed={answer.flagged}
              onClick={session.toggleFlag}
              aria-keyshortcuts="F"
            >
              <span aria-hidden="true">{answer.flagged ? '⚑' : '⚐'}</span> Flag for review
            </button>
            {exam.current < last ? (
              <button
                type="button"
                className="primary"
                onClick={() => session.goTo(exam.current + 1)}
                aria-keyshortcuts="ArrowRight"
              >
                Next →
              </button>
            ) : null}
            <button
              type="button"
              className={exam.current === last ? 'primary' : ''}
              onClick={() => session.setReviewing(true)}
              aria-keyshortcuts="R"
            >
              Review and submit
            </button>
          </div>
          <p className="exam-keys">
            Keys: 1–{Math.min(9, question.options.length)} answer · F flag · ← → move · R review
          </p>
        </article>
      )}
    </section>
  );
}

import './exam.css';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { getExam, startRetake } from '../../db/examRepo';
import { useDb, useDbQuery } from '../../db/react';
import { missedQuestions } from '../../domain/exam/scoring';
import { flattenSections } from '../../domain/exam/sections';
import { formatDuration } from '../../domain/exam/session';
import { reportFailure } from '../../stores/actionErrors';
import { now } from '../../stores/clock';
import { NotFound } from '../../ui/NotFound';
import { BreakdownTable, formatPercent } from './BreakdownTable';
import { newExamId, newSeed } from './newIds';
import { QuestionReview } from './QuestionReview';

async function loadResults(db: Parameters<typeof getExam>[0], examId: string) {
  try {
    const exam = await getExam(db, examId);
    const deck = exam ? await db.decks.get(exam.deckId) : undefined;
    return { exam, deck, error: null };
  } catch (error) {
    return {
      exam: undefined,
      deck: undefined,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

export function ExamResultsPage() {
  const { examId = '' } = useParams();
  const db = useDb();
  const navigate = useNavigate();
  const data = useDbQuery((d) => loadResults(d, examId), [examId]);
  const [busy, setBusy] = useState(false);

  if (data === undefined) return <p role="status">Loading…</p>;
  const { exam, deck, error } = data;
  if (error) return <p role="alert">{error}</p>;
  if (!exam) return <NotFound what="exam" id={examId} back={{ to: '/exams', label: 'See your exams' }} />;
  const { result } = exam;
  if (exam.status !== 'finished' || !result)
    return (
      <section>
        <h1>This exam is not finished</h1>
        <p>
          <Link to={`/exams/${exam.id}`} className="button primary">
            Resume the exam
          </Link>
        </p>
      </section>
    );

  const titles = new Map(deck ? flattenSections(deck.sections).map((s) => [s.id, s.title]) : []);
  const missed = missedQuestions(exam.questions, exam.answers).length;
  const retake = async () => {
    setBusy(true);
    try {
      const next = await startRetake(db, exam.id, { id: newExamId(), seed: newSeed(), now: now() });
      if (next) await navigate(`/exams/${next.id}`);
    } catch (error) {
      reportFailure('The retake could not be started', error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="exam-results" aria-labelledby="results-heading">
      <h1 id="results-heading">Exam results: {exam.deckTitle}</h1>
      {result.timedOut && (
        <p className="notice" role="status">
          Time ran out: the exam was submitted with the answers given.
        </p>
      )}
      <div className={`score-card ${result.passed ? 'passed' : 'failed'}`}>
        <p className="score">
          Score:{' '}
          <strong>
            {result.correct} / {result.total}
          </strong>{' '}
          ({formatPercent(result.percent)})
        </p>
        <p className="verdict">
          <strong>{result.passed ? 'Passed' : 'Not passed'}</strong> · pass mark {exam.config.passMark} %
        </p>
        <dl className="exam-facts">
          <div>
            <dt>Taken</dt>
            <dd>{new Date(exam.startedAt).toLocaleString()}</dd>
          </div>
          <div>
            <dt>Time used</dt>
            <dd>
              {formatDuration(exam.elapsedMs)}
              {exam.config.timeLimitMinutes !== null && ` of ${exam.config.timeLimitMinutes} min`}
            </dd>
          </div>
          <div>
            <dt>Seed</dt>
            <dd>{exam.config.seed}</dd>
          </div>
          <div>
            <dt>Schedule</dt>
            <dd>
              {exam.config.feedSchedule
                ? `${result.fedToSchedule} answers recorded as reviews` +
                  (result.skippedReviewedToday > 0
                    ? `; ${result.skippedReviewedToday} skipped (already reviewed today)`
                    : '')
                : 'Not updated (exam answers were set not to count as reviews)'}
            </dd>
          </div>
        </dl>
      </div>
      <div className="form-actions">
        {missed > 0 && (
          <button type="button" className="primary" disabled={busy} onClick={() => void retake()}>
            Retake the {missed === 1 ? 'question' : `${missed} questions`} I missed
          </button>
        )}
        <Link className="button" to={`/decks/${exam.deckId}/exam`}>
          New exam
        </Link>
        <Link className="button" to="/exams">
          All exams
        </Link>
      </div>
      <BreakdownTable
        caption="By section"
        heading="Section"
        rows={result.sections}
        action={(row) => (
          <Link to={`/decks/${exam.deckId}/exam?section=${encodeURIComponent(row.key)}`}>
            Practise {row.label}
          </Link>
        )}
      />
      {result.tags.length > 0 && <BreakdownTable caption="By tag" heading="Tag" rows={result.tags} />}
      <h2>Questions</h2>
      <ol className="question-reviews">
        {exam.questions.map((question, i) => (
          <QuestionReview
            key={question.itemId}
            deckId={exam.deckId}
            index={i}
            question={question}
            answer={exam.answers[i]}
            sectionTitle={titles.get(question.section) ?? question.section}
          />
        ))}
      </ol>
    </section>
  );
}

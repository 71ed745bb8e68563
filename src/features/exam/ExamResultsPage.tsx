import './exam.css';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { getExam, startRetake } from '../../db/examRepo';
import { useDb, useDbQuery } from '../../db/react';
import type { ExamRecord } from '../../domain/exam/record';
import { isAnsweredCorrectly, isBlank, missedQuestions } from '../../domain/exam/scoring';
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

type Filter = 'all' | 'wrong' | 'flagged' | 'blank';
const FILTERS: ReadonlyArray<[Filter, string]> = [
  ['all', 'All'],
  ['wrong', 'Wrong'],
  ['flagged', 'Flagged'],
  ['blank', 'Blank'],
];

/** The schedule line of the results: what the exam did to the schedule, and what it left alone. */
function scheduleText(feed: boolean, result: NonNullable<ExamRecord['result']>): string {
  if (!feed) return 'Not updated (exam answers were set not to count as reviews)';
  const parts = [
    `${result.fedToSchedule} ${result.fedToSchedule === 1 ? 'answer' : 'answers'} recorded as reviews`,
  ];
  if (result.skippedReviewedToday > 0)
    parts.push(`${result.skippedReviewedToday} skipped (already reviewed today)`);
  if (result.leftNew > 0)
    parts.push(
      `${result.leftNew} ${result.leftNew === 1 ? 'card you have not studied yet was' : 'cards you have not studied yet were'} left new`,
    );
  return parts.join('; ');
}

/**
 * A finished exam, to study from: the score, then every question with every option (yours, the right one,
 * why), filtered to the wrong, flagged or blank ones, then the per-section and per-tag tables, folded.
 */
export function ExamResultsPage() {
  const { examId = '' } = useParams();
  const db = useDb();
  const navigate = useNavigate();
  const data = useDbQuery((d) => loadResults(d, examId), [examId]);
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState<Filter>('all');

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
  const matches = (f: Filter, i: number) => {
    const answer = exam.answers[i];
    if (f === 'wrong') return !isAnsweredCorrectly(exam.questions[i] ?? { correct: [] }, answer);
    if (f === 'flagged') return answer?.flagged === true;
    if (f === 'blank') return isBlank(answer);
    return true;
  };
  const countOf = (f: Filter) => exam.questions.filter((_, i) => matches(f, i)).length;
  const shown = exam.questions.flatMap((question, i) => (matches(filter, i) ? [{ question, i }] : []));
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
            <dd>{scheduleText(exam.config.feedSchedule, result)}</dd>
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
      <h2 id="questions-heading">Questions</h2>
      <fieldset className="result-filters">
        <legend>Show</legend>
        {FILTERS.map(([value, label]) => (
          <label key={value} className="filter-choice">
            <input
              type="radio"
              name="result-filter"
              value={value}
              checked={filter === value}
              onChange={() => setFilter(value)}
            />
            {label} ({countOf(value)})
          </label>
        ))}
      </fieldset>
      {shown.length === 0 ? (
        <p role="status">No {filter} questions.</p>
      ) : (
        <ol className="question-reviews" aria-labelledby="questions-heading">
          {shown.map(({ question, i }) => (
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
      )}
      <details className="breakdowns">
        <summary>Results by section and by tag</summary>
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
      </details>
    </section>
  );
}

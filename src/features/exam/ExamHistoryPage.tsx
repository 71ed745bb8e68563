import './exam.css';
import { useState } from 'react';
import { Link } from 'react-router';
import { deleteExam, listExams } from '../../db/examRepo';
import { useDb, useDbQuery } from '../../db/react';
import { isBlank } from '../../domain/exam/scoring';
import { formatDuration } from '../../domain/exam/session';
import { attempt } from '../../stores/actionErrors';
import { formatPercent } from './BreakdownTable';

/** Every exam, newest first: finished ones open their results, unfinished ones resume. */
export function ExamHistoryPage() {
  const db = useDb();
  const data = useDbQuery(listExams, []);
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <section aria-labelledby="history-heading">
      <h1 id="history-heading">Your exams</h1>
      {data === undefined ? (
        <p role="status">Loading…</p>
      ) : data.exams.length === 0 ? (
        <p>
          No exams yet. Start one from a deck: <Link to="/">your decks</Link>.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="exam-history">
            <caption className="visually-hidden">Exams, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Deck</th>
                <th scope="col">Questions</th>
                <th scope="col">Score</th>
                <th scope="col">Result</th>
                <th scope="col">Time used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.exams.map((exam) => (
                <tr key={exam.id}>
                  <th scope="row">
                    {exam.status === 'finished' ? (
                      <Link to={`/exams/${exam.id}/results`}>
                        {new Date(exam.startedAt).toLocaleString()}
                      </Link>
                    ) : (
                      <Link to={`/exams/${exam.id}`}>{new Date(exam.startedAt).toLocaleString()}</Link>
                    )}
                  </th>
                  <td data-label="Deck">{exam.deckTitle}</td>
                  <td data-label="Questions">{exam.questions.length}</td>
                  <td data-label="Score">
                    {exam.result
                      ? `${exam.result.correct} / ${exam.result.total} (${formatPercent(exam.result.percent)})`
                      : `${exam.answers.filter((a) => !isBlank(a)).length} answered`}
                  </td>
                  <td data-label="Result">
                    {exam.result ? (exam.result.passed ? 'Passed' : 'Not passed') : 'In progress (resume)'}
                  </td>
                  <td data-label="Time used">{formatDuration(exam.elapsedMs)}</td>
                  <td className="exam-history-actions">
                    {confirming === exam.id ? (
                      <fieldset className="confirm-delete">
                        <legend>Delete this exam? Answers it counted as reviews stay.</legend>
                        <button
                          type="button"
                          className="danger"
                          onClick={() => {
                            setConfirming(null);
                            void attempt('The exam could not be deleted', () => deleteExam(db, exam.id));
                          }}
                        >
                          Delete
                        </button>{' '}
                        <button type="button" onClick={() => setConfirming(null)}>
                          Keep
                        </button>
                      </fieldset>
                    ) : (
                      <button
                        type="button"
                        onClick={() => setConfirming(exam.id)}
                        aria-label={`Delete the exam of ${new Date(exam.startedAt).toLocaleString()}`}
                      >
                        Delete…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && data.damaged.length > 0 && (
        <div role="alert">
          <p>Some stored exams could not be read and are not shown:</p>
          <ul>
            {data.damaged.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

import './exam.css';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { loadReadiness, saveExamDate } from '../../db/examRepo';
import { useDb, useDbQuery } from '../../db/react';
import { READINESS_TARGET, readiness, readinessByTag, studyPlan } from '../../domain/exam/readiness';
import { flattenSections } from '../../domain/exam/sections';
import { attempt } from '../../stores/actionErrors';
import { useNow } from '../../stores/clock';
import { NotFound } from '../../ui/NotFound';
import { formatPercent } from './BreakdownTable';
import { ScoreChart, type ScorePoint } from './ScoreChart';

const DEFAULT_DAYS_AHEAD = 14;

function toDateInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Noon (local time) of a yyyy-mm-dd date, or null when it is not a date. */
function fromDateInput(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const at = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12).getTime();
  return Number.isNaN(at) ? null : at;
}

/** Noon (local time) of the day that contains `ms`. */
function fromDateNoon(ms: number): number {
  const d = new Date(ms);
  d.setHours(12, 0, 0, 0);
  return d.getTime();
}

const percent = (fraction: number) => formatPercent(Math.round(fraction * 1000) / 10);

/** Predicted recall per section on a chosen exam date, and the history of practice exam scores. */
export function ReadinessPage() {
  const { deckId = '' } = useParams();
  const today = useNow();
  const db = useDb();
  const data = useDbQuery((db) => loadReadiness(db, deckId), [deckId]);
  // What the user is typing; otherwise the date last chosen for this deck, or two weeks from today.
  const [draft, setDraft] = useState<string | null>(null);
  const date = draft ?? data?.examDate ?? toDateInput(today + DEFAULT_DAYS_AHEAD * 86_400_000);
  const todayInput = toDateInput(today);
  // yyyy-mm-dd strings compare as dates.
  const past = fromDateInput(date) !== null && date < todayInput;
  const setDate = (value: string) => {
    setDraft(value);
    if (fromDateInput(value) !== null && value >= todayInput)
      void attempt('The exam date could not be saved', () => saveExamDate(db, deckId, value));
  };
  const at = past ? null : fromDateInput(date);

  const prediction = useMemo(
    () =>
      data && at !== null
        ? readiness(data.states, flattenSections(data.deck.sections), at, data.settings)
        : null,
    [data, at],
  );
  // A deck without sections of its own (one section) is broken down by its cards' tags, when it has any.
  const byTag = useMemo(() => {
    const tags = data?.cardTags;
    if (!data || !tags || tags.size === 0 || at === null) return null;
    return readinessByTag(data.states, (cardId) => tags.get(cardId) ?? [], at, data.settings);
  }, [data, at]);
  const rows = byTag ?? (data?.cardTags ? null : prediction?.sections) ?? null;

  const daysLeft = at === null ? 0 : Math.round((at - fromDateNoon(today)) / 86_400_000);
  const plan =
    prediction && data
      ? studyPlan(prediction, daysLeft, data.settings.newPerDay, data.settings.desiredRetention)
      : null;

  if (data === undefined) return <p role="status">Loading…</p>;
  if (data === null)
    return <NotFound what="deck" id={deckId} back={{ to: '/', label: 'Go to your decks' }} />;

  const points: ScorePoint[] = data.exams.flatMap((e) =>
    e.result
      ? [
          {
            id: e.id,
            at: e.finishedAt ?? e.startedAt,
            percent: e.result.percent,
            passMark: e.config.passMark,
          },
        ]
      : [],
  );

  return (
    <section className="readiness" aria-labelledby="readiness-heading">
      <h1 id="readiness-heading">Readiness: {data.deck.title}</h1>
      <div className="field">
        <label htmlFor="exam-date">Exam date</label>
        <input
          id="exam-date"
          type="date"
          value={date}
          min={todayInput}
          onChange={(e) => setDate(e.target.value)}
          aria-invalid={past || undefined}
          aria-describedby="exam-date-error"
        />
        {past && (
          <small id="exam-date-error" role="alert">
            The exam date must be today or later: {new Date(fromDateInput(date) ?? 0).toLocaleDateString()}{' '}
            has passed.
          </small>
        )}
      </div>
      {prediction && at !== null && plan && (
        <div className="study-plan" role="note" aria-label="What to study">
          <p>
            <strong>
              {Number.isFinite(plan.daysAtLimit)
                ? `Study ${data.settings.newPerDay} new cards a day to reach ${percent(READINESS_TARGET)} by ${new Date(
                    fromDateNoon(today) + (plan.daysAtLimit - 1) * 86_400_000,
                  ).toLocaleDateString()}.`
                : `Your deck allows no new cards a day: raise "New cards per day" to reach ${percent(READINESS_TARGET)}.`}
            </strong>
            {plan.perDayForExam !== null &&
              (plan.daysAtLimit <= daysLeft
                ? ` That is in time for your exam on ${new Date(at).toLocaleDateString()}.`
                : ` To get there by your exam on ${new Date(at).toLocaleDateString()}, study ${plan.perDayForExam} new cards a day (raise "New cards per day" in the deck's settings).`)}
          </p>
          <p className="exam-hint">
            {plan.itemsNeeded} more {plan.itemsNeeded === 1 ? 'card' : 'cards'} to study, out of{' '}
            {prediction.items}. This assumes you keep up with your reviews, so each card you have studied is
            recalled about {percent(data.settings.desiredRetention)} of the time (your desired retention), and
            cards never studied are not known.
          </p>
          <p className="form-actions">
            <Link className="button primary" to={`/review/${deckId}`}>
              Study now
            </Link>
          </p>
        </div>
      )}
      {prediction && at !== null && prediction.seen > 0 && (
        <>
          <p className="predicted-score">
            Predicted score on {new Date(at).toLocaleDateString()}:{' '}
            <strong>{percent(prediction.overall)}</strong>
          </p>
          <p className="exam-hint">
            How this is worked out: for every card of the deck (each side of a reversed card and each cloze
            blank counts once), FSRS estimates the probability that you will recall it on that date, from your
            review history alone (no further reviews assumed). Cards you have never reviewed count as not
            known (0 %). A section's (or tag's) figure is the mean over its cards; the predicted score is the
            mean over all {prediction.items} cards, of which you have reviewed {prediction.seen}. Practice
            exams feed this only when their answers count as reviews.
          </p>
          {rows === null ? (
            <p className="exam-hint">
              This deck has no sections or tags of its own, so its readiness is the one figure above.
            </p>
          ) : (
            <div className="table-scroll">
              <table className="breakdown">
                <caption>Predicted recall by {byTag ? 'tag' : 'section'}</caption>
                <thead>
                  <tr>
                    <th scope="col">{byTag ? 'Tag' : 'Section'}</th>
                    <th scope="col">Cards reviewed</th>
                    <th scope="col">Predicted recall</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((s) => (
                    <tr key={s.sectionId}>
                      <th scope="row">{s.title}</th>
                      <td>
                        {s.seen} / {s.items}
                      </td>
                      <td>
                        <span className="bar" aria-hidden="true">
                          <span style={{ width: `${s.predicted * 100}%` }} />
                        </span>{' '}
                        {percent(s.predicted)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {at === null && !past && <p role="alert">Choose an exam date.</p>}
      <h2>Practice exam scores</h2>
      <ScoreChart points={points} />
      {points.length > 0 && (
        <div className="table-scroll">
          <table className="breakdown">
            <caption>Practice exam scores, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Score</th>
                <th scope="col">Pass mark</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/exams/${p.id}/results`}>{new Date(p.at).toLocaleString()}</Link>
                  </th>
                  <td>{formatPercent(p.percent)}</td>
                  <td>{p.passMark} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="form-actions">
        <Link className="button primary" to={`/decks/${deckId}/exam`}>
          Practice exam
        </Link>
      </p>
    </section>
  );
}

import './exam.css';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { loadExamSetup, setFeedSchedule, startExam } from '../../db/examRepo';
import { useDb, useDbQuery } from '../../db/react';
import { availableCount } from '../../domain/exam/draw';
import { flattenSections } from '../../domain/exam/sections';
import { attempt } from '../../stores/actionErrors';
import { now } from '../../stores/clock';
import { NotFound } from '../../ui/NotFound';
import { newExamId, newSeed } from './newIds';
import { defaultDraft, type SetupDraft, type SetupErrors, validateDraft } from './setupForm';

/** Setting up a practice exam for one deck. `?section=<id>` preselects one section ("practise this section"). */
export function ExamSetupPage() {
  const { deckId = '' } = useParams();
  const [search] = useSearchParams();
  const db = useDb();
  const navigate = useNavigate();
  const setup = useDbQuery((d) => loadExamSetup(d, deckId), [deckId]);
  const [draft, setDraft] = useState<SetupDraft | null>(null);
  const [errors, setErrors] = useState<SetupErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const sections = useMemo(() => {
    if (!setup) return [];
    const withQuestions = new Set(setup.candidates.map((c) => c.section));
    return flattenSections(setup.deck.sections).filter((s) => withQuestions.has(s.id));
  }, [setup]);
  const tags = useMemo(() => [...new Set(setup?.candidates.flatMap((c) => c.tags) ?? [])].sort(), [setup]);

  if (setup === undefined) return <p role="status">Loading…</p>;
  if (setup === null)
    return <NotFound what="deck" id={deckId} back={{ to: '/', label: 'Go to your decks' }} />;

  const preselected = search.get('section');
  const form =
    draft ??
    defaultDraft(
      preselected && sections.some((s) => s.id === preselected) ? [preselected] : sections.map((s) => s.id),
    );
  const update = (patch: Partial<SetupDraft>) => setDraft({ ...form, ...patch });
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);
  const available = availableCount(setup.candidates, form);
  const countOf = (sectionId: string) =>
    new Set(setup.candidates.filter((c) => c.section === sectionId).map((c) => c.cardId)).size;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const seed = form.seed.trim() || newSeed();
    const checked = validateDraft(form, setup.feedSchedule, seed);
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    if (available === 0) return setFailure('No questions match these sections and tags.');
    setBusy(true);
    try {
      const exam = await startExam(db, deckId, checked.config, { id: newExamId(), now: now() });
      await navigate(`/exams/${exam.id}`);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  };

  return (
    <section className="exam-setup settings" aria-labelledby="setup-heading">
      <h1 id="setup-heading">Practice exam: {setup.deck.title}</h1>
      {setup.active && (
        <p className="notice">
          You have an unfinished exam of this deck (
          {setup.active.answers.filter((a) => a.choice.length > 0).length} / {setup.active.questions.length}{' '}
          answered). <Link to={`/exams/${setup.active.id}`}>Resume that exam</Link>
        </p>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <fieldset>
          <legend>Exam</legend>
          <NumberField
            id="exam-count"
            label="Number of questions"
            value={form.count}
            error={errors.count}
            help={`${available} questions match your choices${Number(form.count) > available && available > 0 ? `: the exam will have ${available}` : ''}.`}
            onChange={(count) => update({ count })}
          />
          <div className="field checkbox">
            <input
              id="exam-timed"
              type="checkbox"
              checked={form.timed}
              onChange={(e) => update({ timed: e.target.checked })}
            />
            <label htmlFor="exam-timed">Timed</label>
          </div>
          {form.timed && (
            <NumberField
              id="exam-minutes"
              label="Time limit (minutes)"
              value={form.minutes}
              error={errors.minutes}
              onChange={(minutes) => update({ minutes })}
            />
          )}
          <NumberField
            id="exam-pass-mark"
            label="Pass mark (%)"
            value={form.passMark}
            error={errors.passMark}
            onChange={(passMark) => update({ passMark })}
          />
          <div className="field">
            <label htmlFor="exam-order">Question order</label>
            <select
              id="exam-order"
              value={form.order}
              onChange={(e) => update({ order: e.target.value === 'guide' ? 'guide' : 'random' })}
            >
              <option value="random">Random</option>
              <option value="guide">Guide order (by section)</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="exam-seed">Seed (optional)</label>
            <input
              id="exam-seed"
              type="text"
              value={form.seed}
              aria-describedby="exam-seed-help"
              onChange={(e) => update({ seed: e.target.value })}
            />
            <small id="exam-seed-help">
              The same seed over the same deck and review history draws the same exam.
            </small>
          </div>
        </fieldset>
        <fieldset aria-describedby={errors.sections ? 'sections-error' : undefined}>
          <legend>Sections</legend>
          {errors.sections && (
            <p id="sections-error" className="field-error">
              Sections: {errors.sections}.
            </p>
          )}
          <p className="exam-hint">Every chosen section gets at least one question when the number allows.</p>
          <div className="form-actions">
            <button type="button" onClick={() => update({ sections: sections.map((s) => s.id) })}>
              All sections
            </button>
            <button type="button" onClick={() => update({ sections: [] })}>
              None
            </button>
          </div>
          {sections.map((s) => (
            <label
              key={s.id}
              className="field checkbox"
              style={{ paddingInlineStart: `${s.depth * 1.25}rem` }}
            >
              <input
                type="checkbox"
                checked={form.sections.includes(s.id)}
                onChange={(e) => update({ sections: toggle(form.sections, s.id, e.target.checked) })}
              />
              <span className="section-choice">
                {s.title} <small>({countOf(s.id)})</small>
              </span>
            </label>
          ))}
        </fieldset>
        {tags.length > 0 && (
          <fieldset>
            <legend>Tags</legend>
            <p className="exam-hint">
              Leave all unticked for every tag; tick some to ask only questions with one of them.
            </p>
            <div className="tag-choices">
              {tags.map((tag) => (
                <label key={tag} className="field checkbox">
                  <input
                    type="checkbox"
                    checked={form.tags.includes(tag)}
                    onChange={(e) => update({ tags: toggle(form.tags, tag, e.target.checked) })}
                  />
                  {tag}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <fieldset>
          <legend>Schedule</legend>
          <div className="field checkbox">
            <input
              id="exam-feed"
              type="checkbox"
              checked={setup.feedSchedule}
              aria-describedby="exam-feed-help"
              onChange={(e) =>
                void attempt('The setting could not be saved', () => setFeedSchedule(db, e.target.checked))
              }
            />
            <label htmlFor="exam-feed">Exam answers count as reviews</label>
          </div>
          <small id="exam-feed-help" className="exam-hint">
            When on, each answered question updates its card's schedule (wrong → Again, right → Good). Cards
            already reviewed today are left alone. This setting applies to all decks.
          </small>
        </fieldset>
        {failure && (
          <p role="alert" className="feedback-wrong">
            {failure}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            Start exam
          </button>
          <Link to={`/decks/${deckId}/readiness`}>Readiness</Link>
          <Link to="/exams">Past exams</Link>
        </div>
      </form>
    </section>
  );
}

type NumberFieldProps = {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  help?: string;
  onChange: (value: string) => void;
};

function NumberField({ id, label, value, error, help, onChange }: NumberFieldProps) {
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <small id={`${id}-error`} className="field-error">
          {label} {error}.
        </small>
      )}
      {help && <small id={`${id}-help`}>{help}</small>}
    </div>
  );
}

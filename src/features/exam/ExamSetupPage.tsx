import './exam.css';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  countAvailable,
  type ExamSetup,
  loadExamSetup,
  loadExamSetupStatus,
  setFeedSchedule,
  startExam,
} from '../../db/examRepo';
import { useDb, useDbQuery } from '../../db/react';
import type { DrawFilter } from '../../domain/exam/draw';
import { flattenSections } from '../../domain/exam/sections';
import { attempt, reportFailure } from '../../stores/actionErrors';
import { now } from '../../stores/clock';
import { NotFound } from '../../ui/NotFound';
import { ChoicePicker, type PickerItem } from './ChoicePicker';
import { newExamId, newSeed } from './newIds';
import { defaultDraft, type SetupDraft, type SetupErrors, startSummary, validateDraft } from './setupForm';

const ERRORS_ID = 'setup-errors';

/**
 * Setting up a practice exam for one deck, on one screen: the numbers in a compact grid, sections and tags in
 * pickers, and the Start button with one line saying what will happen and any error, announced, beside it.
 * `?section=<id>` preselects one section ("practise this section"). Costs are linear in the deck: the
 * candidates are counted per section and tag once.
 */
export function ExamSetupPage() {
  const { deckId = '' } = useParams();
  const [search] = useSearchParams();
  const db = useDb();
  const navigate = useNavigate();
  const setup = useExamSetup(deckId);
  const status = useDbQuery((d) => loadExamSetupStatus(d, deckId), [deckId]);
  const [draft, setDraft] = useState<SetupDraft | null>(null);
  const [errors, setErrors] = useState<SetupErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const { sections, tags } = useMemo(() => {
    if (!setup || typeof setup === 'string')
      return { sections: [] as PickerItem[], tags: [] as PickerItem[] };
    return {
      sections: flattenSections(setup.deck.sections).flatMap((s) => {
        const count = setup.sectionCounts.get(s.id) ?? 0;
        return count === 0 ? [] : [{ id: s.id, label: s.title, depth: s.depth, count }];
      }),
      tags: setup.tags.map((t) => ({ id: t, label: t })),
    };
  }, [setup]);
  const preselected = search.get('section');
  const form =
    draft ??
    defaultDraft(
      preselected && sections.some((s) => s.id === preselected) ? [preselected] : sections.map((s) => s.id),
    );
  const available = useAvailable(deckId, setup, form);

  if (setup === undefined || status === undefined) return <p role="status">Loading…</p>;
  if (typeof setup === 'string') return <p role="alert">{setup}</p>;
  if (setup === null)
    return <NotFound what="deck" id={deckId} back={{ to: '/', label: 'Go to your decks' }} />;

  if (setup.total === 0)
    return (
      <section className="exam-setup" aria-labelledby="setup-heading">
        <h1 id="setup-heading">Practice exam: {setup.deck.title}</h1>
        <p className="notice">
          This deck has no exam questions yet. Exams ask multiple-choice and true/false cards, and flashcards
          only when the deck gives them wrong options a person chose (deck format version 2:{' '}
          <code>wrong</code> or <code>answerSet</code>); they never make up wrong options from other cards.
        </p>
        <p>
          <Link to={`/review/${deckId}`}>Study its flashcards instead</Link> ·{' '}
          <Link to={`/cards/new?deck=${encodeURIComponent(deckId)}`}>
            Add a multiple-choice or true/false card
          </Link>
        </p>
      </section>
    );

  const update = (patch: Partial<SetupDraft>) => {
    setDraft({ ...form, ...patch });
    setFailure(null);
  };
  const errorText = [
    errors.count && `Number of questions ${errors.count}.`,
    errors.minutes && `Time limit ${errors.minutes}.`,
    errors.passMark && `Pass mark ${errors.passMark}.`,
    errors.sections && `Sections: ${errors.sections}.`,
    failure,
  ]
    .filter(Boolean)
    .join(' ');
  const invalid = (field: keyof SetupErrors) =>
    errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': ERRORS_ID } : {};

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const seed = form.seed.trim() || newSeed();
    const checked = validateDraft(form, status.feedSchedule, seed);
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      // Still counting (tags just chosen): count now rather than ignore the click.
      if ((available ?? (await countAvailable(db, deckId, checked.config))) === 0) {
        setFailure('No questions match these sections and tags.');
        setBusy(false);
        return;
      }
      const exam = await startExam(db, deckId, checked.config, { id: newExamId(), now: now() });
      await navigate(`/exams/${exam.id}`);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  };

  return (
    <section className="exam-setup" aria-labelledby="setup-heading">
      <h1 id="setup-heading">Practice exam: {setup.deck.title}</h1>
      {status.active && (
        <p className="notice">
          Unfinished exam ({status.active.answers.filter((a) => a.choice.length > 0).length} /{' '}
          {status.active.questions.length} answered): <Link to={`/exams/${status.active.id}`}>resume it</Link>
        </p>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="setup-grid">
          <div className="field">
            <label htmlFor="exam-count">Number of questions</label>
            <input
              id="exam-count"
              type="text"
              inputMode="numeric"
              value={form.count}
              onChange={(e) => update({ count: e.target.value })}
              {...invalid('count')}
            />
          </div>
          <div className="field">
            <span className="field checkbox timed">
              <input
                id="exam-timed"
                type="checkbox"
                checked={form.timed}
                onChange={(e) => update({ timed: e.target.checked })}
              />
              <label htmlFor="exam-timed">Timed</label>
            </span>
            {form.timed ? (
              <input
                id="exam-minutes"
                type="text"
                inputMode="numeric"
                aria-label="Time limit (minutes)"
                value={form.minutes}
                onChange={(e) => update({ minutes: e.target.value })}
                {...invalid('minutes')}
              />
            ) : (
              <span className="exam-hint">No time limit</span>
            )}
          </div>
          <div className="field">
            <label htmlFor="exam-pass-mark">Pass mark (%)</label>
            <input
              id="exam-pass-mark"
              type="text"
              inputMode="numeric"
              value={form.passMark}
              onChange={(e) => update({ passMark: e.target.value })}
              {...invalid('passMark')}
            />
          </div>
          <div className="field">
            <label htmlFor="exam-order">Question order</label>
            <select
              id="exam-order"
              value={form.order}
              onChange={(e) => update({ order: e.target.value === 'guide' ? 'guide' : 'random' })}
            >
              <option value="random">Random</option>
              <option value="guide">{setup.deck.source.file ? 'Guide order' : 'Deck order'}</option>
            </select>
          </div>
        </div>
        <div className="setup-pickers">
          {/* A deck without sections of its own (one section) has nothing to choose here: its tags do. */}
          {sections.length > 1 && (
            <ChoicePicker
              legend="Sections"
              items={sections}
              selected={form.sections}
              onChange={(s) => update({ sections: s })}
              invalid={errors.sections !== undefined}
              {...(errors.sections ? { describedBy: ERRORS_ID } : {})}
            />
          )}
          {tags.length > 0 && (
            <ChoicePicker
              legend="Tags"
              items={tags}
              selected={form.tags}
              onChange={(t) => update({ tags: t })}
              noneMeans="any tag"
            />
          )}
          <details className="choice-picker">
            <summary>
              Seed: <strong>{form.seed.trim() || 'random'}</strong>
            </summary>
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
                The same seed over the same deck and review history gives the same exam, options in the same
                order.
              </small>
            </div>
          </details>
        </div>
        <div className="field checkbox">
          <input
            id="exam-feed"
            type="checkbox"
            checked={status.feedSchedule}
            onChange={(e) =>
              void attempt('The setting could not be saved', () => setFeedSchedule(db, e.target.checked))
            }
          />
          <label htmlFor="exam-feed">Exam answers count as reviews</label>
        </div>
        <div className="start-row">
          <button type="submit" className="primary" disabled={busy}>
            Start exam
          </button>
          <p className="start-summary" id="start-summary">
            {available === undefined
              ? 'Counting the questions…'
              : startSummary(form, available, status.feedSchedule)}
          </p>
          <p id={ERRORS_ID} className="field-error start-errors" aria-live="assertive" aria-atomic="true">
            {errorText}
          </p>
        </div>
        <p className="setup-links">
          <Link to={`/decks/${deckId}/readiness`}>Readiness</Link> · <Link to="/exams">Past exams</Link>
        </p>
      </form>
    </section>
  );
}

/**
 * How many questions an exam with the form's sections and tags can ask (one per card): the sum of the sections'
 * counts without tags; with tags, counted from the index keys (undefined until counted).
 */
function useAvailable(
  deckId: string,
  setup: ExamSetup | null | string | undefined,
  filter: DrawFilter,
): number | undefined {
  const db = useDb();
  const counts = setup && typeof setup !== 'string' ? setup.sectionCounts : undefined;
  const sectionsKey = filter.sections.join('\u0000');
  const tagsKey = filter.tags.join('\u0000');
  const plain = useMemo(
    () =>
      counts && tagsKey === ''
        ? sectionsKey.split('\u0000').reduce((n, s) => n + (counts.get(s) ?? 0), 0)
        : undefined,
    [counts, sectionsKey, tagsKey],
  );
  const [tagged, setTagged] = useState<{ key: string; count: number }>();
  const key = `${deckId}\u0001${sectionsKey}\u0001${tagsKey}`;
  useEffect(() => {
    if (!counts || tagsKey === '') return;
    let current = true;
    const sections = sectionsKey === '' ? [] : sectionsKey.split('\u0000');
    countAvailable(db, deckId, { sections, tags: tagsKey.split('\u0000') }).then(
      (count) => current && setTagged({ key, count }),
      (error: unknown) => current && reportFailure('The questions could not be counted', error),
    );
    return () => {
      current = false;
    };
  }, [db, deckId, counts, sectionsKey, tagsKey, key]);
  if (plain !== undefined) return plain;
  return tagged?.key === key ? tagged.count : undefined;
}

/**
 * The deck's exam counts and tags, read once per deck (undefined while loading, null for no such deck, a message
 * when reading failed). Not a live query: see loadExamSetup.
 */
function useExamSetup(deckId: string): ExamSetup | null | string | undefined {
  const db = useDb();
  const [setup, setSetup] = useState<{ deckId: string; value: ExamSetup | null | string }>();
  useEffect(() => {
    let current = true;
    loadExamSetup(db, deckId).then(
      (value) => current && setSetup({ deckId, value }),
      (error: unknown) =>
        current && setSetup({ deckId, value: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [db, deckId]);
  return setup?.deckId === deckId ? setup.value : undefined;
}

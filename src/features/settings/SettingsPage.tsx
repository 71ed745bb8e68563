import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  DEFAULT_SCHEDULER_SETTINGS,
  type SchedulerSettings,
  schedulerSettingsSchema,
} from '../../domain/settings';
import { errorText } from '../../stores/actionErrors';
import { NotFound } from '../../ui/NotFound';
import { useDeckSettings } from './useDeckSettings';

type Draft = Record<keyof SchedulerSettings, string | boolean>;

function toDraft(s: SchedulerSettings): Draft {
  return {
    ...s,
    desiredRetention: s.desiredRetention.toFixed(2),
    maximumIntervalDays: String(s.maximumIntervalDays),
    newPerDay: String(s.newPerDay),
    reviewsPerDay: String(s.reviewsPerDay),
    learningSteps: s.learningSteps.join(' '),
    relearningSteps: s.relearningSteps.join(' '),
    dayStartHour: String(s.dayStartHour),
    leechThreshold: String(s.leechThreshold),
  };
}

function fromDraft(d: Draft) {
  const steps = (v: string | boolean) =>
    String(v)
      .split(/[\s,]+/)
      .filter(Boolean);
  return schedulerSettingsSchema.safeParse({
    desiredRetention: Number(d.desiredRetention),
    maximumIntervalDays: Number(d.maximumIntervalDays),
    newPerDay: Number(d.newPerDay),
    reviewsPerDay: Number(d.reviewsPerDay),
    learningSteps: steps(d.learningSteps),
    relearningSteps: steps(d.relearningSteps),
    fuzz: d.fuzz === true,
    dayStartHour: Number(d.dayStartHour),
    leechThreshold: Number(d.leechThreshold),
    typeInAnswers: d.typeInAnswers === true,
  });
}

const NUMBER_FIELDS: Array<[keyof SchedulerSettings, string, string]> = [
  [
    'desiredRetention',
    'Desired retention',
    'Probability of recall FSRS aims for, 0.70–0.99. Higher means more reviews.',
  ],
  ['newPerDay', 'New cards per day', ''],
  ['reviewsPerDay', 'Maximum reviews per day', ''],
  ['maximumIntervalDays', 'Maximum interval (days)', ''],
  [
    'dayStartHour',
    'Next day starts at (hour, 0–23)',
    'Reviews done before this hour count for the previous day.',
  ],
  [
    'leechThreshold',
    'Leech threshold (lapses)',
    'A card that lapses this many times is tagged leech and suspended.',
  ],
];

export function SettingsPage() {
  const { deckId = '' } = useParams();
  const { data, save, reschedule } = useDeckSettings(deckId);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [offerReschedule, setOfferReschedule] = useState<SchedulerSettings | null>(null);

  useEffect(() => {
    if (data && draft === null) setDraft(toDraft(data.settings));
  }, [data, draft]);

  if (data === undefined || (data && draft === null)) return <p role="status">Loading…</p>;
  if (data === null || draft === null)
    return <NotFound what="deck" id={deckId} back={{ to: '/', label: 'Go to your decks' }} />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!data || !draft) return;
    const parsed = fromDraft(draft);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      setMessage('Some settings need fixing before they can be saved.');
      return;
    }
    setErrors({});
    try {
      await save(parsed.data);
    } catch (error) {
      setMessage(`Settings could not be saved: ${errorText(error)}`);
      return;
    }
    setMessage('Settings saved.');
    if (parsed.data.desiredRetention !== data.settings.desiredRetention) setOfferReschedule(parsed.data);
  }

  const set = (key: keyof SchedulerSettings, value: string | boolean) => setDraft({ ...draft, [key]: value });
  const field = (
    key: keyof SchedulerSettings,
    label: string,
    help: string,
    inputMode: 'decimal' | 'numeric',
  ) => (
    <div className="field" key={key}>
      <label htmlFor={`setting-${key}`}>{label}</label>
      <input
        id={`setting-${key}`}
        inputMode={inputMode}
        value={String(draft[key])}
        onChange={(e) => set(key, e.target.value)}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={`setting-${key}-help`}
      />
      <small id={`setting-${key}-help`}>{errors[key] ? `${label} ${errors[key]}.` : help}</small>
    </div>
  );

  return (
    <section aria-labelledby="settings-heading" className="settings">
      <h1 id="settings-heading">Settings: {data.deck.title}</h1>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <fieldset>
          <legend>Daily limits and scheduling</legend>
          {NUMBER_FIELDS.map(([key, label, help]) =>
            field(key, label, help, key === 'desiredRetention' ? 'decimal' : 'numeric'),
          )}
          {field('learningSteps', 'Learning steps', 'Space-separated, e.g. 1m 10m (m, h or d).', 'decimal')}
          {field('relearningSteps', 'Relearning steps', 'Steps after a lapse, e.g. 10m.', 'decimal')}
          <div className="field checkbox">
            <input
              id="setting-fuzz"
              type="checkbox"
              checked={draft.fuzz === true}
              onChange={(e) => set('fuzz', e.target.checked)}
            />
            <label htmlFor="setting-fuzz">
              Fuzz intervals (spread reviews so cards learnt together do not stay together)
            </label>
          </div>
          <div className="field checkbox">
            <input
              id="setting-typeInAnswers"
              type="checkbox"
              checked={draft.typeInAnswers === true}
              onChange={(e) => set('typeInAnswers', e.target.checked)}
            />
            <label htmlFor="setting-typeInAnswers">
              Type in answers of short basic cards, with a character diff
            </label>
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary">
            Save settings
          </button>
          <button type="button" onClick={() => setDraft(toDraft(DEFAULT_SCHEDULER_SETTINGS))}>
            Restore defaults
          </button>
          <Link to="/">Back to your decks</Link>
        </div>
        {message && <p role="status">{message}</p>}
      </form>
      {offerReschedule && (
        <div
          role="alertdialog"
          aria-labelledby="reschedule-title"
          aria-describedby="reschedule-text"
          className="dialog"
        >
          <h2 id="reschedule-title">Reschedule existing cards?</h2>
          <p id="reschedule-text">
            Desired retention changed. New answers use it from now on. Rescheduling recomputes the due date of
            every card you have already reviewed from its review history (FSRS), so the new retention applies
            to them too.
          </p>
          <button
            type="button"
            className="primary"
            // biome-ignore lint/a11y/noAutofocus: a dialog takes focus when it opens
            autoFocus
            onClick={() => {
              const next = offerReschedule;
              setOfferReschedule(null);
              void reschedule(next).then(
                (n) => setMessage(`Settings saved. ${n} card(s) rescheduled.`),
                (error: unknown) =>
                  setMessage(`Settings saved, but the cards could not be rescheduled: ${errorText(error)}`),
              );
            }}
          >
            Reschedule now
          </button>
          <button type="button" onClick={() => setOfferReschedule(null)}>
            Not now
          </button>
        </div>
      )}
    </section>
  );
}

import './settings.css';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { DEFAULT_SCHEDULER_SETTINGS, type SchedulerSettings } from '../../domain/settings';
import { errorText } from '../../stores/actionErrors';
import { NotFound } from '../../ui/NotFound';
import { OptimizePanel } from './OptimizePanel';
import { type Draft, fromDraft, toDraft } from './settingsForm';
import { useDeckSettings } from './useDeckSettings';

const NUMBER_FIELDS: Array<[keyof SchedulerSettings, string, string]> = [
  [
    'desiredRetention',
    'Desired retention',
    'Probability of recall FSRS aims for, 0.70–0.99. Higher means more reviews.',
  ],
  [
    'newPerDay',
    'New cards per day',
    'How many unseen cards a day may bring in: the review shows them as “New today”.',
  ],
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
  const [errors, setErrors] = useState<Partial<Record<keyof SchedulerSettings, string>>>({});
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
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setMessage('Some settings need fixing before they can be saved: see the fields marked below.');
      return;
    }
    setErrors({});
    try {
      await save(parsed.settings);
    } catch (error) {
      setMessage(`Settings could not be saved: ${errorText(error)}`);
      return;
    }
    setMessage('Settings saved.');
    if (parsed.settings.desiredRetention !== data.settings.desiredRetention)
      setOfferReschedule(parsed.settings);
  }

  const set = (key: keyof SchedulerSettings, value: string | boolean) => setDraft({ ...draft, [key]: value });
  const field = (
    key: keyof SchedulerSettings,
    label: string,
    help: string,
    inputMode: 'decimal' | 'numeric' | 'text',
  ) => (
    <div className="field" key={key}>
      <label htmlFor={`setting-${key}`}>{label}</label>
      <input
        id={`setting-${key}`}
        inputMode={inputMode}
        // Step lists ("1m 10m") need letters and spaces: a text keyboard, not a number pad.
        {...(inputMode === 'text'
          ? { pattern: '[0-9.mhd ,]*', autoCapitalize: 'off', autoCorrect: 'off', spellCheck: false }
          : {})}
        value={String(draft[key])}
        onChange={(e) => set(key, e.target.value)}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={`setting-${key}-help`}
      />
      <small id={`setting-${key}-help`} className={errors[key] ? 'field-error' : undefined}>
        {errors[key] ?? help}
      </small>
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
          {field('learningSteps', 'Learning steps', 'Space-separated, e.g. 1m 10m (m, h or d).', 'text')}
          {field('relearningSteps', 'Relearning steps', 'Steps after a lapse, e.g. 10m.', 'text')}
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
          <button
            type="button"
            onClick={() => {
              setDraft(toDraft(DEFAULT_SCHEDULER_SETTINGS));
              setErrors({});
              setMessage('Defaults restored in the form: save to keep them.');
            }}
          >
            Restore defaults
          </button>
          <Link to="/">Back to your decks</Link>
        </div>
        {message && <p role="status">{message}</p>}
      </form>
      <OptimizePanel deckId={deckId} />
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

import '../../ui/editor.css';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { previewCardEdit, readCard, saveCardEdit } from '../../db/cardEdits';
import { useDb, useDbQuery } from '../../db/react';
import { type ItemChange, ordinalName } from '../../domain/cardItems';
import type { Card } from '../../domain/deck/schema';
import { type CardIssue, validateCard } from '../../domain/deck/validateCard';
import { flattenSections } from '../../domain/exam/sections';
import { now } from '../../stores/clock';
import { NotFound } from '../../ui/NotFound';
import { CardForm } from './CardForm';
import { cardOf, type Draft, draftOf } from './draft';
import { KIND_LABELS } from './kinds';

/** Edit one card. Fixing wording keeps its review state; a change to what it asks is explained before saving. */
export function EditCardPage() {
  const { deckId = '', cardId = '' } = useParams();
  const db = useDb();
  const navigate = useNavigate();
  const data = useDbQuery(
    async (d) => ({ card: await readCard(d, deckId, cardId), deck: await d.decks.get(deckId) }),
    [deckId, cardId],
  );
  const [draft, setDraft] = useState<Draft | null>(null);
  const [issues, setIssues] = useState<CardIssue[]>([]);
  const [pending, setPending] = useState<{ card: Card; change: ItemChange } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    document.title = 'Edit card · Cardinal';
  }, []);
  useEffect(() => {
    if (data?.card && draft === null) setDraft(draftOf(data.card.card));
  }, [data, draft]);

  if (data === undefined || (data.card && draft === null)) return <p role="status">Loading…</p>;
  if (!data.card || !data.deck || !draft)
    return <NotFound what="card" id={cardId} back={{ to: '/browse', label: 'Browse your cards' }} />;
  const deck = data.deck;
  const stored = data.card;

  const write = async (card: Card) => {
    try {
      await saveCardEdit(db, deckId, cardId, card, now());
      setSaved(true);
      setPending(null);
    } catch (e) {
      setError(`The card was not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const onSave = async () => {
    setSaved(false);
    setError(null);
    const result = validateCard(cardOf(draft, cardId));
    if (!result.ok) {
      setIssues(result.issues);
      return;
    }
    setIssues([]);
    const change = await previewCardEdit(db, deckId, cardId, result.card, now());
    if (change.added.length > 0 || change.retired.length > 0) setPending({ card: result.card, change });
    else await write(result.card);
  };

  return (
    <section className="card-editor" aria-labelledby="editor-heading">
      <h1 id="editor-heading">Edit card</h1>
      <p className="editor-meta">
        {KIND_LABELS[draft.kind]} in <strong>{deck.title}</strong>
        {stored.userEdit && deck.shipped ? ' · your version (the shipped text is kept apart)' : ''}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onSave();
        }}
      >
        <CardForm
          draft={draft}
          onChange={(d) => {
            setDraft(d);
            setSaved(false);
          }}
          sections={flattenSections(deck.sections)}
          issues={issues}
        />
        {issues.length > 0 && (
          <p className="form-error" role="alert">
            The card was not saved: {issues.length === 1 ? 'one field needs' : `${issues.length} fields need`}{' '}
            a fix.
          </p>
        )}
        {pending ? (
          <div className="edit-consequences" role="alert">
            <p>Saving changes what this card asks:</p>
            <ul>
              {pending.change.retired.map((r) => (
                <li key={`r${r.ordinal}`}>
                  {capital(ordinalName(stored.card, r.ordinal))} will no longer be asked
                  {r.reps > 0 ? ` (reviewed ${r.reps} ${r.reps === 1 ? 'time' : 'times'})` : ''}: it is kept
                  with its history but not shown again.
                </li>
              ))}
              {pending.change.added.map((n) => (
                <li key={`a${n}`}>{capital(ordinalName(pending.card, n))} will be a new card to learn.</li>
              ))}
            </ul>
            <p>Cards whose question stays keep their review history.</p>
            <button type="button" className="button primary" onClick={() => void write(pending.card)}>
              Save anyway
            </button>{' '}
            <button type="button" className="button" onClick={() => setPending(null)}>
              Back to editing
            </button>
          </div>
        ) : (
          <div className="editor-actions">
            <button type="submit" className="button primary">
              Save
            </button>
            <button type="button" className="button" onClick={() => navigate(-1)}>
              {saved ? 'Back' : 'Cancel'}
            </button>
            <Link to={`/browse?deck=${encodeURIComponent(deckId)}&q=`} className="button">
              Browse this deck
            </Link>
          </div>
        )}
        <p role="status" className="editor-status">
          {saved ? 'Saved. Its review history is kept.' : ''}
        </p>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

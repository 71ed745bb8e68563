import '../../ui/editor.css';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { deleteDeck, deletionCounts, updateDeckText } from '../../db/deckEdits';
import { useDb, useDbQuery } from '../../db/react';
import { takeSnapshot } from '../../db/snapshots';
import { now } from '../../stores/clock';
import { NotFound } from '../../ui/NotFound';
import { DeckTextFields, titleProblem } from './DeckTextFields';

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Rename a deck, edit its description, or delete it (after a confirmation that says what goes with it). */
export function EditDeckPage() {
  const { deckId = '' } = useParams();
  const db = useDb();
  const navigate = useNavigate();
  const deck = useDbQuery((d) => d.decks.get(deckId), [deckId]);
  const counts = useDbQuery((d) => deletionCounts(d, deckId), [deckId]);
  const [text, setText] = useState<{ title: string; description: string } | null>(null);
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Edit deck · Cardinal';
  }, []);
  useEffect(() => {
    if (deck && text === null) setText({ title: deck.title, description: deck.description });
  }, [deck, text]);

  if (deck === undefined && text === null) return <p role="status">Loading…</p>;
  if (!deck || !text)
    return <NotFound what="deck" id={deckId} back={{ to: '/', label: 'Back to your decks' }} />;
  const problem = titleProblem(text.title);

  return (
    <section className="card-editor" aria-labelledby="edit-deck-heading">
      <h1 id="edit-deck-heading">Edit deck</h1>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (problem) return;
          try {
            await updateDeckText(db, deckId, text, now());
            setStatus('Saved.');
          } catch (err) {
            setError(`Not saved: ${err instanceof Error ? err.message : String(err)}`);
          }
        }}
      >
        <DeckTextFields
          {...text}
          onChange={(t) => {
            setText(t);
            setStatus('');
          }}
          titleError={problem}
        />
        <div className="editor-actions">
          <button type="submit" className="button primary">
            Save
          </button>
          <Link className="button" to="/">
            Back to your decks
          </Link>
        </div>
        <p role="status">{status}</p>
      </form>
      <section className="danger-zone" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete this deck</h2>
        {!confirming ? (
          <button type="button" className="button danger" onClick={() => setConfirming(true)}>
            Delete deck…
          </button>
        ) : (
          <div role="alert">
            <p>
              Delete “{deck.title}” with its {plural(counts?.cards ?? 0, 'card')} and{' '}
              {plural(counts?.logs ?? 0, 'review log')}
              {counts && counts.exams > 0 ? ` and ${plural(counts.exams, 'practice exam')}` : ''}? This cannot
              be undone.
            </p>
            <p>
              <Link to={`/transfer?deck=${encodeURIComponent(deckId)}`}>Export it first</Link> (with its
              review history) to keep a copy.
            </p>
            <button
              type="button"
              className="button danger"
              onClick={async () => {
                try {
                  await takeSnapshot(db, 'bulk delete', now());
                  await deleteDeck(db, deckId);
                  navigate('/');
                } catch (err) {
                  setError(`The deck was not deleted: ${err instanceof Error ? err.message : String(err)}`);
                }
              }}
            >
              Delete “{deck.title}”
            </button>{' '}
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        )}
      </section>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  );
}

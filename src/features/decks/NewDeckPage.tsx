import '../../ui/editor.css';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { createDeck } from '../../db/deckEdits';
import { useDb } from '../../db/react';
import { now } from '../../stores/clock';
import { DeckTextFields, titleProblem } from './DeckTextFields';

/** A new, empty deck of the user's own; then straight to adding its first card. */
export function NewDeckPage() {
  const db = useDb();
  const navigate = useNavigate();
  const [text, setText] = useState({ title: '', description: '' });
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'New deck · Cardinal';
  }, []);
  const problem = titleProblem(text.title);
  return (
    <section className="card-editor" aria-labelledby="new-deck-heading">
      <h1 id="new-deck-heading">New deck</h1>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setTried(true);
          if (problem) return;
          try {
            const id = await createDeck(db, text, now());
            navigate(`/cards/new?deck=${encodeURIComponent(id)}`);
          } catch (err) {
            setError(`The deck was not created: ${err instanceof Error ? err.message : String(err)}`);
          }
        }}
      >
        <DeckTextFields {...text} onChange={setText} titleError={tried ? problem : null} />
        <div className="editor-actions">
          <button type="submit" className="button primary">
            Create deck
          </button>
        </div>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}

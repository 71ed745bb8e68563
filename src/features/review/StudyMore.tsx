import { useState } from 'react';
import { Link } from 'react-router';
import { useDb } from '../../db/react';
import type { ReviewScreen } from '../../db/reviewScreen';
import { learnMoreToday } from '../../db/studyMore';
import { now } from '../../stores/clock';

/** On the Done screen of one deck: learn more new cards today (Anki's "increase today's new card limit"). */
export function StudyMore({ screen }: { screen: ReviewScreen }) {
  const db = useDb();
  const [count, setCount] = useState(10);
  const [error, setError] = useState<string | null>(null);
  const deck = screen.decks.length === 1 ? screen.decks[0] : undefined;
  if (!deck) return null;
  return (
    <section className="study-more" aria-labelledby="study-more-heading">
      <h3 id="study-more-heading">Study more today</h3>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await learnMoreToday(db, deck.id, count, now());
          } catch (err) {
            setError(`That did not work: ${err instanceof Error ? err.message : String(err)}`);
          }
        }}
      >
        <label>
          New cards{' '}
          <input
            type="number"
            min={1}
            max={999}
            value={count}
            onChange={(e) => setCount(Math.max(1, Math.min(999, Number(e.target.value) || 1)))}
          />
        </label>{' '}
        <button type="submit" className="button">
          Learn {count} more new {count === 1 ? 'card' : 'cards'} today
        </button>
      </form>
      <p>
        <Link to={`/browse?deck=${encodeURIComponent(deck.id)}`}>Browse this deck</Link>
      </p>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}

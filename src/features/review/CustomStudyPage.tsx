import { Link, useParams } from 'react-router';
import { useDbQuery } from '../../db/react';
import { NotFound } from '../../ui/NotFound';
import { CustomStudyChoices } from './CustomStudyChoices';

/** /custom-study/:deckId — the custom study choices of one deck (reached from the deck on the home page). */
export function CustomStudyPage() {
  const { deckId = '' } = useParams();
  const deck = useDbQuery(async (db) => (await db.decks.get(deckId)) ?? null, [deckId]);
  if (deck === undefined) return <p role="status">Loading…</p>;
  if (deck === null)
    return <NotFound what="deck" id={deckId} back={{ to: '/', label: 'Go to your decks' }} />;
  return (
    <section aria-labelledby="custom-study-page-heading">
      <h1 id="custom-study-page-heading">
        Custom study: <span className="deck-name">{deck.title}</span>
      </h1>
      <p>
        Study beyond today's queue. Review ahead and forgotten cards count as reviews; a cram session and a
        preview leave the schedule alone.{' '}
        <Link to={`/review/${encodeURIComponent(deck.id)}`}>Study today's queue</Link>.
      </p>
      <CustomStudyChoices deck={deck} />
    </section>
  );
}

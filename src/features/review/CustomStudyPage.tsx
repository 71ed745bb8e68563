import { Link, useParams } from 'react-router';
import { useDbQuery } from '../../db/react';
import { ALL_DECKS } from '../../db/reviewScreen';
import { NotFound } from '../../ui/NotFound';
import { CustomStudyChoices } from './CustomStudyChoices';

/**
 * /custom-study/:deckId — the custom study choices of one deck (reached from the deck on the home page), or of every
 * deck (/custom-study/all, from the home page and the Done screen of an all-decks review).
 */
export function CustomStudyPage() {
  const { deckId = '' } = useParams();
  const all = deckId === ALL_DECKS;
  const deck = useDbQuery(
    async (db) => (all ? 'all' : ((await db.decks.get(deckId)) ?? null)),
    [deckId, all],
  );
  if (deck === undefined) return <p role="status">Loading…</p>;
  if (deck === null)
    return <NotFound what="deck" id={deckId} back={{ to: '/', label: 'Go to your decks' }} />;
  const one = deck === 'all' ? null : deck;
  return (
    <section aria-labelledby="custom-study-page-heading">
      <h1 id="custom-study-page-heading">
        Custom study: <span className="deck-name">{one ? one.title : 'All decks'}</span>
      </h1>
      <p>
        Study beyond today's queue
        {one ? '' : ' across every deck (each answer is scheduled by its own deck’s settings)'}. Review ahead,
        forgotten cards and studying a tag count as reviews; a cram session and a preview leave the schedule
        alone. <Link to={`/review/${one ? encodeURIComponent(one.id) : ALL_DECKS}`}>Study today's queue</Link>
        .
      </p>
      <CustomStudyChoices deck={one} />
    </section>
  );
}

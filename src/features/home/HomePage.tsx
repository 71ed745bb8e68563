import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { DeckRecord } from '../../domain/records';
import { useDeckCounts, useDecks, useDeckUnseen, useHasExamQuestions } from './useDeckCounts';

export function HomePage() {
  const summaries = useDecks();
  // Decks whose counts for today are on screen: the unseen counts wait for all of them (see UnseenCount).
  const [counted, setCounted] = useState<ReadonlySet<string>>(new Set());
  const onCounted = useCallback(
    (deckId: string) => setCounted((ids) => (ids.has(deckId) ? ids : new Set(ids).add(deckId))),
    [],
  );
  const allCounted = summaries?.every((deck) => counted.has(deck.id)) ?? false;
  return (
    <section aria-labelledby="decks-heading">
      <h1 id="decks-heading">Your decks</h1>
      <p className="deck-actions">
        <Link to="/decks/new" className="button">
          New deck
        </Link>
        <Link to="/cards/new" className="button">
          Add card
        </Link>
      </p>
      {summaries === undefined ? (
        <p role="status">Loading decks…</p>
      ) : summaries.length === 0 ? (
        <p>No decks yet.</p>
      ) : (
        <>
          {summaries.length > 1 && (
            <p>
              <Link to="/review/all" className="button primary">
                Study all decks
              </Link>{' '}
              <Link to="/custom-study/all" className="button">
                Custom study: all decks
              </Link>
            </p>
          )}
          <ul className="deck-list">
            {summaries.map((deck) => (
              <DeckCard key={deck.id} deck={deck} onCounted={onCounted} countUnseen={allCounted} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function DeckCard({
  deck,
  onCounted,
  countUnseen,
}: {
  deck: DeckRecord;
  onCounted: (deckId: string) => void;
  countUnseen: boolean;
}) {
  const counts = useDeckCounts(deck);
  const loaded = counts !== undefined;
  useEffect(() => {
    if (loaded) onCounted(deck.id);
  }, [loaded, onCounted, deck.id]);
  // A deck with no multiple-choice, true/false or vetted flashcard question has no practice exam to offer.
  const examable = useHasExamQuestions(deck.id);
  const headingId = `deck-${deck.id}`;
  return (
    <li className="deck-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{deck.title}</h2>
      <p className="deck-description">{deck.description}</p>
      {counts === undefined ? (
        <p className="deck-counts-loading">Counting…</p>
      ) : (
        <dl className="deck-counts">
          <Count label="Due now" value={counts.dueNow} tone="review" />
          <Count label="New today" value={counts.newToday} tone="new" />
          {countUnseen ? <UnseenCount deckId={deck.id} /> : <Count label="Unseen" value={undefined} />}
          <Count label="Cards" value={counts.cards} />
        </dl>
      )}
      <p className="deck-actions">
        <Link to={`/review/${deck.id}`} className="button primary" aria-label={`Study now: ${deck.title}`}>
          Study now
        </Link>
        <Link to={`/custom-study/${deck.id}`} className="button" aria-label={`Custom study: ${deck.title}`}>
          Custom study
        </Link>
        {examable && (
          <Link
            to={`/decks/${deck.id}/exam`}
            className="button"
            aria-label={`Practice exam for ${deck.title}`}
          >
            Practice exam
          </Link>
        )}
        <Link to={`/decks/${deck.id}/readiness`} className="button" aria-label={`${deck.title} readiness`}>
          Readiness
        </Link>
        {deck.source.file && (
          <Link to={`/decks/${deck.id}/guide`} className="button" aria-label={`${deck.title} guide`}>
            Guide
          </Link>
        )}
        <Link to={`/cards/new?deck=${deck.id}`} className="button" aria-label={`Add card to ${deck.title}`}>
          Add card
        </Link>
        <Link to={`/browse?deck=${deck.id}`} className="button" aria-label={`Browse ${deck.title}`}>
          Browse
        </Link>
        <Link to={`/decks/${deck.id}/edit`} className="button" aria-label={`Edit ${deck.title}`}>
          Edit
        </Link>
        <Link to={`/transfer?deck=${deck.id}`} className="button" aria-label={`Export ${deck.title}`}>
          Export
        </Link>
        <Link to={`/decks/${deck.id}/settings`} className="button" aria-label={`${deck.title} settings`}>
          Settings
        </Link>
      </p>
    </li>
  );
}

/**
 * Mounted once every deck's counts for today are on screen: on disk Chromium counts an index range by walking it
 * (about 420 ms for 50,000 new items) and what is asked after it, other decks' reads included, waits for it.
 */
function UnseenCount({ deckId }: { deckId: string }) {
  const unseen = useDeckUnseen(deckId);
  return <Count label="Unseen" value={unseen} />;
}

function Count({ label, value, tone }: { label: string; value: number | undefined; tone?: string }) {
  return (
    <div className={tone ? `count count-${tone}` : 'count'}>
      <dt>{label}</dt>
      <dd aria-busy={value === undefined}>{value === undefined ? '…' : value.toLocaleString('en')}</dd>
    </div>
  );
}

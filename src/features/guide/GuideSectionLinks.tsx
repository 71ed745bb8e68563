import { Link } from 'react-router';

/** "N cards · Study this section · Browse these cards" under a section's heading. */
export function GuideSectionLinks({
  deckId,
  sectionId,
  title,
  cards,
}: {
  deckId: string;
  sectionId: string;
  title: string;
  /** Cards of the section and its sub-sections; undefined while counting. */
  cards: number | undefined;
}) {
  if (cards === undefined) return <p className="guide-section-links">Counting cards…</p>;
  if (cards === 0) return <p className="guide-section-links">No cards in this section.</p>;
  const query = new URLSearchParams({ section: sectionId });
  return (
    <p className="guide-section-links">
      <span>
        {cards} {cards === 1 ? 'card' : 'cards'}
      </span>
      <span aria-hidden="true"> · </span>
      <Link to={`/review/${encodeURIComponent(deckId)}?${query}`} aria-label={`Study this section: ${title}`}>
        Study this section
      </Link>
      <span aria-hidden="true"> · </span>
      <Link
        to={`/browse?${new URLSearchParams({ deck: deckId, section: sectionId })}`}
        aria-label={`Browse these cards: ${title}`}
      >
        Browse these cards
      </Link>
    </p>
  );
}

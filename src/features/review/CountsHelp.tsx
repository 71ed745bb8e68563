/** A short explanation of the counts above the card, and of sibling cards, for newcomers. */
export function CountsHelp() {
  return (
    <details className="counts-help">
      <summary>What do these numbers mean?</summary>
      <p>
        <strong>New today</strong>: cards you have never studied that today's limit still lets in (New cards
        per day, in the deck's settings). <strong>Learning</strong>: cards coming back within minutes or
        hours. <strong>Review</strong>: cards due today to keep them in memory.
      </p>
      <p>
        Some cards are asked more than one way: a two-way card front → back and back → front, a
        fill-in-the-blank card once per blank. Each way is scheduled on its own and counts as one card here;
        its siblings wait for another day, so one does not give away the other.
      </p>
    </details>
  );
}

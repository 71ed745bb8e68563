import { Link } from 'react-router';

const TITLES = { deck: 'Deck', exam: 'Exam', card: 'Card' } as const;

/** "Deck not found" / "Exam not found" / "Card not found": what was asked for, and the way back. */
export function NotFound({
  what,
  id,
  back,
}: {
  what: keyof typeof TITLES;
  id: string | undefined;
  back: { to: string; label: string };
}) {
  return (
    <section>
      <h1>{TITLES[what]} not found</h1>
      <p>
        There is no {what} “{id}”. <Link to={back.to}>{back.label}</Link>.
      </p>
    </section>
  );
}

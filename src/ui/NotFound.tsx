import { Link } from 'react-router';

/** "Deck not found" / "Exam not found": what was asked for, and the way back. */
export function NotFound({
  what,
  id,
  back,
}: {
  what: 'deck' | 'exam';
  id: string | undefined;
  back: { to: string; label: string };
}) {
  return (
    <section>
      <h1>{what === 'deck' ? 'Deck' : 'Exam'} not found</h1>
      <p>
        There is no {what} “{id}”. <Link to={back.to}>{back.label}</Link>.
      </p>
    </section>
  );
}

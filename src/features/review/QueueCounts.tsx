import { memo } from 'react';
import type { Queue } from '../../domain/records';

type Props = { counts: { new: number; learning: number; review: number }; current: Queue | null };

/** Remaining today: new / learning / review, with the current item's queue underlined (as Anki does). */
export const QueueCounts = memo(function QueueCounts({ counts, current }: Props) {
  const part = (queue: Queue, label: string, value: number) => (
    <span
      className={`queue-count count-${queue === 'new' ? 'new' : queue}${current === queue ? ' current' : ''}`}
    >
      {label} {value}
    </span>
  );
  return (
    <p
      className="queue-counts"
      role="status"
      aria-label={`Remaining today: ${counts.new} new, ${counts.learning} learning, ${counts.review} review`}
    >
      {part('new', 'New today', counts.new)} · {part('learning', 'Learning', counts.learning)} ·{' '}
      {part('review', 'Review', counts.review)}
    </p>
  );
});

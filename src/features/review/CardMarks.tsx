import './reviewExtras.css';
import type { CardStateRecord } from '../../domain/records';

const FLAG_NAMES = ['', 'Red', 'Orange', 'Green', 'Blue'] as const;

/** The card's flag and mark, shown on the card itself (not by colour alone: the flag is named). */
export function CardMarks({ item }: { item: CardStateRecord }) {
  if (item.flag === 0 && !item.marked) return null;
  return (
    <p className="card-marks">
      {item.flag > 0 && (
        <span className={`card-flag card-flag-${item.flag}`}>⚑ {FLAG_NAMES[item.flag]} flag</span>
      )}
      {item.marked && <span className="card-marked">★ Marked</span>}
    </p>
  );
}

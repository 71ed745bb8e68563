import { memo } from 'react';
import { Link } from 'react-router';
import type { CardStateRecord, Flag } from '../../domain/records';

type Props = {
  item: CardStateRecord | null;
  canUndo: boolean;
  onUndo: () => void;
  onBury: () => void;
  onSuspend: () => void;
  onMark: () => void;
  onFlag: (flag: Flag) => void;
};

const FLAGS: Array<[Flag, string]> = [
  [0, 'No flag'],
  [1, 'Red'],
  [2, 'Orange'],
  [3, 'Green'],
  [4, 'Blue'],
];

/** Undo, and in a compact "More" menu bury, suspend, mark and flag, with Anki's keys (u / Ctrl+Z, -, @, *). */
export const ReviewToolbar = memo(function ReviewToolbar({
  item,
  canUndo,
  onUndo,
  onBury,
  onSuspend,
  onMark,
  onFlag,
}: Props) {
  return (
    <div className="review-toolbar" role="toolbar" aria-label="Card actions">
      <button
        type="button"
        onClick={onUndo}
        disabled={!canUndo}
        aria-keyshortcuts="U Control+Z"
        title="Undo (u or Ctrl+Z)"
      >
        Undo
      </button>
      <details className="review-more">
        <summary>More</summary>
        <div className="review-more-items">
          <button
            type="button"
            onClick={onBury}
            disabled={!item}
            aria-keyshortcuts="-"
            title="Bury until tomorrow (-)"
          >
            Bury
          </button>
          <button
            type="button"
            onClick={onSuspend}
            disabled={!item}
            aria-keyshortcuts="@"
            title="Suspend (@)"
          >
            Suspend
          </button>
          <button
            type="button"
            onClick={onMark}
            disabled={!item}
            aria-pressed={item?.marked ?? false}
            aria-keyshortcuts="*"
            title="Mark (*)"
          >
            Mark
          </button>
          <label>
            Flag{' '}
            <select
              value={item?.flag ?? 0}
              disabled={!item}
              onChange={(event) => onFlag(Number(event.target.value) as Flag)}
            >
              {FLAGS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {item && (
            <>
              <Link to={`/cards/${encodeURIComponent(item.deckId)}/${encodeURIComponent(item.cardId)}/edit`}>
                Edit card
              </Link>
              <Link to={`/cards/new?deck=${encodeURIComponent(item.deckId)}`}>Add card</Link>
            </>
          )}
        </div>
      </details>
    </div>
  );
});

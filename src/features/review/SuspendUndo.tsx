import { useDb } from '../../db/react';
import { setSuspended } from '../../db/reviewRepo';
import { useLastSuspended } from '../../stores/lastSuspended';
import { useReviewSession } from '../../stores/reviewSession';

/** "Undo" beside the notice of a card just suspended: it comes back to today's queue. */
export function SuspendUndo() {
  const db = useDb();
  const item = useLastSuspended((s) => s.item);
  const notice = useReviewSession((s) => s.notice);
  if (!item || !notice?.startsWith('Card suspended')) return null;
  return (
    <button
      type="button"
      className="link-button"
      onClick={async () => {
        await setSuspended(db, item.deckId, item.itemId, false);
        useLastSuspended.setState({ item: null });
        useReviewSession.getState().setNotice('Card unsuspended.');
      }}
    >
      Undo suspend
    </button>
  );
}

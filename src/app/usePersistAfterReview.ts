import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useDb } from '../db/react';
import { requestPersistenceOnce } from '../db/storageStatus';
import { now } from '../stores/clock';
import { useReviewSession } from '../stores/reviewSession';

/**
 * After the first review session (cards were answered, then the queue ran out or the user left the review
 * screen), asks the browser to keep Cardinal's data (navigator.storage.persist), once.
 */
export function usePersistAfterReview() {
  const db = useDb();
  const { pathname } = useLocation();
  const wasReviewing = useRef(false);
  useEffect(() => {
    const reviewing = pathname.startsWith('/review/');
    const left = wasReviewing.current && !reviewing;
    wasReviewing.current = reviewing;
    if (left && useReviewSession.getState().answered > 0)
      void requestPersistenceOnce(db, now()).catch(() => {});
  }, [db, pathname]);
  useEffect(
    () =>
      useReviewSession.subscribe((state, previous) => {
        // The queue ran out (nothing showing) after at least one answer.
        if (state.showing === null && previous.showing !== null && state.answered > 0)
          void requestPersistenceOnce(db, now()).catch(() => {});
      }),
    [db],
  );
}

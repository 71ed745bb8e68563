import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import type { CardinalDb } from '../db/database';
import { useDb } from '../db/react';
import { now } from '../stores/clock';
import { useReviewSession } from '../stores/reviewSession';

/**
 * After the first review session (cards were answered, then the queue ran out or the user left the review
 * screen), asks the browser to keep Cardinal's data (navigator.storage.persist), once. Its code loads only then.
 */
const persist = (db: CardinalDb) =>
  import('../db/storageStatus').then((m) => m.requestPersistenceOnce(db, now())).catch(() => {});

export function usePersistAfterReview() {
  const db = useDb();
  const { pathname } = useLocation();
  const wasReviewing = useRef(false);
  useEffect(() => {
    const reviewing = pathname.startsWith('/review/');
    const left = wasReviewing.current && !reviewing;
    wasReviewing.current = reviewing;
    if (left && useReviewSession.getState().answered > 0) void persist(db);
  }, [db, pathname]);
  useEffect(
    () =>
      useReviewSession.subscribe((state, previous) => {
        // The queue ran out (nothing showing) after at least one answer.
        if (state.showing === null && previous.showing !== null && state.answered > 0) void persist(db);
      }),
    [db],
  );
}

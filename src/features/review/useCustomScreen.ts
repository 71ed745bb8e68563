import { useEffect, useMemo } from 'react';
import { readCustomItem, readCustomStudyItems } from '../../db/customStudy';
import { useDb, useDbQuery } from '../../db/react';
import { ALL_DECKS, loadReviewScope, type ReviewScreen } from '../../db/reviewScreen';
import {
  type CustomStudy,
  currentItemId,
  parseItemKey,
  remaining,
  writesAnswers,
} from '../../domain/customStudy';
import { attempt } from '../../stores/actionErrors';
import { now } from '../../stores/clock';
import { useCustomSession } from '../../stores/customSession';

export type CustomInfo = { study: CustomStudy; writes: boolean; total: number; left: number };

/** The review screen's data for a custom study session of one deck or all (null: no such deck or section). */
export function useCustomScreen(
  scope: string,
  custom: CustomStudy | null,
  sessionKey: string,
): (ReviewScreen & { custom: CustomInfo }) | null | undefined {
  const db = useDb();
  const section = custom?.mode === 'cram' ? (custom.section ?? null) : null;
  const reviewScope = useDbQuery(
    async (db) =>
      custom === null || (section !== null && scope === ALL_DECKS)
        ? null
        : loadReviewScope(db, scope, section),
    [custom === null, scope, section],
  );
  const { key, session, start, lastLogId } = useCustomSession();
  const started = key === sessionKey ? session : null;

  useEffect(() => {
    if (!custom || !reviewScope || key === sessionKey) return;
    let live = true;
    void attempt('The custom study session could not be read', async () => {
      const order = await readCustomStudyItems(db, reviewScope, custom, now());
      if (live) start(sessionKey, order);
      return true;
    });
    return () => {
      live = false;
    };
  }, [db, custom, reviewScope, key, sessionKey, start]);

  const currentKey = started ? currentItemId(started) : null;
  const read = useDbQuery(
    (db) =>
      started
        ? readCustomItem(db, currentKey === null ? null : parseItemKey(currentKey), lastLogId)
        : Promise.resolve(undefined),
    [started !== null, currentKey, lastLogId],
  );

  return useMemo(() => {
    if (custom === null || reviewScope === null) return null;
    if (reviewScope === undefined || !started || read === undefined) return undefined;
    const left = remaining(started);
    const current = read.item ?? null;
    return {
      ...reviewScope,
      asOf: now(),
      queue: {
        current,
        counts:
          custom.mode === 'preview'
            ? { new: left, learning: 0, review: 0 }
            : { new: 0, learning: 0, review: left },
        nextLearningDue: null,
      },
      card: read.card,
      undoable: read.lastLog?.source === 'review' ? read.lastLog : undefined,
      nextDue: null,
      readAhead: {},
      custom: { study: custom, writes: writesAnswers(custom), total: started.order.length, left },
    };
  }, [custom, reviewScope, started, read]);
}

/**
 * A deck's review history as the optimizer needs it: per review item, its answers in time order with their study
 * day. Items whose history does not start with their first answer as a new card (an import of part of a
 * history) are left out, as Anki does: the fit would take a later answer for a first one.
 */
import type { CardinalDb } from '../../db/database';
import { getSchedulerSettings } from '../../db/schedulerSettingsRepo';
import { forEachLogPage } from '../../db/statsReads';
import type { ScheduleSettings } from '../../domain/fsrsParameters';
import type { FitReview } from '../../domain/schedulerFit';
import { studyDayIndexer } from '../../domain/stats/studyDays';

export async function fitHistories(
  db: CardinalDb,
  deckId: string,
): Promise<{ histories: FitReview[][]; settings: ScheduleSettings }> {
  const settings = await getSchedulerSettings(db, deckId);
  const dayOf = studyDayIndexer(settings.dayStartHour);
  const byItem = new Map<string, FitReview[] | null>();
  // Pages come oldest first, so each item's answers arrive in time order.
  await forEachLogPage(db, deckId, -Infinity, (logs) => {
    for (const log of logs) {
      let history = byItem.get(log.itemId);
      if (history === undefined) {
        history = log.state === 0 ? [] : null;
        byItem.set(log.itemId, history);
      }
      history?.push({ rating: log.rating, day: dayOf(log.review) });
    }
  });
  return { histories: [...byItem.values()].filter((h) => h !== null), settings };
}

import { useCallback } from 'react';
import { useDb, useDbQuery } from '../../db/react';
import { getSchedulerSettings, rescheduleDeck, saveSchedulerSettings } from '../../db/schedulerSettingsRepo';
import type { SchedulerSettings } from '../../domain/settings';
import { now } from '../../stores/clock';

export function useDeckSettings(deckId: string) {
  const db = useDb();
  const data = useDbQuery(
    async (database) => {
      const deck = await database.decks.get(deckId);
      return deck ? { deck, settings: await getSchedulerSettings(database, deckId) } : null;
    },
    [deckId],
  );
  const save = useCallback(
    (settings: SchedulerSettings) => saveSchedulerSettings(db, deckId, settings),
    [db, deckId],
  );
  const reschedule = useCallback(
    (settings: SchedulerSettings) => rescheduleDeck(db, deckId, settings, now()),
    [db, deckId],
  );
  return { data, save, reschedule };
}

import { nextStudyDayStart } from '../domain/day';
import { addExtraNew, extraNewKey, extraNewSchema } from '../domain/studyMore';
import type { CardinalDb } from './database';
import { getSchedulerSettings } from './schedulerSettingsRepo';

/** Raises today's new card limit of a deck by `n` (until the next study day starts). */
export async function learnMoreToday(db: CardinalDb, deckId: string, n: number, now: number): Promise<void> {
  await db.transaction('rw', [db.settings], async () => {
    const settings = await getSchedulerSettings(db, deckId);
    const row = await db.settings.get(extraNewKey(deckId));
    const parsed = extraNewSchema.safeParse(row?.value);
    const next = addExtraNew(
      parsed.success ? parsed.data : undefined,
      n,
      now,
      nextStudyDayStart(now, settings.dayStartHour),
    );
    await db.settings.put({ key: extraNewKey(deckId), value: next });
  });
}

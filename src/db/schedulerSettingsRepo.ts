import { queueOf } from '../domain/records';
import { rescheduleFromHistory } from '../domain/scheduler';
import {
  normalizeSchedulerSettings,
  type SchedulerSettings,
  schedulerSettingsKey,
  schedulerSettingsSchema,
} from '../domain/settings';
import type { CardinalDb } from './database';

export async function getSchedulerSettings(db: CardinalDb, deckId: string): Promise<SchedulerSettings> {
  const row = await db.settings.get(schedulerSettingsKey(deckId));
  return normalizeSchedulerSettings(row?.value);
}

/** Validates and stores a deck's settings; throws with the field's message when invalid. */
export async function saveSchedulerSettings(db: CardinalDb, deckId: string, settings: SchedulerSettings) {
  const parsed = schedulerSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Setting "${issue?.path.join('.') ?? '?'}" ${issue?.message ?? 'is invalid'}`);
  }
  await db.settings.put({ key: schedulerSettingsKey(deckId), value: parsed.data });
}

/**
 * Recomputes every reviewed item of a deck from its review history under `settings` (ts-fsrs reschedule), in one
 * transaction. Returns how many items changed due date.
 */
export async function rescheduleDeck(
  db: CardinalDb,
  deckId: string,
  settings: SchedulerSettings,
  now: number,
) {
  return db.transaction('rw', [db.cardStates, db.reviewLogs], async () => {
    const logs = await db.reviewLogs
      .where('[deckId+review]')
      .between([deckId, -Infinity], [deckId, Infinity])
      .toArray();
    const byItem = new Map<string, typeof logs>();
    for (const log of logs) byItem.set(log.itemId, [...(byItem.get(log.itemId) ?? []), log]);
    let changed = 0;
    for (const [itemId, history] of byItem) {
      const item = await db.cardStates.get([deckId, itemId]);
      if (!item || item.retired) continue;
      const fsrs = rescheduleFromHistory(item.fsrs, history, now, settings);
      if (!fsrs || fsrs.due === item.fsrs.due) continue;
      changed++;
      const next = { ...item, fsrs, due: fsrs.due };
      await db.cardStates.put({ ...next, queue: queueOf(next) });
    }
    return changed;
  });
}

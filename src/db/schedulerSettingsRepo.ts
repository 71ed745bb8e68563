import {
  type FittedParameters,
  fittedParametersKey,
  fittedParametersSchema,
  type ScheduleSettings,
} from '../domain/fsrsParameters';
import { queueOf } from '../domain/records';
import { rescheduleFromHistory } from '../domain/scheduler';
import {
  normalizeSchedulerSettings,
  type SchedulerSettings,
  schedulerSettingsKey,
  schedulerSettingsSchema,
} from '../domain/settings';
import type { CardinalDb } from './database';

/** A deck's settings, with its fitted FSRS parameters when it has some. */
export async function getSchedulerSettings(db: CardinalDb, deckId: string): Promise<ScheduleSettings> {
  const [row, fitted] = await Promise.all([
    db.settings.get(schedulerSettingsKey(deckId)),
    getFittedParameters(db, deckId),
  ]);
  const settings = normalizeSchedulerSettings(row?.value);
  return fitted ? { ...settings, fsrsParameters: fitted.parameters } : settings;
}

/** The FSRS parameters fitted to a deck's history ("Optimize parameters"), or null (defaults in use). */
export async function getFittedParameters(db: CardinalDb, deckId: string): Promise<FittedParameters | null> {
  const row = await db.settings.get(fittedParametersKey(deckId));
  const parsed = fittedParametersSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/**
 * Stores fitted parameters for a deck (null: back to the defaults) and, when asked, reschedules its reviewed
 * items from their history under them; all in one transaction. Returns how many items changed due date.
 */
export async function applyFittedParameters(
  db: CardinalDb,
  deckId: string,
  fitted: FittedParameters | null,
  options: { reschedule: boolean; now: number },
): Promise<number> {
  const value = fitted === null ? null : fittedParametersSchema.parse(fitted);
  return db.transaction('rw', [db.settings, db.cardStates, db.reviewLogs], async () => {
    if (value === null) await db.settings.delete(fittedParametersKey(deckId));
    else await db.settings.put({ key: fittedParametersKey(deckId), value });
    if (!options.reschedule) return 0;
    const settings = await getSchedulerSettings(db, deckId);
    return rescheduleDeck(db, deckId, settings, options.now);
  });
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
export async function rescheduleDeck(db: CardinalDb, deckId: string, given: ScheduleSettings, now: number) {
  // Settings from the settings form carry no fitted parameters: the deck's stored ones still apply.
  const fitted = given.fsrsParameters ? null : await getFittedParameters(db, deckId);
  const settings = fitted ? { ...given, fsrsParameters: fitted.parameters } : given;
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

import type { CardinalDb } from '../../src/db/database';
import { syncDeck } from '../../src/db/deckInstall';
import type { Deck } from '../../src/domain/deck/schema';
import { DEFAULT_SCHEDULER_SETTINGS, schedulerSettingsKey } from '../../src/domain/settings';

const DAY = 86_400_000;

/**
 * Stores a synthetic deck (id "bench") in a fresh database of this name, half its items studied (reviews due from
 * 30 days ago to 30 days ahead), with Anki's default daily limits. Shared by the bench harnesses.
 */
export async function seedHalfStudied(db: CardinalDb, deck: Deck, now: number): Promise<{ seedMs: number }> {
  await db.delete();
  await db.open();
  const started = performance.now();
  await syncDeck(db, deck, now, { shipped: false });
  let i = 0;
  await db.cardStates.toCollection().modify((item) => {
    i++;
    if (i % 2 === 0) return;
    const due = now + ((i % 61) - 30) * DAY;
    item.fsrs = {
      ...item.fsrs,
      state: 2,
      stability: 10,
      difficulty: 5,
      reps: 3,
      scheduled_days: 10,
      due,
      last_review: due - 10 * DAY,
    };
    item.due = due;
    item.queue = 'review';
  });
  // Daily limits as a user sets them (default 20 new / 200 reviews): the queue's cost follows them, not deck size.
  await db.settings.put({ key: schedulerSettingsKey('bench'), value: DEFAULT_SCHEDULER_SETTINGS });
  return { seedMs: performance.now() - started };
}

import type { CardinalDb } from '../../src/db/database';
import { syncDeck } from '../../src/db/deckInstall';
import { finishExam, startExam } from '../../src/db/examRepo';
import { recordAnswer } from '../../src/db/reviewRepo';
import { putSetting } from '../../src/db/settingsRepo';
import { basic, DAY, freshDb, MINUTE, makeDeck, T0 } from './builders';
import { SETTINGS } from './items';

/** A database with two decks, a few answers on several days, a setting and a finished exam. */
export async function populatedDb(): Promise<CardinalDb> {
  const db = await freshDb();
  await syncDeck(db, makeDeck(), T0, { shipped: true });
  await syncDeck(db, makeDeck({ id: 'other', title: 'Other', cards: [basic('o.one'), basic('o.two')] }), T0, {
    shipped: false,
  });
  await putSetting(db, 'ui:theme', { mode: 'dark' });
  const answer = (deckId: string, itemId: string, now: number, rating: 1 | 2 | 3 | 4) =>
    recordAnswer(db, deckId, itemId, { rating, now, durationMs: 4321, source: 'review' }, SETTINGS);
  await answer('test-deck', 'a.one#1', T0 + MINUTE, 3);
  await answer('test-deck', 'a.one#1', T0 + 2 * DAY, 1);
  await answer('other', 'o.one#1', T0 + 3 * DAY, 2);
  const exam = await startExam(
    db,
    'test-deck',
    {
      count: 2,
      timeLimitMinutes: 10,
      sections: ['beta'],
      tags: [],
      passMark: 70,
      order: 'guide',
      seed: 'populated',
      feedSchedule: false,
      retakeOf: null,
    },
    { id: 'exam-1', now: T0 + 4 * DAY },
  );
  await finishExam(db, exam.id, {
    answers: exam.questions.map(() => ({ choice: [0], flagged: false })),
    elapsedMs: 65_000,
    now: T0 + 4 * DAY + 2 * MINUTE,
    timedOut: false,
  });
  return db;
}

/** Every row of every table, by table name. */
export async function everyTable(db: CardinalDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

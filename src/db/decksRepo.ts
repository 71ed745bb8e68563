import { nextStudyDayStart } from '../domain/day';
import type { DeckRecord } from '../domain/records';
import type { CardinalDb } from './database';

export type DeckCounts = {
  /** Active (not retired) cards. */
  cards: number;
  /** Active review items (a reversed card or a cloze yields several). */
  items: number;
  new: number;
  /** Learning or relearning items due before the next study day starts. */
  learning: number;
  /** Review items due before the next study day starts. */
  review: number;
  suspended: number;
};

export type DeckSummary = { deck: DeckRecord; counts: DeckCounts };

/** The stored content version of each of `ids` that is installed (start-up compares it with the shipped one). */
export async function storedDeckVersions(
  db: CardinalDb,
  ids: readonly string[],
): Promise<Map<string, number>> {
  const rows = await db.decks.bulkGet([...ids]);
  return new Map(rows.flatMap((row) => (row ? [[row.id, row.version] as const] : [])));
}

export function listDecks(db: CardinalDb): Promise<DeckRecord[]> {
  return db.decks.orderBy('id').toArray();
}

/** Counts from the [deckId+queue] and [deckId+queue+due] indexes: no table scan. */
export async function deckCounts(
  db: CardinalDb,
  deck: Pick<DeckRecord, 'id' | 'cardCount'>,
  now: number,
  dayStartHour: number,
): Promise<DeckCounts> {
  const deckId = deck.id;
  const dayEnd = nextStudyDayStart(now, dayStartHour);
  const inQueue = (queue: string) => db.cardStates.where('[deckId+queue]').equals([deckId, queue]).count();
  const dueIn = (queue: string) =>
    db.cardStates
      .where('[deckId+queue+due]')
      .between([deckId, queue, -Infinity], [deckId, queue, dayEnd], true, false)
      .count();
  const [newCount, learningAll, learning, review, reviewAll, suspended] = await Promise.all([
    inQueue('new'),
    inQueue('learning'),
    dueIn('learning'),
    dueIn('review'),
    inQueue('review'),
    inQueue('suspended'),
  ]);
  return {
    cards: deck.cardCount,
    items: newCount + learningAll + reviewAll + suspended,
    new: newCount,
    learning,
    review,
    suspended,
  };
}

export async function deckSummaries(
  db: CardinalDb,
  now: number,
  dayStartHour: number,
): Promise<DeckSummary[]> {
  const decks = await listDecks(db);
  return Promise.all(
    decks.map(async (deck) => ({ deck, counts: await deckCounts(db, deck, now, dayStartHour) })),
  );
}

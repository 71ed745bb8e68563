/**
 * How many cards each section of a deck holds (retired cards left out), from the [deckId+section+queue] index:
 * only keys are read, never the items themselves.
 */
import type { Queue } from '../domain/records';
import type { CardinalDb } from './database';

const LIVE_QUEUES: readonly Queue[] = ['new', 'learning', 'review', 'suspended'];

/** Cards per section id, for the sections given (each counted on its own, not with its children). */
export async function cardsPerSection(
  db: CardinalDb,
  deckId: string,
  sectionIds: readonly string[],
): Promise<Map<string, number>> {
  return db.transaction('r', db.cardStates, async () => {
    const perSection = await Promise.all(
      sectionIds.map((section) =>
        db.cardStates
          .where('[deckId+section+queue]')
          .anyOf(LIVE_QUEUES.map((queue) => [deckId, section, queue]))
          .primaryKeys(),
      ),
    );
    return new Map(
      sectionIds.map((section, i) => {
        // An item id is "<card id>#<ordinal>": a card's items count once.
        const cards = new Set((perSection[i] ?? []).map(([, itemId]) => itemId.replace(/#\d+$/, '')));
        return [section, cards.size];
      }),
    );
  });
}

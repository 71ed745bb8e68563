/**
 * Custom study reads: the items of a session, chosen once when it starts (see domain/customStudy.ts), and the
 * item on screen. Every read walks an index and stops at CUSTOM_STUDY_LIMIT items (the forgotten-cards log walk
 * at FORGOTTEN_LOG_LIMIT logs).
 */
import { CUSTOM_STUDY_LIMIT, type CustomStudy, daysFrom } from '../domain/customStudy';
import type { CardRecord, CardStateRecord, ReviewLogRecord } from '../domain/records';
import type { CardinalDb } from './database';

/** How many of the window's logs (newest first) the forgotten-cards read looks at, at most. */
export const FORGOTTEN_LOG_LIMIT = 20_000;

const studiable = (now: number) => (item: CardStateRecord) =>
  !item.suspended && !item.retired && item.buriedUntil <= now;

/**
 * The item ids of a custom session over one deck, in study order, at most CUSTOM_STUDY_LIMIT.
 * `sectionIds`: for a section cram, the section and its sub-sections.
 */
export async function readCustomStudyItems(
  db: CardinalDb,
  deckId: string,
  custom: CustomStudy,
  now: number,
  sectionIds: readonly string[] = [],
): Promise<string[]> {
  const ids = (items: readonly CardStateRecord[]) => items.map((item) => item.itemId);
  return db.transaction('r', [db.cards, db.cardStates, db.reviewLogs], async () => {
    switch (custom.mode) {
      case 'ahead': {
        const until = daysFrom(now, custom.days, 1);
        const items = await db.cardStates
          .where('[deckId+queue+due]')
          .between([deckId, 'review', -Infinity], [deckId, 'review', until], true, true)
          .filter(studiable(now))
          .limit(CUSTOM_STUDY_LIMIT)
          .toArray();
        return ids(items);
      }
      case 'forgotten': {
        const since = daysFrom(now, custom.days, -1);
        const logs = await db.reviewLogs
          .where('[deckId+review]')
          .between([deckId, since], [deckId, now], true, true)
          .reverse()
          .limit(FORGOTTEN_LOG_LIMIT)
          .toArray();
        const forgotten: string[] = [];
        for (const log of logs) {
          if (log.rating !== 1 || forgotten.includes(log.itemId)) continue;
          forgotten.push(log.itemId);
          if (forgotten.length >= CUSTOM_STUDY_LIMIT) break;
        }
        const items = await db.cardStates.bulkGet(forgotten.map((id) => [deckId, id] as [string, string]));
        return ids(
          items.filter((item): item is CardStateRecord => item !== undefined && studiable(now)(item)),
        );
      }
      case 'preview': {
        const items = await db.cardStates
          .where('[deckId+queue+position]')
          .between([deckId, 'new', -Infinity], [deckId, 'new', Infinity])
          .filter(studiable(now))
          .limit(Math.min(custom.count, CUSTOM_STUDY_LIMIT))
          .toArray();
        return ids(items);
      }
      case 'cram': {
        if (custom.tag !== undefined) {
          const cards = await db.cards
            .where('card.tags')
            .equals(custom.tag)
            .filter((card) => card.deckId === deckId)
            .limit(CUSTOM_STUDY_LIMIT)
            .toArray();
          const perCard = await Promise.all(
            cards.map((card) => db.cardStates.where('[deckId+cardId]').equals([deckId, card.id]).toArray()),
          );
          const items = perCard
            .flat()
            .filter(studiable(now))
            .sort((a, b) => a.position - b.position);
          return ids(items).slice(0, CUSTOM_STUDY_LIMIT);
        }
        const items = await db.cardStates
          .where('[deckId+section]')
          .anyOf(sectionIds.map((id) => [deckId, id]))
          .filter(studiable(now))
          .limit(CUSTOM_STUDY_LIMIT)
          .toArray();
        return ids(items.sort((a, b) => a.position - b.position));
      }
    }
  });
}

/** The item on screen and its card, and the session's last counted answer (for undo), read together. */
export async function readCustomItem(
  db: CardinalDb,
  deckId: string,
  itemId: string | null,
  lastLogId: number | null = null,
): Promise<{
  item: CardStateRecord | undefined;
  card: CardRecord | undefined;
  lastLog: ReviewLogRecord | undefined;
}> {
  return db.transaction('r', [db.cards, db.cardStates, db.reviewLogs], async () => {
    const [item, lastLog] = await Promise.all([
      itemId === null ? undefined : db.cardStates.get([deckId, itemId]),
      lastLogId === null ? undefined : db.reviewLogs.get(lastLogId),
    ]);
    const card = item ? await db.cards.get([deckId, item.cardId]) : undefined;
    return { item, card, lastLog };
  });
}

/** Every tag in use, from the `*card.tags` index keys (one step per distinct tag, never per card). */
export async function listTags(db: CardinalDb): Promise<string[]> {
  const keys = await db.cards.orderBy('card.tags').uniqueKeys();
  return keys.filter((key): key is string => typeof key === 'string');
}

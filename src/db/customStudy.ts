/**
 * Custom study reads: the items of a session, chosen once when it starts (see domain/customStudy.ts), over one
 * deck or every deck, and the item on screen. Every read walks an index and stops at CUSTOM_STUDY_LIMIT items
 * (the forgotten-cards log walk at FORGOTTEN_LOG_LIMIT logs). Sessions that count as reviews keep the daily
 * queue's sibling rule (domain/queue.ts `sessionSiblingGate`).
 */
import { CUSTOM_STUDY_LIMIT, type CustomStudy, daysFrom, itemKey } from '../domain/customStudy';
import { sessionSiblingGate } from '../domain/queue';
import type { CardRecord, CardStateRecord, ReviewLogRecord } from '../domain/records';
import type { CardinalDb } from './database';
import { todaysLogs } from './reviewDay';
import type { ReviewScope } from './reviewScreen';

/** How many of the window's logs (newest first) the forgotten-cards read looks at, at most. */
export const FORGOTTEN_LOG_LIMIT = 20_000;

const studiable = (now: number) => (item: CardStateRecord) =>
  !item.suspended && !item.retired && item.buriedUntil <= now;

const keysOf = (items: readonly CardStateRecord[]) => items.map((item) => itemKey(item.deckId, item.itemId));

/** Per deck of the scope, the sibling gate of a session that counts as reviews (from the deck's logs of today). */
async function siblingGates(
  db: CardinalDb,
  scope: Pick<ReviewScope, 'decks' | 'settings'>,
  now: number,
): Promise<Map<string, (item: CardStateRecord) => boolean>> {
  const logs = await Promise.all(
    scope.decks.map((d) => todaysLogs(db, d.id, now, scope.settings[d.id]?.dayStartHour ?? 4)),
  );
  return new Map(scope.decks.map((d, i) => [d.id, sessionSiblingGate(logs[i] ?? [], now)]));
}

/**
 * The item keys (`<deck>/<item>`) of a custom session over the decks of `scope`, in study order, at most
 * CUSTOM_STUDY_LIMIT. A section cram takes the scope's section and its sub-sections.
 */
export async function readCustomStudyItems(
  db: CardinalDb,
  scope: Pick<ReviewScope, 'decks' | 'settings' | 'section' | 'allDecks'>,
  custom: CustomStudy,
  now: number,
): Promise<string[]> {
  const deckIds = scope.decks.map((d) => d.id);
  return db.transaction('r', [db.cards, db.cardStates, db.reviewLogs], async () => {
    switch (custom.mode) {
      case 'ahead': {
        const until = daysFrom(now, custom.days, 1);
        const gates = await siblingGates(db, scope, now);
        const perDeck = await Promise.all(
          deckIds.map((deckId) => {
            const gate = gates.get(deckId) ?? (() => true);
            return db.cardStates
              .where('[deckId+queue+due]')
              .between([deckId, 'review', -Infinity], [deckId, 'review', until], true, true)
              .filter((item) => studiable(now)(item) && gate(item))
              .limit(CUSTOM_STUDY_LIMIT)
              .toArray();
          }),
        );
        // Across decks, the earliest due first.
        const items = perDeck.flat().sort((a, b) => a.due - b.due);
        return keysOf(items.slice(0, CUSTOM_STUDY_LIMIT));
      }
      case 'forgotten': {
        const since = daysFrom(now, custom.days, -1);
        const window =
          deckIds.length === 1
            ? db.reviewLogs
                .where('[deckId+review]')
                .between([deckIds[0], since], [deckIds[0], now], true, true)
            : db.reviewLogs.where('review').between(since, now, true, true);
        const inScope = new Set(deckIds);
        const logs = await window.reverse().limit(FORGOTTEN_LOG_LIMIT).toArray();
        const forgotten = new Map<string, [string, string]>();
        for (const log of logs) {
          if (log.rating !== 1 || !inScope.has(log.deckId)) continue;
          forgotten.set(itemKey(log.deckId, log.itemId), [log.deckId, log.itemId]);
          // Siblings are dropped below, so a few more than the session holds are looked up.
          if (forgotten.size >= 2 * CUSTOM_STUDY_LIMIT) break;
        }
        const [items, gates] = await Promise.all([
          db.cardStates.bulkGet([...forgotten.values()]),
          siblingGates(db, scope, now),
        ]);
        const kept = items.filter(
          (item): item is CardStateRecord =>
            item !== undefined && studiable(now)(item) && (gates.get(item.deckId) ?? (() => true))(item),
        );
        return keysOf(kept.slice(0, CUSTOM_STUDY_LIMIT));
      }
      case 'preview': {
        // Deck by deck (in the scope's order), each in deck order.
        const wanted = Math.min(custom.count, CUSTOM_STUDY_LIMIT);
        const items: CardStateRecord[] = [];
        for (const deckId of deckIds) {
          if (items.length >= wanted) break;
          items.push(
            ...(await db.cardStates
              .where('[deckId+queue+position]')
              .between([deckId, 'new', -Infinity], [deckId, 'new', Infinity])
              .filter(studiable(now))
              .limit(wanted - items.length)
              .toArray()),
          );
        }
        return keysOf(items);
      }
      case 'cram': {
        if (custom.tag !== undefined) {
          const cards = await taggedCardKeys(
            db,
            deckIds,
            custom.tag,
            CUSTOM_STUDY_LIMIT,
            scope.allDecks === true,
          );
          const perCard = await Promise.all(
            cards.map((key) => db.cardStates.where('[deckId+cardId]').equals(key).toArray()),
          );
          const items = perCard
            .flat()
            .filter(studiable(now))
            .sort((a, b) => a.deckId.localeCompare(b.deckId) || a.position - b.position);
          return keysOf(items.slice(0, CUSTOM_STUDY_LIMIT));
        }
        const deckId = deckIds[0];
        if (deckIds.length !== 1 || deckId === undefined || !scope.section) return [];
        const items = await db.cardStates
          .where('[deckId+section]')
          .anyOf(scope.section.ids.map((id) => [deckId, id]))
          .filter(studiable(now))
          .limit(CUSTOM_STUDY_LIMIT)
          .toArray();
        return keysOf(items.sort((a, b) => a.position - b.position));
      }
    }
  });
}

/**
 * The [deckId, cardId] keys of the cards of `deckIds` with `tag`, from the `*card.tags` index (keys only: no card is
 * read), at most `limit`, in index order (deck, then card id). Over every deck the index walk itself stops at
 * `limit`; over some decks it reads the tag's keys and keeps those of the decks.
 */
export async function taggedCardKeys(
  db: CardinalDb,
  deckIds: readonly string[],
  tag: string,
  limit: number,
  allDecks = false,
): Promise<[string, string][]> {
  const tagged = db.cards.where('card.tags').equals(tag);
  if (allDecks) return tagged.limit(limit).primaryKeys();
  const decks = new Set(deckIds);
  const keys = await tagged.primaryKeys();
  return keys.filter((key) => decks.has(key[0])).slice(0, limit);
}

/** The item on screen and its card, and the session's last counted answer (for undo), read together. */
export async function readCustomItem(
  db: CardinalDb,
  item: { deckId: string; itemId: string } | null,
  lastLogId: number | null = null,
): Promise<{
  item: CardStateRecord | undefined;
  card: CardRecord | undefined;
  lastLog: ReviewLogRecord | undefined;
}> {
  return db.transaction('r', [db.cards, db.cardStates, db.reviewLogs], async () => {
    const [state, lastLog] = await Promise.all([
      item === null ? undefined : db.cardStates.get([item.deckId, item.itemId]),
      lastLogId === null ? undefined : db.reviewLogs.get(lastLogId),
    ]);
    const card = state ? await db.cards.get([state.deckId, state.cardId]) : undefined;
    return { item: state, card, lastLog };
  });
}

/** Every tag in use, from the `*card.tags` index keys (one step per distinct tag, never per card). */
export async function listTags(db: CardinalDb): Promise<string[]> {
  const keys = await db.cards.orderBy('card.tags').uniqueKeys();
  return keys.filter((key): key is string => typeof key === 'string');
}

/**
 * Browse's bulk actions on selected review items. Each one is a single transaction (changes.ts) and returns the
 * undo with the confirmation to show ("42 cards suspended").
 */
import {
  buryItem,
  flagItem,
  markItem,
  rescheduleItem,
  resetItem,
  retagCard,
  setDueItem,
  suspendItem,
} from '../../domain/browse/bulk';
import { nextStudyDayStart } from '../../domain/day';
import { editedCard } from '../../domain/overrides';
import type { CardRecord, CardStateRecord, DeckRecord, Flag, ReviewLogRecord } from '../../domain/records';
import type { CardinalDb } from '../database';
import { getSchedulerSettings } from '../schedulerSettingsRepo';
import { applyChange, type Change } from './changes';
import type { ItemKey } from './query';
import { itemsOfCards, logsOfItems } from './selectionRows';

export type ActionResult = { undo: Change; message: string };

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

async function readItems(db: CardinalDb, keys: readonly ItemKey[]): Promise<CardStateRecord[]> {
  return (await db.cardStates.bulkGet(keys as ItemKey[])).filter((i) => i !== undefined);
}

/** The distinct cards ([deckId, cardId]) of the selected items. */
function cardKeysOf(keys: readonly ItemKey[]): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const [deckId, itemId] of keys) {
    const cardId = itemId.slice(0, itemId.lastIndexOf('#'));
    seen.set(`${deckId}\u0001${cardId}`, [deckId, cardId]);
  }
  return [...seen.values()];
}

/** The distinct cards of the selected items. */
async function readCards(db: CardinalDb, keys: readonly ItemKey[]): Promise<CardRecord[]> {
  return (await db.cards.bulkGet(cardKeysOf(keys))).filter((c) => c !== undefined);
}

async function mapItems(
  db: CardinalDb,
  keys: readonly ItemKey[],
  fn: (item: CardStateRecord) => CardStateRecord | undefined,
  verb: string,
): Promise<ActionResult> {
  let changed = 0;
  const undo = await applyChange(db, async () => {
    const before: CardStateRecord[] = [];
    const next: CardStateRecord[] = [];
    for (const item of await readItems(db, keys)) {
      const after = fn(item);
      if (!after) continue;
      before.push(item);
      next.push(after);
    }
    changed = next.length;
    return { put: { cardStates: next }, delete: {}, before: { cardStates: before } };
  });
  return { undo, message: `${plural(changed, 'card')} ${verb}` };
}

export const suspendItems = (db: CardinalDb, keys: readonly ItemKey[], suspended: boolean) =>
  mapItems(db, keys, (i) => suspendItem(i, suspended), suspended ? 'suspended' : 'unsuspended');

export async function buryItems(
  db: CardinalDb,
  keys: readonly ItemKey[],
  buried: boolean,
  now: number,
): Promise<ActionResult> {
  const settings = new Map<string, number>();
  for (const [deckId] of keys)
    if (!settings.has(deckId)) settings.set(deckId, (await getSchedulerSettings(db, deckId)).dayStartHour);
  return mapItems(
    db,
    keys,
    (i) => buryItem(i, buried ? nextStudyDayStart(now, settings.get(i.deckId) ?? 4) : 0),
    buried ? 'buried' : 'unburied',
  );
}

export const flagItems = (db: CardinalDb, keys: readonly ItemKey[], flag: Flag) =>
  mapItems(db, keys, (i) => flagItem(i, flag), flag === 0 ? 'unflagged' : 'flagged');

/** Marks whole cards, as the review screen does. */
export async function markItems(db: CardinalDb, keys: readonly ItemKey[], marked: boolean) {
  const cards = cardKeysOf(keys);
  let changed = 0;
  const undo = await applyChange(db, async () => {
    const items = await itemsOfCards(db, cards);
    changed = cards.length;
    return {
      put: { cardStates: items.map((i) => markItem(i, marked)) },
      delete: {},
      before: { cardStates: items },
    };
  });
  return { undo, message: `${plural(changed, 'card')} ${marked ? 'marked' : 'unmarked'}` };
}

export const resetItems = (db: CardinalDb, keys: readonly ItemKey[], now: number) =>
  mapItems(db, keys, (i) => (i.fsrs.state === 0 ? undefined : resetItem(i, now)), 'reset to new');

export const setDueItems = (db: CardinalDb, keys: readonly ItemKey[], dueAt: number, now: number) =>
  mapItems(db, keys, (i) => setDueItem(i, dueAt, now), 'rescheduled');

/** Recomputes each selected item from its review history under its deck's settings. */
export async function rescheduleItems(db: CardinalDb, keys: readonly ItemKey[], now: number) {
  const settings = new Map<string, Awaited<ReturnType<typeof getSchedulerSettings>>>();
  for (const [deckId] of keys)
    if (!settings.has(deckId)) settings.set(deckId, await getSchedulerSettings(db, deckId));
  let changed = 0;
  const undo = await applyChange(db, async () => {
    const items = await readItems(db, keys);
    const histories = new Map<string, ReviewLogRecord[]>();
    for (const log of await logsOfItems(db, keys)) {
      const k = `${log.deckId}\u0001${log.itemId}`;
      const list = histories.get(k);
      if (list) list.push(log);
      else histories.set(k, [log]);
    }
    const before: CardStateRecord[] = [];
    const next: CardStateRecord[] = [];
    for (const item of items) {
      const history = histories.get(`${item.deckId}\u0001${item.itemId}`) ?? [];
      history.sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
      const s = settings.get(item.deckId);
      const after = s ? rescheduleItem(item, history, now, s) : undefined;
      if (after) {
        before.push(item);
        next.push(after);
      }
    }
    changed = next.length;
    return { put: { cardStates: next }, delete: {}, before: { cardStates: before } };
  });
  return { undo, message: `${plural(changed, 'card')} rescheduled from history` };
}

async function decksById(db: CardinalDb, ids: Iterable<string>): Promise<Map<string, DeckRecord>> {
  const decks = await db.decks.bulkGet([...new Set(ids)]);
  return new Map(decks.filter((d) => d !== undefined).map((d) => [d.id, d]));
}

export async function retagItems(
  db: CardinalDb,
  keys: readonly ItemKey[],
  add: readonly string[],
  remove: readonly string[],
) {
  let changed = 0;
  const undo = await applyChange(db, async () => {
    const cards = await readCards(db, keys);
    const decks = await decksById(
      db,
      cards.map((c) => c.deckId),
    );
    const next = cards.flatMap((c) => {
      const card = retagCard(c.card, add, remove);
      if (JSON.stringify(card) === JSON.stringify(c.card)) return [];
      return [editedCard(c, card, decks.get(c.deckId)?.shipped ?? false)];
    });
    changed = next.length;
    return { put: { cards: next }, delete: {} };
  });
  return { undo, message: `Tags changed on ${plural(changed, 'card')}` };
}

/** Removed from a deck: gone, or, in a shipped deck, kept retired so an update does not bring it back. */
function removedFromDeck(card: CardRecord, shipped: boolean): CardRecord | undefined {
  if (!shipped || card.userEdit?.base === null) return undefined;
  const base = card.userEdit ? card.userEdit.base : card.card;
  return { ...card, retired: true, userEdit: { base, deleted: true } };
}

/** Deletes the selected items' cards with all their review items and history. */
export async function deleteItems(db: CardinalDb, keys: readonly ItemKey[]): Promise<ActionResult> {
  let removed = 0;
  const undo = await applyChange(db, async () => {
    const cards = await readCards(db, keys);
    const decks = await decksById(
      db,
      cards.map((c) => c.deckId),
    );
    const itemRows = await itemsOfCards(
      db,
      cards.map((c) => [c.deckId, c.id] as const),
    );
    const items = itemRows.map((i): ItemKey => [i.deckId, i.itemId]);
    const logRows = await logsOfItems(db, items);
    const logs = logRows.map((l) => l.id);
    const retired: CardRecord[] = [];
    const gone: unknown[] = [];
    const counts = new Map<string, number>();
    for (const c of cards) {
      const kept = removedFromDeck(c, decks.get(c.deckId)?.shipped ?? false);
      if (kept) retired.push(kept);
      else gone.push([c.deckId, c.id]);
      if (!c.retired) counts.set(c.deckId, (counts.get(c.deckId) ?? 0) + 1);
    }
    removed = cards.length;
    const deckRows = [...decks.values()].map((d) => ({
      ...d,
      cardCount: Math.max(0, d.cardCount - (counts.get(d.id) ?? 0)),
    }));
    return {
      put: { cards: retired, decks: deckRows },
      delete: { cards: gone, cardStates: items, reviewLogs: logs },
      // Everything it overwrites or deletes is read above (deck rows are few: read again by the write).
      before: { cards, cardStates: itemRows, reviewLogs: logRows },
    };
  });
  return { undo, message: `${plural(removed, 'card')} deleted` };
}

/**
 * Moves the selected items' cards, with their review items and history, to another deck. A card whose id is
 * already in the target deck stays where it is. Its section is kept when the target has it, else the target's
 * first section.
 */
export async function moveItems(
  db: CardinalDb,
  keys: readonly ItemKey[],
  targetDeckId: string,
): Promise<ActionResult> {
  let moved = 0;
  let skipped = 0;
  const undo = await applyChange(db, async () => {
    const target = await db.decks.get(targetDeckId);
    if (!target) throw new Error(`There is no deck "${targetDeckId}"`);
    const cards = (await readCards(db, keys)).filter((c) => c.deckId !== targetDeckId);
    const decks = await decksById(db, [...cards.map((c) => c.deckId), targetDeckId]);
    const taken = await db.cards.bulkGet(cards.map((c) => [targetDeckId, c.id]));
    const sectionIds = new Set<string>();
    const walk = (ss: DeckRecord['sections']) => {
      for (const s of ss) {
        sectionIds.add(s.id);
        walk(s.children ?? []);
      }
    };
    walk(target.sections);
    const firstSection = target.sections[0]?.id ?? 'default';
    const last = await db.cards.where('deckId').equals(targetDeckId).count();
    const change: Change = {
      put: { cards: [], cardStates: [], reviewLogs: [] },
      delete: { cards: [], cardStates: [] },
    };
    const counts = new Map<string, number>();
    const movingCards = cards.filter((_, i) => !taken[i]);
    const itemsByCard = new Map<string, CardStateRecord[]>();
    const itemRows = await itemsOfCards(
      db,
      movingCards.map((c) => [c.deckId, c.id] as const),
    );
    for (const item of itemRows) {
      const k = `${item.deckId}\u0001${item.cardId}`;
      itemsByCard.set(k, [...(itemsByCard.get(k) ?? []), item]);
    }
    const logsByItem = new Map<string, ReviewLogRecord[]>();
    for (const log of await logsOfItems(
      db,
      itemRows.map((i) => [i.deckId, i.itemId] as const),
    )) {
      const k = `${log.deckId}\u0001${log.itemId}`;
      logsByItem.set(k, [...(logsByItem.get(k) ?? []), log]);
    }
    for (const [i, c] of cards.entries()) {
      if (taken[i]) {
        skipped++;
        continue;
      }
      moved++;
      const section = sectionIds.has(c.card.section) ? c.card.section : firstSection;
      const card = { ...c.card, section };
      const moving: CardRecord = {
        deckId: targetDeckId,
        id: c.id,
        position: last + moved,
        retired: false,
        card,
        ...(c.addedAt !== undefined ? { addedAt: c.addedAt } : {}),
        ...(target.shipped ? { userEdit: { base: null } } : {}),
      };
      change.put.cards?.push(moving);
      const left = removedFromDeck(c, decks.get(c.deckId)?.shipped ?? false);
      if (left) change.put.cards?.push(left);
      else change.delete.cards?.push([c.deckId, c.id]);
      counts.set(c.deckId, (counts.get(c.deckId) ?? 0) - 1);
      counts.set(targetDeckId, (counts.get(targetDeckId) ?? 0) + 1);
      const items = itemsByCard.get(`${c.deckId}\u0001${c.id}`) ?? [];
      for (const item of items) {
        change.delete.cardStates?.push([item.deckId, item.itemId]);
        change.put.cardStates?.push({
          ...item,
          deckId: targetDeckId,
          section,
          position: (last + moved) * 100 + item.ordinal,
        });
        const logs = logsByItem.get(`${item.deckId}\u0001${item.itemId}`) ?? [];
        for (const log of logs) change.put.reviewLogs?.push({ ...log, deckId: targetDeckId });
      }
    }
    change.put.decks = [...decks.values()].map((d) => ({
      ...d,
      cardCount: Math.max(0, d.cardCount + (counts.get(d.id) ?? 0)),
    }));
    return change;
  });
  const note = skipped > 0 ? ` (${plural(skipped, 'card')} already in that deck stayed)` : '';
  return { undo, message: `${plural(moved, 'card')} moved to another deck${note}` };
}

/**
 * Installing or updating a deck, as a pure plan the db layer writes in one transaction.
 * Rules: cards whose id is unchanged keep their review state (content may be corrected); new cards and new
 * items (e.g. a new cloze deletion) arrive as new; cards or items no longer in the deck are retired (kept with
 * their logs, never shown); a retired card that comes back is restored with its old state.
 *
 * The override layer (overrides.ts): in a shipped deck, a card the user changed or added is the user's. A shipped
 * update keeps the user's version (recording a changed or removed shipped text as `userEdit.upstream`), and
 * keeps cards the user deleted deleted. A user's own write into a shipped deck (an import) marks what it
 * changes or adds as the user's, so the next shipped update does not overwrite it.
 */
import { newItemState } from './cardItems';
import { reviewItemsOf } from './deck/reviewItems';
import type { Card, Deck } from './deck/schema';
import { addedCard, editedCard, mergeShippedCard } from './overrides';
import { type CardRecord, type CardStateRecord, type DeckRecord, queueOf } from './records';

export type DeckSyncPlan = {
  deck: DeckRecord;
  /** Cards to insert or overwrite. Unchanged cards are left out. */
  cards: CardRecord[];
  /** Items to insert or overwrite. Untouched items are left out. */
  items: CardStateRecord[];
  summary: {
    added: number;
    updated: number;
    unchanged: number;
    retired: number;
    restored: number;
    /** Cards the user changed whose shipped text changed too: Browse asks "keep mine / take theirs". */
    conflicts?: number;
  };
};

export type StoredDeck = {
  deck: DeckRecord | undefined;
  cards: readonly CardRecord[];
  items: readonly CardStateRecord[];
};

/**
 * `addedAt`: when each card of the file was created, by card id (an Anki note's creation time), for cards new to
 * the deck; others are added `now`. A stored card keeps its own date.
 */
export function planDeckSync(
  deck: Deck,
  stored: StoredDeck,
  now: number,
  shipped: boolean,
  addedAt?: Readonly<Record<string, number>>,
): DeckSyncPlan {
  const { cards: deckCards, added: fileAdded, ...meta } = deck;
  const addedOf = addedAt ?? fileAdded;
  const storedCards = new Map(stored.cards.map((c) => [c.id, c]));
  const storedItems = new Map(stored.items.map((i) => [i.itemId, i]));
  const summary: DeckSyncPlan['summary'] = { added: 0, updated: 0, unchanged: 0, retired: 0, restored: 0 };
  const cards: CardRecord[] = [];
  const items: CardStateRecord[] = [];
  const liveItemIds = new Set<string>();

  const shippedUpdate = shipped;
  const userWriteIntoShipped = !shipped && stored.deck?.shipped === true;

  const keepItems = (card: Card, position: number) => {
    for (const ref of reviewItemsOf(card)) {
      liveItemIds.add(ref.itemId);
      const itemPosition = position * 100 + ref.ordinal;
      const existing = storedItems.get(ref.itemId);
      if (!existing) {
        items.push(newItemState(deck.id, ref, card.section, itemPosition, now));
      } else if (
        existing.retired ||
        existing.position !== itemPosition ||
        existing.section !== card.section
      ) {
        const next = { ...existing, retired: false, position: itemPosition, section: card.section };
        items.push({ ...next, queue: queueOf(next) });
      }
    }
  };

  deckCards.forEach((card, position) => {
    const before = storedCards.get(card.id);
    if (shippedUpdate && before?.userEdit) {
      const outcome = mergeShippedCard(before, card, position);
      if (outcome.kind === 'kept') {
        if (outcome.conflict && JSON.stringify(before.userEdit.upstream) !== JSON.stringify(card))
          summary.conflicts = (summary.conflicts ?? 0) + 1;
        summary.unchanged++;
        cards.push(outcome.record);
        if (!outcome.record.retired) keepItems(outcome.record.card, position);
        return;
      }
      summary.updated++;
      cards.push(outcome.record);
      keepItems(outcome.record.card, position);
      return;
    }
    const unchanged =
      before !== undefined &&
      !before.retired &&
      before.position === position &&
      JSON.stringify(before.card) === JSON.stringify(card);
    if (!before) summary.added++;
    else if (before.retired) summary.restored++;
    else if (unchanged) summary.unchanged++;
    else summary.updated++;
    const added = before?.addedAt ?? addedOf?.[card.id] ?? now;
    let record: CardRecord = { deckId: deck.id, id: card.id, position, retired: false, card, addedAt: added };
    if (userWriteIntoShipped) {
      if (!before) record = addedCard(deck.id, card, position, true, added);
      else if (JSON.stringify(before.card) !== JSON.stringify(card))
        record = { ...editedCard(before, card, true), position, retired: false };
      else record = { ...before, position, retired: false };
    } else if (before?.userEdit && !shippedUpdate) record = { ...before, card, position, retired: false };
    // Compare before write: an unchanged card's record stays as stored, so it is left out of the plan.
    if (!unchanged) cards.push(record);
    keepItems(card, position);
  });

  const liveCardIds = new Set(deckCards.map((c) => c.id));
  for (const before of stored.cards) {
    if (liveCardIds.has(before.id) || before.retired) continue;
    if (shippedUpdate && before.userEdit) {
      // Removed upstream, but the user's: kept (asked about when they had edited a shipped card).
      const outcome = mergeShippedCard(before, undefined, before.position);
      if (outcome.kind === 'kept' && outcome.conflict && before.userEdit.upstream !== null)
        summary.conflicts = (summary.conflicts ?? 0) + 1;
      cards.push(outcome.record);
      if (!outcome.record.retired) keepItems(outcome.record.card, before.position);
      continue;
    }
    summary.retired++;
    cards.push({ ...before, retired: true });
  }
  for (const item of stored.items) {
    if (liveItemIds.has(item.itemId) || item.retired) continue;
    items.push({ ...item, retired: true, queue: 'retired' });
  }

  const record: DeckRecord = {
    ...meta,
    shipped: shipped || stored.deck?.shipped === true,
    installedAt: stored.deck?.installedAt ?? now,
    updatedAt: now,
    cardCount: deckCards.length,
  };
  return { deck: record, cards, items, summary };
}

/** A shipped deck replaces the stored one only when its content version is newer. */
export function needsSync(
  shipped: Pick<Deck, 'version'>,
  stored: Pick<DeckRecord, 'version'> | undefined,
): boolean {
  return stored === undefined || shipped.version > stored.version;
}

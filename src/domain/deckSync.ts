/**
 * Installing or updating a deck, as a pure plan the db layer writes in one transaction.
 * Rules: cards whose id is unchanged keep their review state (content may be corrected); new cards and new
 * items (e.g. a new cloze deletion) arrive as new; cards or items no longer in the deck are retired (kept with
 * their logs, never shown); a retired card that comes back is restored with its old state.
 */
import { reviewItemsOf } from './deck/reviewItems';
import type { Deck } from './deck/schema';
import { type CardRecord, type CardStateRecord, type DeckRecord, queueOf } from './records';
import { newFsrsFields } from './scheduler';

export type DeckSyncPlan = {
  deck: DeckRecord;
  /** Cards to insert or overwrite. Unchanged cards are left out. */
  cards: CardRecord[];
  /** Items to insert or overwrite. Untouched items are left out. */
  items: CardStateRecord[];
  summary: { added: number; updated: number; unchanged: number; retired: number; restored: number };
};

export type StoredDeck = {
  deck: DeckRecord | undefined;
  cards: readonly CardRecord[];
  items: readonly CardStateRecord[];
};

export function planDeckSync(deck: Deck, stored: StoredDeck, now: number, shipped: boolean): DeckSyncPlan {
  const { cards: deckCards, ...meta } = deck;
  const storedCards = new Map(stored.cards.map((c) => [c.id, c]));
  const storedItems = new Map(stored.items.map((i) => [i.itemId, i]));
  const summary = { added: 0, updated: 0, unchanged: 0, retired: 0, restored: 0 };
  const cards: CardRecord[] = [];
  const items: CardStateRecord[] = [];
  const liveItemIds = new Set<string>();

  deckCards.forEach((card, position) => {
    const before = storedCards.get(card.id);
    const unchanged =
      before !== undefined &&
      !before.retired &&
      before.position === position &&
      JSON.stringify(before.card) === JSON.stringify(card);
    if (!before) summary.added++;
    else if (before.retired) summary.restored++;
    else if (unchanged) summary.unchanged++;
    else summary.updated++;
    // Compare before write: an unchanged card is left out of the plan, so it is not rewritten.
    if (!unchanged) cards.push({ deckId: deck.id, id: card.id, position, retired: false, card });

    for (const ref of reviewItemsOf(card)) {
      liveItemIds.add(ref.itemId);
      const itemPosition = position * 100 + ref.ordinal;
      const existing = storedItems.get(ref.itemId);
      if (!existing) {
        const fsrs = newFsrsFields(now);
        const fresh = {
          suspended: false,
          retired: false,
          fsrs,
          buriedUntil: 0,
          leech: false,
          flag: 0 as const,
          marked: false,
        };
        items.push({
          deckId: deck.id,
          ...ref,
          section: card.section,
          position: itemPosition,
          ...fresh,
          queue: queueOf(fresh),
          due: fsrs.due,
        });
      } else if (
        existing.retired ||
        existing.position !== itemPosition ||
        existing.section !== card.section
      ) {
        const next = { ...existing, retired: false, position: itemPosition, section: card.section };
        items.push({ ...next, queue: queueOf(next) });
      }
    }
  });

  const liveCardIds = new Set(deckCards.map((c) => c.id));
  for (const before of stored.cards) {
    if (liveCardIds.has(before.id) || before.retired) continue;
    summary.retired++;
    cards.push({ ...before, retired: true });
  }
  for (const item of stored.items) {
    if (liveItemIds.has(item.itemId) || item.retired) continue;
    items.push({ ...item, retired: true, queue: 'retired' });
  }

  const record: DeckRecord = {
    ...meta,
    shipped,
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

/**
 * A card's review items after its content changes (an edit, "take theirs"): items whose id stays keep their
 * review state; new ordinals (a new cloze deletion, "reversed" turned on) arrive as new; ordinals no longer asked
 * are retired (kept with their history, never shown). Ids are `<card id>#<ordinal>`, so fixing wording never
 * touches review state.
 */
import { type ReviewItemRef, reviewItemsOf } from './deck/reviewItems';
import type { Card } from './deck/schema';
import { type CardStateRecord, queueOf } from './records';
import { newFsrsFields } from './scheduler';

export type ItemChange = {
  /** Items to write (new, revived, moved or retired). */
  put: CardStateRecord[];
  /** Ordinals that become new review items. */
  added: number[];
  /** Ordinals no longer asked, with how often each was reviewed. */
  retired: { ordinal: number; reps: number }[];
};

/** A review item that has never been studied: new, in the deck's introduction order. */
export function newItemState(
  deckId: string,
  ref: ReviewItemRef,
  section: string,
  position: number,
  now: number,
  marked = false,
): CardStateRecord {
  const fsrs = newFsrsFields(now);
  const fresh = {
    suspended: false,
    retired: false,
    fsrs,
    buriedUntil: 0,
    leech: false,
    flag: 0 as const,
    marked,
  };
  return { deckId, ...ref, section, position, ...fresh, queue: queueOf(fresh), due: fsrs.due };
}

export function reconcileItems(
  deckId: string,
  card: Card,
  position: number,
  existing: readonly CardStateRecord[],
  now: number,
): ItemChange {
  const byId = new Map(existing.map((i) => [i.itemId, i]));
  const live = new Set<string>();
  const change: ItemChange = { put: [], added: [], retired: [] };
  for (const ref of reviewItemsOf(card)) {
    live.add(ref.itemId);
    const itemPosition = position * 100 + ref.ordinal;
    const before = byId.get(ref.itemId);
    if (!before) {
      change.put.push(
        newItemState(
          deckId,
          ref,
          card.section,
          itemPosition,
          now,
          existing.some((i) => i.marked),
        ),
      );
      change.added.push(ref.ordinal);
    } else if (before.retired || before.section !== card.section || before.position !== itemPosition) {
      const next = { ...before, retired: false, section: card.section, position: itemPosition };
      change.put.push({ ...next, queue: queueOf(next) });
      if (before.retired) change.added.push(ref.ordinal);
    }
  }
  for (const item of existing) {
    if (live.has(item.itemId) || item.retired) continue;
    change.put.push({ ...item, retired: true, queue: 'retired' });
    change.retired.push({ ordinal: item.ordinal, reps: item.fsrs.reps });
  }
  return change;
}

/** The name of an item for people: "Card 2 (back → front)", "c2", "the question". */
export function ordinalName(card: Card, ordinal: number): string {
  if (card.kind === 'cloze') return `deletion c${ordinal}`;
  if (card.kind === 'basic')
    return ordinal === 2 ? 'the reverse (back → front) card' : 'the front → back card';
  return 'the question';
}

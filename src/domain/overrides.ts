/**
 * The override layer: a user's changes to a shipped deck's cards are theirs. The user's version is the card
 * row's `card`; the shipped text it started from is kept apart in `userEdit.base`. A shipped update then
 * (see deckSync.ts):
 * - leaves an edited card alone when its shipped text did not change since `base`;
 * - keeps the user's version when the shipped text changed, and records the new text in `userEdit.upstream`
 *   so Browse shows "updated upstream" with both versions and "keep mine / take theirs";
 * - keeps a card the user added, or edited, when the update removes it (upstream: null), instead of retiring it;
 * - keeps a card the user deleted deleted.
 */
import type { Card } from './deck/schema';
import type { CardRecord, UserEdit } from './records';

const same = (a: Card | null | undefined, b: Card | null | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

/** The card after the user's change. In a shipped deck the shipped text is kept apart. */
export function editedCard(record: CardRecord, next: Card, shippedDeck: boolean): CardRecord {
  if (!shippedDeck) return { ...record, card: next };
  const base = record.userEdit ? record.userEdit.base : record.card;
  const userEdit: UserEdit = { ...record.userEdit, base };
  if (!record.userEdit?.upstream && base !== null && same(base, next)) {
    // Back to the shipped text exactly: nothing of the user's remains.
    const { userEdit: _dropped, ...rest } = record;
    return { ...rest, card: next };
  }
  return { ...record, card: next, userEdit };
}

/** A card the user adds to a deck: in a shipped deck it is marked as the user's (no shipped text). */
export function addedCard(
  deckId: string,
  card: Card,
  position: number,
  shippedDeck: boolean,
  addedAt: number,
): CardRecord {
  const record: CardRecord = { deckId, id: card.id, position, retired: false, card, addedAt };
  return shippedDeck ? { ...record, userEdit: { base: null } } : record;
}

/** The user keeps their version: the new shipped text becomes the base, the conflict is gone. */
export function keepMine(record: CardRecord): CardRecord {
  const upstream = record.userEdit?.upstream;
  if (upstream === undefined || !record.userEdit) return record;
  return { ...record, userEdit: { base: upstream } };
}

/** The user takes the shipped version: their edit is dropped (a card removed upstream is then retired). */
export function takeTheirs(record: CardRecord): CardRecord {
  const upstream = record.userEdit?.upstream;
  if (upstream === undefined) return record;
  const { userEdit: _dropped, ...rest } = record;
  return upstream === null ? { ...rest, retired: true } : { ...rest, card: upstream };
}

export type ShippedCardOutcome =
  | { kind: 'shipped'; record: CardRecord }
  | { kind: 'kept'; record: CardRecord; conflict: boolean };

/**
 * What a shipped update does to one stored card that the user changed. `shipped` is the card in the new
 * shipped deck (undefined when the update removed it).
 */
export function mergeShippedCard(
  stored: CardRecord,
  shipped: Card | undefined,
  position: number,
): ShippedCardOutcome {
  const edit = stored.userEdit;
  if (!edit) throw new Error('mergeShippedCard is for cards the user changed');
  if (edit.deleted) return { kind: 'kept', record: { ...stored, retired: true }, conflict: false };
  const incoming = shipped ?? null;
  if (same(incoming, edit.base)) {
    // Unchanged upstream since the user's edit: the user's version stays, nothing to ask.
    const { upstream: _gone, ...rest } = edit;
    return { kind: 'kept', record: { ...stored, position, userEdit: rest }, conflict: false };
  }
  if (incoming !== null && same(incoming, stored.card)) {
    // Upstream now says what the user wrote: the card is the shipped one again.
    const { userEdit: _dropped, ...rest } = stored;
    return { kind: 'shipped', record: { ...rest, position, retired: false } };
  }
  return {
    kind: 'kept',
    record: { ...stored, position, retired: false, userEdit: { ...edit, upstream: incoming } },
    conflict: true,
  };
}

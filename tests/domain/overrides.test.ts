import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/domain/deck/schema';
import { planDeckSync, type StoredDeck } from '../../src/domain/deckSync';
import { editedCard, keepMine, takeTheirs } from '../../src/domain/overrides';
import type { CardRecord } from '../../src/domain/records';
import { basic, DAY, makeDeck, T0 } from '../helpers/builders';

/** What is stored after installing `deck` as shipped. */
function installed(cards: Card[]): StoredDeck & { cards: CardRecord[] } {
  const plan = planDeckSync(makeDeck({ cards }), { deck: undefined, cards: [], items: [] }, T0, true);
  return { deck: plan.deck, cards: plan.cards, items: plan.items };
}

function withEdit(stored: StoredDeck & { cards: CardRecord[] }, id: string, next: Partial<Card>) {
  const cards = stored.cards.map((c) =>
    c.id === id ? editedCard(c, { ...c.card, ...next } as Card, true) : c,
  );
  return { ...stored, cards };
}

const V1 = [basic('a', { front: 'Shipped question A' }), basic('b'), basic('c')];

describe('override layer: a shipped update never overwrites a user edit silently', () => {
  it('an edited card unchanged upstream keeps the user text, with nothing to ask', () => {
    const stored = withEdit(installed(V1), 'a', { front: 'My question A' });
    const plan = planDeckSync(makeDeck({ version: 2, cards: V1 }), stored, T0 + DAY, true);
    const a = plan.cards.find((c) => c.id === 'a');
    expect(a?.card).toMatchObject({ front: 'My question A' });
    expect(a?.userEdit).toEqual({ base: V1[0] });
    expect(plan.summary.conflicts).toBeUndefined();
  });

  it('an edited card changed upstream keeps the user text and records the new shipped text', () => {
    const stored = withEdit(installed(V1), 'a', { front: 'My question A' });
    const upstream = basic('a', { front: 'Corrected shipped question A' });
    const plan = planDeckSync(
      makeDeck({ version: 2, cards: [upstream, V1[1] as Card, V1[2] as Card] }),
      stored,
      T0 + DAY,
      true,
    );
    const a = plan.cards.find((c) => c.id === 'a') as CardRecord;
    expect(a.card).toMatchObject({ front: 'My question A' });
    expect(a.userEdit).toEqual({ base: V1[0], upstream });
    expect(plan.summary.conflicts).toBe(1);
    // Keep mine: the new shipped text becomes the base, the question is gone.
    expect(keepMine(a)).toMatchObject({ card: { front: 'My question A' }, userEdit: { base: upstream } });
    // Take theirs: the shipped text, no edit left.
    const theirs = takeTheirs(a);
    expect(theirs.card).toEqual(upstream);
    expect(theirs.userEdit).toBeUndefined();
  });

  it('an edited card removed upstream stays (not retired), with its items, and says so', () => {
    const stored = withEdit(installed(V1), 'a', { front: 'My question A' });
    const plan = planDeckSync(
      makeDeck({ version: 2, cards: [V1[1] as Card, V1[2] as Card] }),
      stored,
      T0 + DAY,
      true,
    );
    const a = plan.cards.find((c) => c.id === 'a') as CardRecord;
    expect(a.retired).toBe(false);
    expect(a.userEdit?.upstream).toBeNull();
    expect(plan.items.filter((i) => i.cardId === 'a' && i.retired)).toEqual([]);
    expect(plan.summary.retired).toBe(0);
    // Taking theirs retires it.
    expect(takeTheirs(a).retired).toBe(true);
  });

  it('an unedited card follows the shipped text as before', () => {
    const stored = installed(V1);
    const plan = planDeckSync(
      makeDeck({ version: 2, cards: [V1[0] as Card, basic('b', { front: 'New b' }), V1[2] as Card] }),
      stored,
      T0 + DAY,
      true,
    );
    expect(plan.cards.find((c) => c.id === 'b')?.card).toMatchObject({ front: 'New b' });
    expect(plan.cards.find((c) => c.id === 'b')?.userEdit).toBeUndefined();
  });

  it('cards a user imports into a shipped deck are theirs: the next shipped update keeps them', () => {
    const stored = installed(V1);
    // The user's import: 'b' reworded, 'mine' added.
    const imported = planDeckSync(
      makeDeck({ cards: [V1[0] as Card, basic('b', { front: 'My b' }), V1[2] as Card, basic('mine')] }),
      stored,
      T0 + DAY,
      false,
    );
    expect(imported.deck.shipped).toBe(true);
    const afterImport = {
      deck: imported.deck,
      cards: imported.cards,
      items: [...stored.items, ...imported.items],
    };
    const update = planDeckSync(makeDeck({ version: 2, cards: V1 }), afterImport, T0 + 2 * DAY, true);
    expect(update.cards.find((c) => c.id === 'b')?.card).toMatchObject({ front: 'My b' });
    const mine = update.cards.find((c) => c.id === 'mine');
    expect(mine).toMatchObject({ retired: false, userEdit: { base: null } });
    expect(update.summary.retired).toBe(0);
  });

  it('editing back to the shipped text drops the override', () => {
    const [record] = installed(V1).cards;
    if (!record) throw new Error('seed');
    const edited = editedCard(record, { ...record.card, front: 'x' } as Card, true);
    expect(edited.userEdit).toBeDefined();
    expect(editedCard(edited, record.card, true).userEdit).toBeUndefined();
  });
});

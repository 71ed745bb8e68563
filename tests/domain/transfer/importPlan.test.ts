import { describe, expect, it } from 'vitest';
import { planDeckSync } from '../../../src/domain/deckSync';
import { combineDecks, DEFAULT_MISSING_CARDS } from '../../../src/domain/transfer/importPlan';
import type { ParsedImport } from '../../../src/domain/transfer/parsedImport';
import { basic, makeDeck, T0 } from '../../helpers/builders';

const stored = planDeckSync(makeDeck(), { deck: undefined, cards: [], items: [] }, T0, false);

function fileWith(cards: ParsedImport['deck']['cards']): ParsedImport {
  return { fileName: 'deck.json', deck: { ...makeDeck(), cards }, skipped: [], warnings: [], history: [] };
}

describe('combining an imported file with the stored deck', () => {
  it('keeps, by default, every stored card the file does not have', () => {
    const file = fileWith([basic('a.one', { front: 'Edited?' }), basic('new.card')]);
    const combined = combineDecks(
      file,
      { deckId: 'test-deck', title: 'Test deck', missing: DEFAULT_MISSING_CARDS },
      { deck: stored.deck, cards: stored.cards },
    );
    if (!combined.ok) throw new Error('refused');
    const ids = combined.deck.cards.map((c) => c.id).sort();
    expect(ids).toEqual([...stored.cards.map((c) => c.id), 'new.card'].sort());
    const plan = planDeckSync(combined.deck, { ...stored, deck: stored.deck }, T0, false);
    expect(plan.summary.retired).toBe(0);
  });

  it('retires the missing cards only when asked to', () => {
    const combined = combineDecks(
      fileWith([basic('a.one')]),
      { deckId: 'test-deck', title: 'Test deck', missing: 'retire' },
      { deck: stored.deck, cards: stored.cards },
    );
    if (!combined.ok) throw new Error('refused');
    expect(planDeckSync(combined.deck, stored, T0, false).summary.retired).toBe(4);
  });
});

describe('a file holding part of a stored deck (cards kept)', () => {
  it('changes only the cards it changes: the others keep their place and count as unchanged', () => {
    const deck = makeDeck();
    const second = deck.cards[1];
    if (!second) throw new Error('no second card');
    const combined = combineDecks(
      fileWith([second, basic('new.card')]),
      { deckId: 'test-deck', title: 'Test deck', missing: 'keep' },
      { deck: stored.deck, cards: stored.cards },
    );
    if (!combined.ok) throw new Error('refused');
    expect(combined.deck.cards.map((c) => c.id)).toEqual([...deck.cards.map((c) => c.id), 'new.card']);
    const plan = planDeckSync(combined.deck, stored, T0, false);
    expect(plan.summary).toMatchObject({ added: 1, updated: 0, unchanged: deck.cards.length, retired: 0 });
    expect(plan.cards.map((c) => c.id)).toEqual(['new.card']);
  });
});

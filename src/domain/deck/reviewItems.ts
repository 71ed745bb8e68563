import { parseCloze } from './cloze';
import type { Card } from './schema';

/**
 * A review item is what the scheduler schedules: one card can yield several (a reversed basic card gives
 * two, a cloze gives one per deletion number). Its id is `<card id>#<ordinal>` and never changes, so a
 * card's review state survives content edits.
 */
export type ReviewItemRef = {
  readonly itemId: string;
  readonly cardId: string;
  /** 1 = front→back / c1 / the question; 2 = back→front / c2; n = cn. */
  readonly ordinal: number;
};

export function itemIdOf(cardId: string, ordinal: number): string {
  return `${cardId}#${ordinal}`;
}

export function ordinalsOf(card: Card): number[] {
  switch (card.kind) {
    case 'basic':
      return card.reversed ? [1, 2] : [1];
    case 'cloze': {
      const parsed = parseCloze(card.text);
      return parsed.ok ? [...parsed.numbers] : [];
    }
    case 'mcq':
    case 'truefalse':
      return [1];
  }
}

export function reviewItemsOf(card: Card): ReviewItemRef[] {
  return ordinalsOf(card).map((ordinal) => ({
    itemId: itemIdOf(card.id, ordinal),
    cardId: card.id,
    ordinal,
  }));
}

/** Flashcards are for daily review; mcq and truefalse are exam questions (they can be reviewed too). */
export function isExamQuestion(card: Card): boolean {
  return card.kind === 'mcq' || card.kind === 'truefalse';
}

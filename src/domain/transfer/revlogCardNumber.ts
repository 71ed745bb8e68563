/**
 * The number a review item goes by in a review-log CSV (the FSRS optimizer format groups reviews by a numeric
 * card_id): its Anki card id when it came from an Anki package, else a 53-bit hash (cyrb53) of its deck and item
 * id — stable, so a CSV Cardinal wrote attaches to the same items again. Anki card ids are epoch-ms timestamps;
 * a hash equal to one of them is as unlikely as any 53-bit collision, and Anki ids are matched first.
 */
import { cyrb53 } from '../hash';

export function cardinalItemNumber(deckId: string, itemId: string): number {
  const { h1, h2 } = cyrb53(`${deckId}\u0000${itemId}`);
  return (h2 & 0x1f_ffff) * 0x1_0000_0000 + (h1 >>> 0);
}

export function revlogCardNumber(item: { deckId: string; itemId: string; ankiCardId?: number }): number {
  return item.ankiCardId ?? cardinalItemNumber(item.deckId, item.itemId);
}

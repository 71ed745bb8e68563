/**
 * The search index of a card: the distinct words of all its text, folded (lowercase, accents removed), so a
 * search for "cafe" finds "Café". Stored on each card row (`words`, a multi-entry index) and kept in step with
 * the card's text by the database on every write.
 */
import type { Card } from '../deck/schema';

/** All the text a user could search for in a card, in one string. */
export function cardText(card: Card): string {
  const tags = card.tags?.join(' ') ?? '';
  switch (card.kind) {
    case 'basic':
      return `${card.front} ${card.back} ${tags}`;
    case 'cloze':
      return `${card.text.replace(/\{\{c\d+::|::|\}\}/g, ' ')} ${tags}`;
    case 'mcq':
      return `${card.prompt} ${card.options.join(' ')} ${card.explanation} ${tags}`;
    case 'truefalse':
      return `${card.statement} ${card.explanation} ${tags}`;
  }
}

/** Lowercase, accents removed. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Longer words are cut: an index key stays small and a prefix search still finds them. */
const MAX_WORD = 32;

/** The words of a text, folded and split at anything that is not a letter or digit. */
export function wordsIn(text: string): string[] {
  return (foldText(text).match(WORD) ?? []).map((w) => w.slice(0, MAX_WORD));
}

/** A card's distinct words, sorted. @example wordsOf(basic('VXLAN uses UDP')) // ['udp', 'uses', 'vxlan'] */
export function wordsOf(card: Card): string[] {
  return [...new Set(wordsIn(cardText(card)))].sort();
}

/** The words a search asks for; each must begin some word of a matching card. */
export function queryWords(query: string): string[] {
  return [...new Set(wordsIn(query))];
}

/**
 * The decks that ship with the app: a manifest of {id, version} that start-up compares with the stored deck
 * rows (one small read), and a loader per deck that fetches the deck as its own chunk only when it must be
 * installed or updated. tests/app/shippedDecks.test.ts keeps each version equal to its deck file's.
 */
export type ShippedDeck = { id: string; version: number; load: () => Promise<unknown> };

export const shippedDecks: readonly ShippedDeck[] = [
  {
    id: 'virtualization',
    version: 3,
    load: () => import('../../data/decks/virtualization.json').then((module) => module.default),
  },
];

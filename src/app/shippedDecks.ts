/**
 * The decks that ship with the app, loaded as their own chunk. Each is validated at start-up before anything
 * is stored.
 */
export async function loadShippedDecks(): Promise<unknown[]> {
  const decks = await Promise.all([import('../../data/decks/virtualization.json')]);
  return decks.map((module) => module.default);
}

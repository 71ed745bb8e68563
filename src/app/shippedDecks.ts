/** The decks that ship with the app. Each is validated at start-up before anything is stored. */
import virtualization from '../../data/decks/virtualization.json';

export const shippedDecks: readonly unknown[] = [virtualization];

import { type CardinalDb, createDb } from '../db/database';
import { storedDeckVersions } from '../db/decksRepo';
import { watchOtherTabs } from '../db/otherTabs';
import { now } from '../stores/clock';
import { connectionReplaced, upgradeBlocked } from '../stores/dbConnection';
import { type ShippedDeck, shippedDecks } from './shippedDecks';

export type StartupReport = { installed: string[]; updated: string[]; errors: string[] };
export type BootResult = { db: CardinalDb; report: StartupReport };

/**
 * Opens the database and compares each shipped deck's version with the stored one (one read). Only a deck that
 * is missing or older is fetched, validated and written (startup.ts, its own chunk with the deck schema and the
 * scheduler); a warm start loads neither.
 */
export async function boot(): Promise<BootResult> {
  const db = createDb();
  watchOtherTabs(db, { replaced: connectionReplaced, blocked: upgradeBlocked });
  const stale = await staleShippedDecks(db, shippedDecks);
  scheduleSnapshot(db);
  if (stale.length === 0) return { db, report: { installed: [], updated: [], errors: [] } };
  const [{ installShippedDecks }, decks] = await Promise.all([
    import('./startup'),
    Promise.all(stale.map((deck) => deck.load())),
  ]);
  const report = await installShippedDecks(db, decks, now());
  for (const error of report.errors) console.error(`Shipped deck is invalid: ${error}`);
  return { db, report };
}

/** The shipped decks whose stored copy is missing or has an older version. */
export async function staleShippedDecks(
  db: CardinalDb,
  decks: readonly ShippedDeck[],
): Promise<ShippedDeck[]> {
  const stored = await storedDeckVersions(
    db,
    decks.map((deck) => deck.id),
  );
  return decks.filter((deck) => {
    const version = stored.get(deck.id);
    return version === undefined || deck.version > version;
  });
}

/**
 * The daily snapshot, at the first quiet moment a few seconds after start (db/snapshots.ts), so it does not
 * compete with the first screen or hold up an answer; its code loads then too.
 */
function scheduleSnapshot(db: CardinalDb) {
  setTimeout(() => {
    import('../db/snapshots')
      .then(({ keepDailySnapshot }) => keepDailySnapshot(db, { now }))
      .catch((error: unknown) => console.warn('The daily snapshot could not be taken:', error));
  }, 5_000);
}

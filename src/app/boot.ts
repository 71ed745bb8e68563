import { type CardinalDb, createDb } from '../db/database';
import { watchOtherTabs } from '../db/otherTabs';
import { takeScheduledSnapshot } from '../db/snapshots';
import { now, setNowForTests } from '../stores/clock';
import { connectionReplaced, upgradeBlocked } from '../stores/dbConnection';
import { loadShippedDecks } from './shippedDecks';
import { installShippedDecks, type StartupReport } from './startup';

export type BootResult = { db: CardinalDb; report: StartupReport };

declare global {
  interface Window {
    /** Hooks for end-to-end tests; harmless to users (setNow freezes the app's clock at a time). */
    __cardinalTest?: { setNow: (epochMs: number) => void; now: () => number };
  }
}

export async function boot(): Promise<BootResult> {
  window.__cardinalTest = { setNow: setNowForTests, now };
  const db = createDb();
  watchOtherTabs(db, { replaced: connectionReplaced, blocked: upgradeBlocked });
  const [decks] = await Promise.all([loadShippedDecks(), db.open()]);
  const report = await installShippedDecks(db, decks, now());
  for (const error of report.errors) console.error(`Shipped deck is invalid: ${error}`);
  scheduleSnapshot(db);
  return { db, report };
}

/** The daily snapshot, a few seconds after start so it does not compete with the first screen. */
function scheduleSnapshot(db: CardinalDb) {
  setTimeout(() => {
    takeScheduledSnapshot(db, now()).catch((error: unknown) =>
      console.warn('The daily snapshot could not be taken:', error),
    );
  }, 5_000);
}

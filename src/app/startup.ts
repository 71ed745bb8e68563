/**
 * Start-up, when a shipped deck is missing or newer than the stored copy (boot.ts decides): validate it and install
 * or update it. A shipped deck that fails validation is a build defect; it is reported and the stored data is left
 * as it was.
 */

import type { CardinalDb } from '../db/database';
import { deletedDeckKey } from '../db/deckEdits';
import { syncDeck } from '../db/deckInstall';
import { formatIssue, validateDeck } from '../domain/deck/validate';
import { needsSync } from '../domain/deckSync';
import type { StartupReport } from './boot';

export async function installShippedDecks(
  db: CardinalDb,
  decks: readonly unknown[],
  now: number,
): Promise<StartupReport> {
  const report: StartupReport = { installed: [], updated: [], errors: [] };
  for (const raw of decks) {
    const result = validateDeck(raw);
    if (!result.ok) {
      report.errors.push(...result.issues.slice(0, 20).map(formatIssue));
      continue;
    }
    const stored = await db.decks.get(result.deck.id);
    // A shipped deck the user deleted stays deleted.
    if (!stored && (await db.settings.get(deletedDeckKey(result.deck.id)))) continue;
    if (!needsSync(result.deck, stored)) continue;
    await syncDeck(db, result.deck, now, { shipped: true });
    (stored ? report.updated : report.installed).push(result.deck.id);
  }
  return report;
}

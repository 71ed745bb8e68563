/**
 * Writing an imported deck: the preview reads what is stored and computes the summary; the commit computes the
 * same plan again inside ONE transaction (deck, cards, item states, imported history), so a failure anywhere
 * leaves the database exactly as it was.
 */
import { planDeckSync } from '../../domain/deckSync';
import { planHistory } from '../../domain/transfer/importHistory';
import {
  combineDecks,
  type DeckImportOptions,
  type DeckImportSummary,
  summarizeDeckImport,
} from '../../domain/transfer/importPlan';
import type { ImportProblem, ParsedImport } from '../../domain/transfer/parsedImport';
import type { CardinalDb } from '../database';
import { syncDeck } from '../deckInstall';
import { putDeckMedia } from '../mediaRepo';
import { getSchedulerSettings } from '../schedulerSettingsRepo';

export type DeckImportResult =
  | { ok: true; summary: DeckImportSummary }
  | { ok: false; problems: ImportProblem[] };

/** Thrown inside the transaction to abort it when the combined deck does not validate. */
class ImportRefused extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((p) => `${p.where}: ${p.reason}`).join('\n'));
  }
}

async function readStored(db: CardinalDb, deckId: string) {
  const [deck, cards, items] = await Promise.all([
    db.decks.get(deckId),
    db.cards.where('deckId').equals(deckId).toArray(),
    db.cardStates.where('deckId').equals(deckId).toArray(),
  ]);
  return { deck, cards, items };
}

async function storedLogs(db: CardinalDb, deckId: string) {
  return db.reviewLogs.where('[deckId+review]').between([deckId, -Infinity], [deckId, Infinity]).toArray();
}

/** What the import would do, without writing anything. */
export async function previewDeckImport(
  db: CardinalDb,
  parsed: ParsedImport,
  options: DeckImportOptions,
  now: number,
): Promise<DeckImportResult> {
  return db.transaction('r', [db.decks, db.cards, db.cardStates, db.reviewLogs, db.settings], async () => {
    const stored = await readStored(db, options.deckId);
    const combined = combineDecks(parsed, options, stored);
    if (!combined.ok) return { ok: false, problems: combined.problems };
    let history = { added: 0, alreadyStored: 0, unknownItem: 0 };
    if (parsed.history.length > 0) {
      // Item states after the deck write, approximated for the count: every live item of the combined deck.
      const plan = planDeckSync(combined.deck, stored, now, false);
      const items = new Map(stored.items.map((i) => [i.itemId, i]));
      for (const item of plan.items) items.set(item.itemId, item);
      const settings = await getSchedulerSettings(db, options.deckId);
      history = planHistory(
        options.deckId,
        parsed.history,
        items,
        await storedLogs(db, options.deckId),
        settings,
      ).counts;
    }
    return { ok: true, summary: summarizeDeckImport(parsed, combined.deck, stored, now, history) };
  });
}

/** Writes the import in one transaction: deck and cards (keeping review state by id), then replayed history. */
export async function commitDeckImport(
  db: CardinalDb,
  parsed: ParsedImport,
  options: DeckImportOptions,
  now: number,
  /** Called as each part of the write is done (deck and cards, then history); the transaction commits after. */
  onProgress?: (done: number, total: number) => void,
): Promise<DeckImportResult> {
  const steps = parsed.history.length > 0 ? 3 : 2;
  try {
    const summary = await db.transaction(
      'rw',
      [db.decks, db.cards, db.cardStates, db.reviewLogs, db.settings, db.media],
      async () => {
        const stored = await readStored(db, options.deckId);
        const combined = combineDecks(parsed, options, stored);
        if (!combined.ok) throw new ImportRefused(combined.problems);
        onProgress?.(0, steps);
        await syncDeck(db, combined.deck, now, { shipped: false });
        await putDeckMedia(db, options.deckId, parsed.media ?? []);
        onProgress?.(1, steps);
        let history = { added: 0, alreadyStored: 0, unknownItem: 0 };
        if (parsed.history.length > 0) {
          const items = await db.cardStates.where('deckId').equals(options.deckId).toArray();
          const settings = await getSchedulerSettings(db, options.deckId);
          const plan = planHistory(
            options.deckId,
            parsed.history,
            new Map(items.map((i) => [i.itemId, i])),
            await storedLogs(db, options.deckId),
            settings,
          );
          await db.cardStates.bulkPut(plan.items);
          await db.reviewLogs.bulkAdd(plan.logs);
          history = plan.counts;
          onProgress?.(2, steps);
        }
        return summarizeDeckImport(parsed, combined.deck, stored, now, history);
      },
    );
    onProgress?.(steps, steps);
    return { ok: true, summary };
  } catch (error) {
    if (error instanceof ImportRefused) return { ok: false, problems: error.problems };
    throw error;
  }
}

/**
 * Writing an imported deck: the preview reads what is stored and computes the summary; the commit computes the
 * same plan again inside ONE transaction (deck, cards, item states, imported history), so a failure anywhere
 * leaves the database exactly as it was.
 */
import { planDeckSync } from '../../domain/deckSync';
import { withAnkiIds } from '../../domain/transfer/ankiItemIds';
import { planHistory } from '../../domain/transfer/importHistory';
import {
  combineDecks,
  type DeckImportOptions,
  type DeckImportSummary,
  summarizeDeckImport,
  summaryOf,
} from '../../domain/transfer/importPlan';
import type { ImportProblem, ParsedImport } from '../../domain/transfer/parsedImport';
import type { CardinalDb } from '../database';
import { putDeckMedia } from '../mediaRepo';
import { getSchedulerSettings } from '../schedulerSettingsRepo';
import { inKeyOrder } from './keyOrder';

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
      const plan = planDeckSync(combined.deck, stored, now, false, parsed.addedAt);
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

/** Rows written per request inside the one transaction, so progress moves during a big write. */
const WRITE_CHUNK = 10_000;

/**
 * Writes the import in one transaction: deck and cards (keeping review state by id; unchanged cards and states
 * are not rewritten), then replayed history. `onProgress` counts rows written; the transaction commits after.
 */
export async function commitDeckImport(
  db: CardinalDb,
  parsed: ParsedImport,
  options: DeckImportOptions,
  now: number,
  onProgress?: (done: number, total: number) => void,
): Promise<DeckImportResult> {
  try {
    const summary = await db.transaction(
      'rw',
      [db.decks, db.cards, db.cardStates, db.reviewLogs, db.settings, db.media],
      async () => {
        const stored = await readStored(db, options.deckId);
        const combined = combineDecks(parsed, options, stored);
        if (!combined.ok) throw new ImportRefused(combined.problems);
        const plan = planDeckSync(combined.deck, stored, now, false, parsed.addedAt);
        let history = { added: 0, alreadyStored: 0, unknownItem: 0 };
        let historyPlan: ReturnType<typeof planHistory> | undefined;
        if (parsed.history.length > 0) {
          const items = new Map(stored.items.map((i) => [i.itemId, i]));
          for (const item of plan.items) items.set(item.itemId, item);
          const settings = await getSchedulerSettings(db, options.deckId);
          historyPlan = planHistory(
            options.deckId,
            parsed.history,
            items,
            await storedLogs(db, options.deckId),
            settings,
          );
          history = historyPlan.counts;
        }
        // An item whose history is replayed is written once, with its replayed state.
        const replayed = new Map(historyPlan?.items.map((i) => [i.itemId, i]));
        const items = withAnkiIds(
          [...plan.items.filter((i) => !replayed.has(i.itemId)), ...(historyPlan?.items ?? [])],
          stored.items,
          parsed.ankiIds,
        );
        const logs = historyPlan?.logs ?? [];
        const total = 1 + plan.cards.length + items.length + logs.length;
        let done = 0;
        // Every chunk is issued at once (IndexedDB runs a transaction's requests in order), so the database never
        // waits for the next chunk to be handed over; each is counted as it completes.
        const inChunks = <T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) => {
          const writes: Promise<void>[] = [];
          for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
            const chunk = rows.slice(i, i + WRITE_CHUNK);
            writes.push(
              write(chunk).then(() => {
                done += chunk.length;
                onProgress?.(done, total);
              }),
            );
          }
          return Promise.all(writes);
        };
        onProgress?.(0, total);
        await db.decks.put(plan.deck);
        await putDeckMedia(db, options.deckId, parsed.media ?? []);
        done += 1;
        await Promise.all([
          inChunks(inKeyOrder(plan.cards, ['deckId', 'id']), (chunk) => db.cards.bulkPut(chunk)),
          inChunks(inKeyOrder(items, ['deckId', 'itemId']), (chunk) => db.cardStates.bulkPut(chunk)),
        ]);
        // Logs get their ids in the order they are added: one chunk after another.
        for (let i = 0; i < logs.length; i += WRITE_CHUNK)
          await inChunks(logs.slice(i, i + WRITE_CHUNK), (chunk) => db.reviewLogs.bulkAdd(chunk));
        return summaryOf(parsed, combined.deck, stored.deck === undefined, plan.summary, history);
      },
    );
    return { ok: true, summary };
  } catch (error) {
    if (error instanceof ImportRefused) return { ok: false, problems: error.problems };
    throw error;
  }
}

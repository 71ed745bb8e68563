/**
 * Attaching a review-log CSV (domain/transfer/revlogRows.ts) to the review items it names: by the Anki card id
 * an item imported from an Anki package keeps (cardStates.ankiCardId, schema v4), or by the number Cardinal's own
 * revlog export gives an item (revlogCardNumber.ts). The file goes to the one deck most of its rows name. The
 * preview reads; the commit plans again and writes inside ONE transaction: logs added (a row equal to a stored
 * log of the same item and time is not added twice) and each touched item's FSRS state replayed from its whole
 * history with the deck's parameters (importHistory.ts planHistory, as a package's history is).
 */
import type { CardStateRecord } from '../../domain/records';
import type { RevlogKind } from '../../domain/transfer/detectRevlog';
import { planHistory } from '../../domain/transfer/importHistory';
import type { ImportedReview } from '../../domain/transfer/parsedImport';
import { cardinalItemNumber } from '../../domain/transfer/revlogCardNumber';
import type { RevlogRows } from '../../domain/transfer/revlogRows';
import type { CardinalDb } from '../database';
import { getSchedulerSettings } from '../schedulerSettingsRepo';

export type RevlogAttachSummary = {
  fileName: string;
  kind: RevlogKind;
  /** The deck the history goes to; undefined when no stored item matches any row. */
  deck: { id: string; title: string } | undefined;
  /** Rows that are answers (the rest are skipped, with line and reason). */
  answerRows: number;
  /** Review items of the deck the rows name. */
  cards: number;
  /** Rows naming an item of the deck. */
  matchedRows: number;
  /** Rows naming cards that are not stored here (or are in another deck). */
  unknownRows: number;
  /** Of the matched rows: new answers, and those already stored (same item, same time). */
  added: number;
  alreadyStored: number;
  /** Rows naming removed (retired) cards: not attached. */
  retired: number;
  skippedCount: number;
};

/** Which stored items the rows' card ids name, Anki ids first, then Cardinal's own numbers. */
async function itemsNamed(db: CardinalDb, ids: readonly number[]): Promise<Map<number, CardStateRecord[]>> {
  const named = new Map<number, CardStateRecord[]>();
  const add = (n: number, item: CardStateRecord) => named.set(n, [...(named.get(n) ?? []), item]);
  for (const item of await db.cardStates
    .where('ankiCardId')
    .anyOf([...ids])
    .toArray())
    if (item.ankiCardId !== undefined) add(item.ankiCardId, item);
  const missing = new Set(ids.filter((id) => !named.has(id)));
  if (missing.size === 0) return named;
  // Cardinal's numbers are hashes of [deckId, itemId]: computed over the keys alone (no rows read).
  const keys = await db.cardStates.toCollection().primaryKeys();
  const hits: Array<[string, string]> = [];
  for (const [deckId, itemId] of keys)
    if (missing.has(cardinalItemNumber(deckId, itemId))) hits.push([deckId, itemId]);
  for (const item of await db.cardStates.bulkGet(hits))
    if (item) add(cardinalItemNumber(item.deckId, item.itemId), item);
  return named;
}

type Plan = { summary: RevlogAttachSummary; write?: ReturnType<typeof planHistory> };

async function plan(db: CardinalDb, fileName: string, read: RevlogRows): Promise<Plan> {
  const { rows } = read;
  const named = await itemsNamed(db, [...new Set(rows.map((r) => r.cardId))]);
  // The deck most rows name.
  const rowsPerDeck = new Map<string, number>();
  for (const row of rows)
    for (const deckId of new Set((named.get(row.cardId) ?? []).map((i) => i.deckId)))
      rowsPerDeck.set(deckId, (rowsPerDeck.get(deckId) ?? 0) + 1);
  const deckId = [...rowsPerDeck].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const base: RevlogAttachSummary = {
    fileName,
    kind: read.kind,
    deck: undefined,
    answerRows: rows.length,
    cards: 0,
    matchedRows: 0,
    unknownRows: rows.length,
    added: 0,
    alreadyStored: 0,
    retired: 0,
    skippedCount: read.skipped.length,
  };
  if (deckId === undefined) return { summary: base };
  const deck = await db.decks.get(deckId);
  const itemOf = (cardId: number) => named.get(cardId)?.find((i) => i.deckId === deckId);
  const history: ImportedReview[] = [];
  const items = new Map<string, CardStateRecord>();
  for (const row of rows) {
    const item = itemOf(row.cardId);
    if (!item) continue;
    items.set(item.itemId, item);
    history.push({
      cardId: item.cardId,
      ordinal: item.ordinal,
      rating: row.rating,
      review: row.review,
      durationMs: row.durationMs,
    });
  }
  const live = new Map([...items].filter(([, item]) => !item.retired));
  const storedLogs = await db.reviewLogs
    .where('[deckId+itemId]')
    .anyOf([...live.keys()].map((itemId) => [deckId, itemId]))
    .toArray();
  const write = planHistory(deckId, history, live, storedLogs, await getSchedulerSettings(db, deckId));
  return {
    summary: {
      ...base,
      deck: { id: deckId, title: deck?.title ?? deckId },
      cards: items.size,
      matchedRows: history.length,
      unknownRows: rows.length - history.length,
      added: write.counts.added,
      alreadyStored: write.counts.alreadyStored,
      retired: write.counts.unknownItem,
    },
    write,
  };
}

const TABLES = (db: CardinalDb) => [db.decks, db.cardStates, db.reviewLogs, db.settings];

/** What attaching the file would do, without writing. */
export async function previewRevlogAttach(
  db: CardinalDb,
  fileName: string,
  read: RevlogRows,
): Promise<RevlogAttachSummary> {
  return db.transaction('r', TABLES(db), async () => (await plan(db, fileName, read)).summary);
}

/** Rows written per request inside the one transaction, so progress moves during a big write. */
const WRITE_CHUNK = 10_000;

/** Attaches the file's answers in one transaction: new logs, and the touched items' replayed states. */
export async function commitRevlogAttach(
  db: CardinalDb,
  fileName: string,
  read: RevlogRows,
  onProgress?: (done: number, total: number) => void,
): Promise<RevlogAttachSummary> {
  return db.transaction('rw', TABLES(db), async () => {
    const { summary, write } = await plan(db, fileName, read);
    if (!write) return summary;
    const total = write.items.length + write.logs.length;
    let done = 0;
    onProgress?.(0, total);
    for (let i = 0; i < write.items.length; i += WRITE_CHUNK) {
      const chunk = write.items.slice(i, i + WRITE_CHUNK);
      await db.cardStates.bulkPut(chunk);
      done += chunk.length;
      onProgress?.(done, total);
    }
    for (let i = 0; i < write.logs.length; i += WRITE_CHUNK) {
      const chunk = write.logs.slice(i, i + WRITE_CHUNK);
      await db.reviewLogs.bulkAdd(chunk);
      done += chunk.length;
      onProgress?.(done, total);
    }
    return summary;
  });
}

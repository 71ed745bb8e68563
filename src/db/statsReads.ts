/**
 * Reads for the statistics page, made for a Web Worker: review logs and review items are read in pages along
 * their indexes (never all at once), and the calendar from counts on the index (no log is deserialized).
 */
import { type FlatSection, flattenSections } from '../domain/exam/sections';
import type { ScheduleSettings } from '../domain/fsrsParameters';
import type { CardStateRecord, ReviewLogRecord } from '../domain/records';
import type { CardinalDb } from './database';
import { getSchedulerSettings } from './schedulerSettingsRepo';

export const STATS_PAGE_SIZE = 20_000;

export type StatsDeck = {
  id: string;
  title: string;
  /** With the deck's fitted FSRS parameters, when it has some. */
  settings: ScheduleSettings;
  /** The deck's sections in guide order when it ships a guide; empty otherwise. */
  guideSections: FlatSection[];
};

/** The decks a statistics scope covers (one deck, or every deck when `deckId` is null), with their settings. */
export async function statsDecks(db: CardinalDb, deckId: string | null): Promise<StatsDeck[]> {
  const decks = deckId
    ? [await db.decks.get(deckId)].filter((d) => d !== undefined)
    : await db.decks.toArray();
  return Promise.all(
    decks.map(async (d) => ({
      id: d.id,
      title: d.title,
      settings: await getSchedulerSettings(db, d.id),
      guideSections: d.source.file === undefined ? [] : flattenSections(d.sections),
    })),
  );
}

/**
 * How many answers a deck has in each [start, end) time range, counted on the [deckId+review] index without reading
 * a single log (IndexedDB counts a key range itself). All counts run in one read transaction.
 */
export function answersInRanges(
  db: CardinalDb,
  deckId: string,
  ranges: ReadonlyArray<readonly [number, number]>,
): Promise<number[]> {
  return db.transaction('r', db.reviewLogs, () =>
    Promise.all(
      ranges.map(([start, end]) =>
        db.reviewLogs.where('[deckId+review]').between([deckId, start], [deckId, end], true, false).count(),
      ),
    ),
  );
}

/**
 * Calls `onPage` with a deck's logs since `from`, oldest first, `pageSize` at a time. Pages split between two
 * different times, so answers given at the same millisecond are never split or repeated.
 */
export async function forEachLogPage(
  db: CardinalDb,
  deckId: string,
  from: number,
  onPage: (logs: ReviewLogRecord[]) => void | Promise<void>,
  pageSize = STATS_PAGE_SIZE,
): Promise<void> {
  let lower = from;
  let includeLower = true;
  for (;;) {
    const page = await db.reviewLogs
      .where('[deckId+review]')
      .between([deckId, lower], [deckId, Infinity], includeLower, true)
      .limit(pageSize)
      .toArray();
    if (page.length < pageSize) {
      if (page.length > 0) await onPage(page);
      return;
    }
    const last = (page.at(-1) as ReviewLogRecord).review;
    let cut = page.length;
    while (cut > 0 && (page[cut - 1] as ReviewLogRecord).review === last) cut--;
    // A whole page at one millisecond: take every log of that millisecond at once.
    const rows =
      cut === 0
        ? await db.reviewLogs.where('[deckId+review]').equals([deckId, last]).toArray()
        : page.slice(0, cut);
    await onPage(rows);
    lower = cut === 0 ? last : (rows.at(-1) as ReviewLogRecord).review;
    includeLower = false;
  }
}

/** Calls `onPage` with a deck's review items, `pageSize` at a time, in key order. */
export async function forEachItemPage(
  db: CardinalDb,
  deckId: string,
  onPage: (items: CardStateRecord[]) => void | Promise<void>,
  pageSize = STATS_PAGE_SIZE,
): Promise<void> {
  let after: [string, string] | null = null;
  for (;;) {
    const range = db.cardStates.where('[deckId+itemId]');
    const page: CardStateRecord[] = await (after
      ? range.between(after, [deckId, '\uffff'], false, true)
      : range.between([deckId, ''], [deckId, '\uffff'], true, true)
    )
      .limit(pageSize)
      .toArray();
    if (page.length > 0) await onPage(page);
    if (page.length < pageSize) return;
    const last = page.at(-1) as CardStateRecord;
    after = [deckId, last.itemId];
  }
}

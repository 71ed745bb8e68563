/**
 * "Check database", as in Anki: reads every row, reports what is damaged and repairs what can be repaired, all in
 * ONE transaction (a failure leaves the data as it was). Found and repaired:
 * - a review item whose queue or due copy disagrees with its FSRS state → recomputed (fixed);
 * - a review item whose card (or deck) no longer exists → removed (it can never be shown; its review logs stay);
 * - a deck whose card count is wrong → recounted (fixed);
 * - an exam record that does not match the exam schema → removed (it cannot be opened);
 * - an image or sound (media row) whose deck no longer exists → removed (no card can show it);
 * - a deck whose exam index (examItems, derived from its cards) is out of step → rebuilt from its cards.
 * Found and only reported (nothing can rebuild them; a snapshot or backup can):
 * - any other row that does not match its table's schema;
 * - review logs whose review item is gone (history is never deleted).
 * The caller takes a snapshot before (see checkAndRepair in the settings page), so even removals can be undone.
 */

import { Dexie } from 'dexie';
import { type ExamIndexRow, examIndexRows } from '../domain/exam/examIndex';
import { type CardStateRecord, type DeckRecord, queueOf } from '../domain/records';
import { storedRowSchemas } from '../domain/transfer/backupRows';
import type { CardinalDb } from './database';
import { EXAM_INDEX_TABLE } from './examIndex';

export type Finding = {
  table: string;
  /** The row's key, as text. */
  row: string;
  problem: string;
  /** What repair does (or did, when the report says `repaired`): null when nothing can rebuild the row. */
  repair: 'fix' | 'remove' | null;
};

export type CheckReport = { rowsChecked: number; findings: Finding[]; repaired: boolean };

/** At most this many findings are listed; the rest are counted. */
const MAX_LISTED = 200;

const keyText = (key: unknown) => (Array.isArray(key) ? key.join(' / ') : String(key));

function firstIssue(table: string, row: unknown): string | null {
  const schema = storedRowSchemas[table];
  if (!schema) return null;
  const parsed = schema.safeParse(row);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `field "${issue?.path.join('.') || '(row)'}" ${issue?.message ?? 'is invalid'}`;
}

/** Checks every row; with `repair`, also repairs (same transaction). */
export async function checkDatabase(db: CardinalDb, options: { repair: boolean }): Promise<CheckReport> {
  const { repair } = options;
  return db.transaction('rw', db.tables, async () => {
    const findings: Finding[] = [];
    let more = 0;
    let rowsChecked = 0;
    const add = (finding: Finding) => {
      if (findings.length < MAX_LISTED) findings.push(finding);
      else more += 1;
    };

    // Tables without special rules: schema only, reported.
    for (const table of db.tables) {
      if (
        ['cardStates', 'exams', 'decks', 'cards', 'reviewLogs', 'media', EXAM_INDEX_TABLE].includes(
          table.name,
        )
      )
        continue;
      await table.each((row, cursor) => {
        rowsChecked += 1;
        const problem = firstIssue(table.name, row);
        if (problem) add({ table: table.name, row: keyText(cursor.primaryKey), problem, repair: null });
      });
    }

    const decks = await db.decks.toArray();
    const deckIds = new Set(decks.map((d) => d.id));
    const cardKeys = new Set<string>();
    const liveCounts = new Map<string, number>();
    // The exam index rows each card should have, computed card by card (the cards themselves are not kept).
    const deckById = new Map(decks.map((d) => [d.id, d]));
    const indexOf = new Map<string, Map<string, ExamIndexRow>>();
    await db.cards.each((card, cursor) => {
      rowsChecked += 1;
      const problem = firstIssue('cards', card);
      if (problem) add({ table: 'cards', row: keyText(cursor.primaryKey), problem, repair: null });
      cardKeys.add(`${card.deckId}\u0000${card.id}`);
      if (!card.retired) liveCounts.set(card.deckId, (liveCounts.get(card.deckId) ?? 0) + 1);
      const [row] = examIndexRows(card.deckId, [card], deckById.get(card.deckId) ?? {});
      if (!row) return;
      const rows = indexOf.get(card.deckId) ?? new Map<string, ExamIndexRow>();
      rows.set(row.cardId, row);
      indexOf.set(card.deckId, rows);
    });

    for (const deck of decks) {
      rowsChecked += 1;
      const problem = firstIssue('decks', deck);
      if (problem) add({ table: 'decks', row: deck.id, problem, repair: null });
      const cardCount = liveCounts.get(deck.id) ?? 0;
      if (deck.cardCount !== cardCount) {
        add({
          table: 'decks',
          row: deck.id,
          problem: `card count ${deck.cardCount}, but it holds ${cardCount} cards`,
          repair: 'fix',
        });
        if (repair) await db.decks.put({ ...deck, cardCount });
      }
    }

    await checkExamIndex(db, decks, indexOf, add, repair);

    // Images and sounds: checked by schema; those of a deck that is gone are removed.
    const orphanMedia: [string, string][] = [];
    await db.media.each((media, cursor) => {
      rowsChecked += 1;
      const row = keyText(cursor.primaryKey);
      if (!deckIds.has(media.deckId)) {
        add({ table: 'media', row, problem: `its deck "${media.deckId}" does not exist`, repair: 'remove' });
        orphanMedia.push([media.deckId, media.name]);
        return;
      }
      const problem = firstIssue('media', media);
      if (problem) add({ table: 'media', row, problem, repair: null });
    });
    if (repair) await db.media.bulkDelete(orphanMedia);

    const itemKeys = new Set<string>();
    const orphanStates: [string, string][] = [];
    const fixedStates: CardStateRecord[] = [];
    await db.cardStates.each((state) => {
      rowsChecked += 1;
      const row = `${state.deckId} / ${state.itemId}`;
      if (!cardKeys.has(`${state.deckId}\u0000${state.cardId}`)) {
        const problem = deckIds.has(state.deckId)
          ? `its card "${state.cardId}" does not exist`
          : `its deck "${state.deckId}" does not exist`;
        add({ table: 'cardStates', row, problem, repair: 'remove' });
        orphanStates.push([state.deckId, state.itemId]);
        return;
      }
      itemKeys.add(`${state.deckId}\u0000${state.itemId}`);
      const problem = firstIssue('cardStates', state);
      if (problem) return add({ table: 'cardStates', row, problem, repair: null });
      const queue = queueOf(state);
      if (state.queue !== queue || state.due !== state.fsrs.due) {
        add({
          table: 'cardStates',
          row,
          problem: `queue "${state.queue}" / due ${state.due} disagree with its FSRS state`,
          repair: 'fix',
        });
        fixedStates.push({ ...state, queue, due: state.fsrs.due });
      }
    });
    if (repair) {
      await db.cardStates.bulkDelete(orphanStates);
      await db.cardStates.bulkPut(fixedStates);
    }

    // Logs whose item is gone: reported once per item, kept.
    const orphanLogItems = new Map<string, number>();
    await db.reviewLogs.each((log, cursor) => {
      rowsChecked += 1;
      const problem = firstIssue('reviewLogs', log);
      if (problem) add({ table: 'reviewLogs', row: keyText(cursor.primaryKey), problem, repair: null });
      const key = `${log.deckId}\u0000${log.itemId}`;
      if (!itemKeys.has(key)) orphanLogItems.set(key, (orphanLogItems.get(key) ?? 0) + 1);
    });
    for (const [key, count] of orphanLogItems) {
      const [deckId, itemId] = key.split('\u0000');
      add({
        table: 'reviewLogs',
        row: `${deckId} / ${itemId}`,
        problem: `${count} review log(s) of a review item that no longer exists`,
        repair: null,
      });
    }

    const damagedExams: string[] = [];
    await db.exams.each((exam, cursor) => {
      rowsChecked += 1;
      const problem = firstIssue('exams', exam);
      if (!problem) return;
      add({ table: 'exams', row: keyText(cursor.primaryKey), problem, repair: 'remove' });
      damagedExams.push(String(cursor.primaryKey));
    });
    if (repair) await db.exams.bulkDelete(damagedExams);

    if (more > 0) findings.push({ table: '', row: '', problem: `and ${more} more problems`, repair: null });
    return { rowsChecked, findings, repaired: repair };
  });
}

/**
 * The exam index (db/examIndex.ts keeps it in step with every card write) against the rows the cards should have
 * (`indexOf`, by deck and card id): per deck, the
 * rows missing, out of date or left over are reported in one finding, and the repair rebuilds that deck's rows from
 * its cards. Rows of a deck that is gone are removed.
 */
async function checkExamIndex(
  db: CardinalDb,
  decks: readonly DeckRecord[],
  indexOf: ReadonlyMap<string, ReadonlyMap<string, ExamIndexRow>>,
  add: (finding: Finding) => void,
  repair: boolean,
): Promise<void> {
  const stored = new Map<string, Map<string, string>>();
  await db.examItems.each((row) => {
    const rows = stored.get(row.deckId) ?? new Map<string, string>();
    rows.set(row.cardId, JSON.stringify(row));
    stored.set(row.deckId, rows);
  });
  const deckIds = new Set(decks.map((d) => d.id));
  for (const deck of decks) {
    const expected = [...(indexOf.get(deck.id)?.values() ?? [])];
    const have = stored.get(deck.id) ?? new Map<string, string>();
    let missing = 0;
    let stale = 0;
    for (const row of expected) {
      const found = have.get(row.cardId);
      if (found === undefined) missing += 1;
      else if (found !== JSON.stringify(row)) stale += 1;
    }
    const extra = have.size - (expected.length - missing);
    if (missing + stale + extra === 0) continue;
    add({
      table: EXAM_INDEX_TABLE,
      row: deck.id,
      problem: `the exam index is out of step with the cards: ${missing} row(s) missing, ${stale} out of date, ${extra} left over`,
      repair: 'fix',
    });
    if (repair) {
      await db.examItems
        .where('[deckId+cardId]')
        .between([deck.id, Dexie.minKey], [deck.id, Dexie.maxKey])
        .delete();
      await db.examItems.bulkPut(expected);
    }
  }
  for (const [deckId, rows] of stored) {
    if (deckIds.has(deckId)) continue;
    add({
      table: EXAM_INDEX_TABLE,
      row: deckId,
      problem: `${rows.size} exam index row(s) of a deck that does not exist`,
      repair: 'remove',
    });
    if (repair)
      await db.examItems
        .where('[deckId+cardId]')
        .between([deckId, Dexie.minKey], [deckId, Dexie.maxKey])
        .delete();
  }
}

/**
 * Every released schema version upgrades to today's without losing a row: a database is built at that version
 * (its schema frozen below, as it was released) with realistic rows written by the real code, closed, and opened
 * with today's createDb. Releasing version n: add its `stores` to RELEASED and, if its upgrade changes rows, an
 * `expected` for the versions before it. The case "from n - 1" then tests the n - 1 → n upgrade.
 */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/database';
import { everyTable, populatedDb } from '../helpers/populatedDb';

type Stores = Record<string, string | null>;
type Tables = Record<string, unknown[]>;

/** The schema of each released version, exactly as released (never edit one; append the next). */
const RELEASED: Stores[] = [
  {
    decks: 'id',
    cards: '[deckId+id], deckId',
    cardStates:
      '[deckId+itemId], deckId, [deckId+cardId], [deckId+queue], [deckId+queue+due], [deckId+queue+position]',
    reviewLogs: '++id, [deckId+itemId], [deckId+review], review',
    settings: 'key',
  },
  { exams: 'id, status, deckId, startedAt, [deckId+status]' },
  {
    cards: '[deckId+id], deckId, id, *words, *card.tags, card.kind',
    cardStates:
      '[deckId+itemId], deckId, [deckId+cardId], [deckId+queue], [deckId+queue+due], [deckId+queue+position], [deckId+section+queue], [deckId+section], [deckId+position], queue, due, flag, fsrs.lapses, fsrs.stability, fsrs.difficulty, fsrs.reps, fsrs.scheduled_days, fsrs.last_review, buriedUntil',
    media: '[deckId+name], deckId',
  },
  {
    cards: '[deckId+id], deckId, id, *words, *card.tags, card.kind, addedAt',
    cardStates:
      '[deckId+itemId], deckId, [deckId+cardId], [deckId+queue], [deckId+queue+due], [deckId+queue+position], [deckId+section+queue], [deckId+section], [deckId+position], queue, due, flag, fsrs.lapses, fsrs.stability, fsrs.difficulty, fsrs.reps, fsrs.scheduled_days, fsrs.last_review, buriedUntil, ankiCardId',
  },
];

/** Fields today's code writes that a version did not have yet: rows stored at that version lack them. */
const ADDED_IN: Record<number, Record<string, string[]>> = { 4: { cards: ['addedAt'] } };

type Row = Record<string, unknown>;

/**
 * Version 4 dates every card (addedAt): its first review log's time, else its deck's install time (see
 * src/db/upgrades/v4AddedAt.ts).
 */
function datedCards(rows: Tables): Tables {
  const first = new Map<string, number>();
  for (const log of (rows.reviewLogs ?? []) as Row[]) {
    const key = `${log.deckId}/${log.cardId}`;
    const review = log.review as number;
    if (!first.has(key) || review < (first.get(key) ?? Infinity)) first.set(key, review);
  }
  const installed = new Map(((rows.decks ?? []) as Row[]).map((d) => [d.id, d.installedAt as number]));
  const cards = ((rows.cards ?? []) as Row[]).map((c) => ({
    ...c,
    addedAt: first.get(`${c.deckId}/${c.id}`) ?? installed.get(c.deckId),
  }));
  return { ...rows, cards };
}

/**
 * Version 5 builds the exam index (examItems) from the stored decks and cards (src/db/upgrades/v5ExamIndex.ts):
 * the same rows today's code writes alongside the cards.
 */
async function withExamIndex(rows: Tables): Promise<Tables> {
  return { ...rows, examItems: (await everyTable(await populatedDb())).examItems ?? [] };
}

/** Per starting version: the rows today's code must find, given the rows stored at that version. */
const expected: Record<number, (rows: Tables) => Tables | Promise<Tables>> = {
  1: (rows) => withExamIndex(datedCards(rows)),
  2: (rows) => withExamIndex(datedCards(rows)),
  3: (rows) => withExamIndex(datedCards(rows)),
  4: withExamIndex,
};

/** The tables that exist at `version` (1-based). */
function tablesAt(version: number): string[] {
  const names = new Set<string>();
  for (const stores of RELEASED.slice(0, version))
    for (const [name, spec] of Object.entries(stores))
      if (spec === null) names.delete(name);
      else names.add(name);
  return [...names];
}

/** Realistic rows for the tables of `version`: decks, cards, states, logs, settings, exams written by real code. */
async function rowsAt(version: number): Promise<Tables> {
  const all = await everyTable(await populatedDb());
  const later = Object.entries(ADDED_IN).filter(([v]) => Number(v) > version);
  const strip = (table: string, rows: unknown[]) =>
    rows.map((row) => {
      const out = { ...(row as Row) };
      for (const [, fields] of later) for (const f of fields[table] ?? []) delete out[f];
      return out;
    });
  return Object.fromEntries(tablesAt(version).map((t) => [t, strip(t, all[t] ?? [])]));
}

async function buildAt(name: string, version: number, rows: Tables): Promise<void> {
  const old = new Dexie(name);
  RELEASED.slice(0, version).forEach((stores, i) => {
    old.version(i + 1).stores(stores);
  });
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, tableRows] of Object.entries(rows)) await old.table(table).bulkAdd(tableRows);
  });
  old.close();
}

describe('schema upgrades', () => {
  it.each(RELEASED.map((_, i) => i + 1))(
    'a database at version %i opens with today’s code, every row intact',
    async (from) => {
      const name = `upgrade-from-${from}-${Math.random()}`;
      const rows = await rowsAt(from);
      expect(rows.reviewLogs?.length).toBeGreaterThan(0);
      await buildAt(name, from, rows);

      const db = createDb(name);
      await db.open();
      const after = await everyTable(db);
      const want = (await expected[from]?.(rows)) ?? rows;
      for (const [table, tableRows] of Object.entries(want)) expect(after[table], table).toEqual(tableRows);
      expect(after.examItems?.length).toBeGreaterThan(0);
      // Tables added since hold nothing until used.
      for (const table of db.tables.filter((t) => !(t.name in want))) expect(await table.count()).toBe(0);
      db.close();
    },
  );

  it('version 4 indexes the Anki card id of items imported from Anki; v3 items have none', async () => {
    const name = `upgrade-anki-ids-${Math.random()}`;
    const rows = await rowsAt(3);
    await buildAt(name, 3, rows);
    const db = createDb(name);
    expect(await db.cardStates.where('ankiCardId').above(0).count()).toBe(0);
    const [first] = rows.cardStates as Array<{ deckId: string; itemId: string }>;
    if (!first) throw new Error('no items');
    await db.cardStates.update([first.deckId, first.itemId], { ankiCardId: 1_755_501_927_620 });
    expect(
      (await db.cardStates.where('ankiCardId').equals(1_755_501_927_620).toArray()).map((i) => i.itemId),
    ).toEqual([first.itemId]);
    db.close();
  });

  it('the last released schema is today’s latest version or older', () => {
    expect(createDb(`verno-${Math.random()}`).verno).toBeGreaterThanOrEqual(RELEASED.length);
  });
});

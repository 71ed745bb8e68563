/**
 * A change to several tables written in one transaction, with its exact inverse for Undo: before writing, the
 * rows it touches are read; the inverse puts those back and deletes the rows it created.
 */
import type { Table } from 'dexie';
import type { CardinalDb } from '../database';

export type TableName = 'decks' | 'cards' | 'cardStates' | 'reviewLogs';
export const CHANGE_TABLES: readonly TableName[] = ['decks', 'cards', 'cardStates', 'reviewLogs'];

export type Change = {
  put: Partial<Record<TableName, unknown[]>>;
  delete: Partial<Record<TableName, unknown[]>>;
};

/**
 * A change whose computation read already what it overwrites or deletes, so the write reads nothing again:
 * `before[table]` holds the stored rows of that table's puts and deletes, every one of them existing (puts of rows
 * that exist, deletes of rows that exist).
 */
export type KnownChange = Change & { before?: Partial<Record<TableName, unknown[]>> };

function keyOf(table: Table, row: unknown): unknown {
  const path = table.schema.primKey.keyPath;
  const r = row as Record<string, unknown>;
  return Array.isArray(path) ? path.map((p) => r[p]) : r[path ?? ''];
}

/** Writes a change (deletes, then puts) inside the caller's transaction; returns its inverse (when `inverted`). */
async function write(db: CardinalDb, change: KnownChange, inverted = true): Promise<Change> {
  const inverse: Change = { put: {}, delete: {} };
  for (const name of CHANGE_TABLES) {
    const table = db.table(name);
    const puts = change.put[name] ?? [];
    const deletes = change.delete[name] ?? [];
    if (puts.length === 0 && deletes.length === 0) continue;
    const known = change.before?.[name];
    // An undo has no undo: nothing is read first.
    if (inverted && known) {
      inverse.put[name] = known;
      inverse.delete[name] = [];
    } else if (inverted) {
      const putKeys = puts.map((row) => keyOf(table, row));
      const before = await table.bulkGet([...putKeys, ...deletes] as never[]);
      inverse.put[name] = before.filter((row) => row !== undefined);
      inverse.delete[name] = putKeys.filter((_, i) => before[i] === undefined);
    }
    if (deletes.length > 0) await table.bulkDelete(deletes as never[]);
    if (puts.length > 0) await table.bulkPut(puts as never[]);
  }
  return inverse;
}

/**
 * Computes a change from what is stored and writes it, all in one read-write transaction. Returns the undo.
 */
export async function applyChange(db: CardinalDb, compute: () => Promise<KnownChange>): Promise<Change> {
  return db.transaction(
    'rw',
    CHANGE_TABLES.map((t) => db.table(t)),
    async () => write(db, await compute()),
  );
}

/** Writes an undo (the inverse of an earlier change) in one transaction. */
export async function undoChange(db: CardinalDb, undo: Change): Promise<void> {
  await db.transaction(
    'rw',
    CHANGE_TABLES.map((t) => db.table(t)),
    async () => {
      await write(db, undo, false);
    },
  );
}

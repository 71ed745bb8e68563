/**
 * Where snapshots (db/snapshots.ts) are kept: a separate IndexedDB database (`<name>-snapshots`) holding each
 * snapshot's summary and its pages: the compressed bytes of its compact backup (snapshotWork.ts), or, for
 * snapshots taken before the compact format, rows of one table each. Only the store's shape is here, so the
 * page can list snapshots without loading the code that writes them.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Rows } from '../domain/transfer/backup';
import type { CardinalDb } from './database';

/** How many complete snapshots are kept. */
export const KEEP_SNAPSHOTS = 5;

export type SnapshotReason = 'scheduled' | 'import' | 'restore' | 'bulk delete' | 'repair' | 'manual';

export type SnapshotInfo = {
  id?: number;
  takenAt: number;
  reason: SnapshotReason;
  /** Rows per table. */
  counts: Record<string, number>;
  /** False for a snapshot left half-written by an older version (written page by page): such a one is dropped. */
  complete: boolean;
};

/** A piece of a snapshot: compressed bytes of its compact backup, or (older snapshots) rows of one table. */
type SnapshotPage = { snapshotId: number; seq: number } & (
  | { bytes: Uint8Array }
  | { table: string; rows: Rows[] }
);

export type SnapshotDb = Dexie & {
  snapshots: EntityTable<SnapshotInfo, 'id'>;
  pages: Table<SnapshotPage, [number, number]>;
};

const opened = new Map<string, SnapshotDb>();

/** The snapshot store that goes with `db` (its name + "-snapshots"), opened once. */
export function snapshotStore(db: CardinalDb): SnapshotDb {
  const name = `${db.name}-snapshots`;
  let store = opened.get(name);
  if (!store) {
    store = new Dexie(name) as SnapshotDb;
    store.version(1).stores({ snapshots: '++id, takenAt', pages: '[snapshotId+seq], snapshotId' });
    opened.set(name, store);
  }
  return store;
}

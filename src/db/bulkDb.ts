/**
 * A connection for big writes off the page (the import worker). Dexie normally records every key a write touches
 * and sends that set to every tab and worker (BroadcastChannel), so their live queries re-run only where needed;
 * for a 100,000-card import that set is itself huge to build, send and read, and the page would spend a long task
 * unpacking it. This connection leaves that tracking out; after each big write, `announceEverythingChanged` tells
 * every context once that anything may have changed (Dexie's public storagemutated event), and their live queries
 * re-run.
 */
import { Dexie, RangeSet } from 'dexie';
import { type CardinalDb, createDb, DB_NAME } from './database';

export function openBulkDb(name: string = DB_NAME): CardinalDb {
  const db = createDb(name);
  db.unuse({ stack: 'dbcore', name: 'Observability' });
  return db;
}

export function announceEverythingChanged(): void {
  Dexie.on('storagemutated').fire({ all: new RangeSet(-Infinity, [[]]) });
}

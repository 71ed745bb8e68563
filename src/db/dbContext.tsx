/**
 * The database handle for React, without importing Dexie: the app shell (router, layout) paints before the
 * database code has loaded. The provider takes the database, or the promise of it while start-up runs; `useDb`
 * suspends until it is open (the layout shows "Opening your decks…" meanwhile).
 */
import { createContext, type ReactNode, use, useContext } from 'react';
import type { CardinalDb } from './database';

const DbContext = createContext<CardinalDb | Promise<CardinalDb> | null>(null);

export function DbProvider({ db, children }: { db: CardinalDb | Promise<CardinalDb>; children: ReactNode }) {
  return <DbContext value={db}>{children}</DbContext>;
}

export function useDb(): CardinalDb {
  const db = useContext(DbContext);
  if (db === null) throw new Error('useDb() needs a <DbProvider> above it');
  return db instanceof Promise ? use(db) : db;
}

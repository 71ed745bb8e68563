/**
 * React access to the database. Pages read through `useDbQuery` (a Dexie live query: it re-runs when the
 * tables it read change) and treat `undefined` as loading.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, type ReactNode, useContext } from 'react';
import type { CardinalDb } from './database';

const DbContext = createContext<CardinalDb | null>(null);

export function DbProvider({ db, children }: { db: CardinalDb; children: ReactNode }) {
  return <DbContext value={db}>{children}</DbContext>;
}

export function useDb(): CardinalDb {
  const db = useContext(DbContext);
  if (db === null) throw new Error('useDb() needs a <DbProvider> above it');
  return db;
}

export function useDbQuery<T>(
  query: (db: CardinalDb) => Promise<T>,
  deps: readonly unknown[],
): T | undefined {
  const db = useDb();
  return useLiveQuery(() => query(db), [db, ...deps]);
}

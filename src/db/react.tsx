/**
 * React access to the database. Pages read through `useDbQuery` (a Dexie live query: it re-runs when the
 * tables it read change) and treat `undefined` as loading.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { CardinalDb } from './database';
import { useDb } from './dbContext';

export { DbProvider, useDb } from './dbContext';

export function useDbQuery<T>(
  query: (db: CardinalDb) => Promise<T>,
  deps: readonly unknown[],
): T | undefined {
  const db = useDb();
  return useLiveQuery(() => query(db), [db, ...deps]);
}

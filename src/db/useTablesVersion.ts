/**
 * A number that changes whenever any row of the given tables changes (a Dexie live query over their counts:
 * every write to a table wakes it). For reads too large to run inside a live query, which records every key it
 * reads: the caller reads outside it and reads again when the version moves.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
import { useDb } from './react';

export type TableName = 'decks' | 'cards' | 'cardStates' | 'reviewLogs';

export function useTablesVersion(tables: readonly TableName[]): number | undefined {
  const db = useDb();
  const version = useRef(0);
  return useLiveQuery(async () => {
    await Promise.all(tables.map((t) => db.table(t).count()));
    version.current += 1;
    return version.current;
  }, [db, tables.join()]);
}

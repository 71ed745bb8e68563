/**
 * A number that changes whenever any row of the given tables changes (in this tab or another: Dexie's
 * `storagemutated` event, which its live queries use too). For reads too large to run inside a live query, which
 * records every key it reads: the caller reads outside it and reads again when the version moves. Nothing is read
 * to know it (a live query over the tables' counts would walk 100,000 rows on every page open).
 */
import { Dexie, type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'react';
import { useDb } from './react';

export type TableName = 'decks' | 'cards' | 'cardStates' | 'reviewLogs';

export function useTablesVersion(tables: readonly TableName[]): number | undefined {
  const db = useDb();
  const [version, setVersion] = useState(0);
  const names = tables.join();
  useEffect(() => {
    // A mutation names its parts "idb://<database>/<table>/<index>" (the primary key's index name is empty).
    const prefixes = names.split(',').map((t) => `idb://${db.name}/${t}/`);
    const onChange = (parts: ObservabilitySet) => {
      if (Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p))))
        setVersion((v) => v + 1);
    };
    Dexie.on('storagemutated', onChange);
    return () => Dexie.on('storagemutated').unsubscribe(onChange);
  }, [db, names]);
  return version;
}

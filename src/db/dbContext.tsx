/**
 * The database handle for React, without importing Dexie: the app shell (router, layout) paints before the
 * database code has loaded. The provider takes the database, or the promise of it while start-up runs; `useDb`
 * suspends until it is open (the layout shows "Opening your decks…" meanwhile).
 *
 * Once the promise settles, the provider hands out the database itself, through a state update. A page suspended
 * on the promise is then shown at once: React throttles the reveal of a Suspense boundary retried by a resolved
 * promise to 300 ms after its fallback appeared, which on a warm start was longer than everything else together.
 */
import { createContext, type ReactNode, use, useContext, useEffect, useState } from 'react';
import type { CardinalDb } from './database';

const DbContext = createContext<CardinalDb | Promise<CardinalDb> | null>(null);

export function DbProvider({ db, children }: { db: CardinalDb | Promise<CardinalDb>; children: ReactNode }) {
  const [opened, setOpened] = useState<{ from: Promise<CardinalDb>; db: CardinalDb } | null>(null);
  useEffect(() => {
    if (!(db instanceof Promise)) return;
    let current = true;
    db.then(
      (value) => {
        if (current) setOpened({ from: db, db: value });
      },
      // A failed start-up reaches the error boundary through `use` (useDb below).
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [db]);
  const value = db instanceof Promise && opened?.from === db ? opened.db : db;
  return <DbContext value={value}>{children}</DbContext>;
}

export function useDb(): CardinalDb {
  const db = useContext(DbContext);
  if (db === null) throw new Error('useDb() needs a <DbProvider> above it');
  return db instanceof Promise ? use(db) : db;
}

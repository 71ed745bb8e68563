/**
 * The database handle for React, without importing Dexie: the app shell (router, layout) paints before the
 * database code has loaded. The provider takes the database, or the promise of it while start-up runs; `useDb`
 * suspends until it is open (the layout shows "Opening your decks…" meanwhile).
 *
 * Once the promise settles, the provider hands out an already-fulfilled promise of the database (React's
 * `status`/`value` fields, so `use` reads it without waiting), through a state update. A page suspended on the
 * start-up promise is then shown at once: React delays the reveal of a Suspense boundary retried by a resolved
 * promise until 300 ms after its fallback appeared, which on a warm start was longer than everything else together.
 * `useDb` always calls `use`, as React requires of a component that suspended with it.
 */
import { createContext, type ReactNode, use, useContext, useEffect, useMemo, useState } from 'react';
import type { CardinalDb } from './database';

const DbContext = createContext<Promise<CardinalDb> | null>(null);

/** A promise React's `use` reads synchronously. */
function fulfilled(db: CardinalDb): Promise<CardinalDb> {
  return Object.assign(Promise.resolve(db), { status: 'fulfilled', value: db });
}

export function DbProvider({ db, children }: { db: CardinalDb | Promise<CardinalDb>; children: ReactNode }) {
  const ready = useMemo(() => (db instanceof Promise ? null : fulfilled(db)), [db]);
  const [opened, setOpened] = useState<{ from: Promise<CardinalDb>; ready: Promise<CardinalDb> } | null>(
    null,
  );
  useEffect(() => {
    if (!(db instanceof Promise)) return;
    let current = true;
    db.then(
      (value) => {
        if (current) setOpened({ from: db, ready: fulfilled(value) });
      },
      // A failed start-up reaches the error boundary through `use` (useDb below).
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [db]);
  const value = db instanceof Promise ? (opened?.from === db ? opened.ready : db) : (ready ?? fulfilled(db));
  return <DbContext value={value}>{children}</DbContext>;
}

export function useDb(): CardinalDb {
  const db = useContext(DbContext);
  if (db === null) throw new Error('useDb() needs a <DbProvider> above it');
  return use(db);
}

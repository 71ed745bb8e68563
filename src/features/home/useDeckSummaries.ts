import { type DeckSummary, deckSummaries } from '../../db/decksRepo';
import { useDbQuery } from '../../db/react';
import { DEFAULT_DAY_START_HOUR } from '../../domain/day';
import { useNow } from '../../stores/clock';

/** Every deck with its live counts; `undefined` while loading. Re-counts when data changes or a minute passes. */
export function useDeckSummaries(): DeckSummary[] | undefined {
  const now = useNow();
  // Minute-level freshness is enough for "due today"; keying on the minute avoids re-querying every render.
  const minute = Math.floor(now / 60_000) * 60_000;
  return useDbQuery((db) => deckSummaries(db, minute, DEFAULT_DAY_START_HOUR), [minute]);
}

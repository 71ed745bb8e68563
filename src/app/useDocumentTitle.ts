import { useEffect } from 'react';
import { useMatches } from 'react-router';
import { useDbQuery } from '../db/react';
import { deckTitleFor } from '../db/routeTitles';

/** "<page> · <deck> · Cardinal", e.g. "Review · Virtualization · Cardinal": the page from the route's handle. */
export function documentTitle(page: string | null, deck: string | null): string {
  return [page, deck, 'Cardinal'].filter((part): part is string => Boolean(part)).join(' · ');
}

export function useDocumentTitle(): void {
  const matches = useMatches();
  const { deckId, scope, examId } = matches.at(-1)?.params ?? {};
  const page =
    matches
      .map((m) => (m.handle as { title?: string } | undefined)?.title)
      .filter((t): t is string => t !== undefined)
      .at(-1) ?? null;
  const deck = useDbQuery((db) => deckTitleFor(db, { deckId, scope, examId }), [deckId, scope, examId]);
  useEffect(() => {
    document.title = documentTitle(page, deck ?? null);
  }, [page, deck]);
}

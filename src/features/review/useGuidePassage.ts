import { useEffect, useState } from 'react';
import { passagesOf } from '../../db/guides';
import type { GuidePassage } from '../../domain/deck/guide';
import type { DeckRecord } from '../../domain/records';

/** The passage of the deck's source guide that a section follows, or null when the deck ships no guide. */
export function useGuidePassage(deck: DeckRecord | undefined, sectionId: string): GuidePassage | null {
  const [passage, setPassage] = useState<GuidePassage | null>(null);
  const pending = deck ? passagesOf(deck) : undefined;
  useEffect(() => {
    let cancelled = false;
    setPassage(null);
    void pending?.then((passages) => {
      if (!cancelled) setPassage(passages.get(sectionId) ?? null);
    });
    return () => {
      cancelled = true;
    };
  }, [pending, sectionId]);
  return passage;
}

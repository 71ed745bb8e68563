import { useEffect, useState } from 'react';
import { type GuideSectionText, passagesOf } from '../../db/guides';
import type { DeckRecord } from '../../domain/records';

/** The passage of the deck's source guide that a section follows, or null when the deck ships no guide. */
export function useGuidePassage(deck: DeckRecord | undefined, sectionId: string): GuideSectionText | null {
  const [passage, setPassage] = useState<GuideSectionText | null>(null);
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

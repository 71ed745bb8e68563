import { useEffect, useState } from 'react';
import { type GuideSectionText, passagesOf } from '../../db/guides';
import type { DeckRecord } from '../../domain/records';

type Passages = Map<string, GuideSectionText>;

/** Guides already loaded, by their pending read: a card of a loaded guide finds its passage in the first render. */
const loaded = new WeakMap<Promise<Passages>, Passages>();

/** The passage of the deck's source guide that a section follows, or null when the deck ships no guide. */
export function useGuidePassage(deck: DeckRecord | undefined, sectionId: string): GuideSectionText | null {
  const pending = deck ? passagesOf(deck) : undefined;
  const ready = pending ? loaded.get(pending) : undefined;
  const [, setLoaded] = useState(0);
  useEffect(() => {
    if (!pending || loaded.has(pending)) return;
    let cancelled = false;
    void pending.then((passages) => {
      loaded.set(pending, passages);
      if (!cancelled) setLoaded((n) => n + 1);
    });
    return () => {
      cancelled = true;
    };
  }, [pending]);
  return ready?.get(sectionId) ?? null;
}

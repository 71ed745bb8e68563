import { useEffect, useState } from 'react';
import { type GuidePassage, guidePassages } from '../../domain/deck/guide';
import type { DeckRecord } from '../../domain/records';

/** Source texts shipped in data/guide/, loaded on first use. Keyed by the deck's `source.file`. */
const guides = import.meta.glob<string>('../../../data/guide/*.txt', { query: '?raw', import: 'default' });
const cache = new Map<string, Promise<Map<string, GuidePassage>>>();

function passagesOf(deck: DeckRecord): Promise<Map<string, GuidePassage>> | undefined {
  const file = deck.source.file;
  const load = file === undefined ? undefined : guides[`../../../data/${file}`];
  if (!load) return undefined;
  const key = `${deck.id}@${deck.version}`;
  let passages = cache.get(key);
  if (!passages) {
    passages = load().then((text) => guidePassages(text, deck.sections).passages);
    cache.set(key, passages);
  }
  return passages;
}

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

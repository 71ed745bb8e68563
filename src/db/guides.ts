/**
 * The source guides shipped in data/guide/, loaded on first use and split into one passage per deck section.
 * Keyed by the deck's `source.file`; a deck that ships no guide has none.
 */
import { type GuidePassage, guidePassages } from '../domain/deck/guide';
import type { DeckRecord } from '../domain/records';

const guides = import.meta.glob<string>('../../data/guide/*.txt', { query: '?raw', import: 'default' });
const cache = new Map<string, Promise<Map<string, GuidePassage>>>();

/** The deck's guide passages by section id, or undefined when the deck ships no guide. Cached per deck version. */
export function passagesOf(deck: DeckRecord): Promise<Map<string, GuidePassage>> | undefined {
  const file = deck.source.file;
  const load = file === undefined ? undefined : guides[`../../data/${file}`];
  if (!load) return undefined;
  const key = `${deck.id}@${deck.version}`;
  let passages = cache.get(key);
  if (!passages) {
    passages = load().then((text) => guidePassages(text, deck.sections).passages);
    cache.set(key, passages);
  }
  return passages;
}

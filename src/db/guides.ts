/**
 * The source guides shipped in data/guide/, loaded on first use and split into one passage per deck section,
 * each parsed into blocks (headings, paragraphs, lists, tables). Keyed by the deck's `source.file`; a deck that
 * ships no guide has none. The guide text and its parser are their own chunks, loaded only when a guide is shown.
 */
import { guidePassages } from '../domain/deck/guide';
import type { GuideBlock } from '../domain/deck/guideDocument';
import type { DeckRecord } from '../domain/records';

export type GuideSectionText = {
  sectionId: string;
  startLine: number;
  endLine: number;
  text: string;
  blocks: GuideBlock[];
};

const guides = import.meta.glob<string>('../../data/guide/*.txt', { query: '?raw', import: 'default' });
const cache = new Map<string, Promise<Map<string, GuideSectionText>>>();

/** The deck's guide passages by section id, or undefined when the deck ships no guide. Cached per deck version. */
export function passagesOf(deck: DeckRecord): Promise<Map<string, GuideSectionText>> | undefined {
  const file = deck.source.file;
  const load = file === undefined ? undefined : guides[`../../data/${file}`];
  if (!load) return undefined;
  const key = `${deck.id}@${deck.version}`;
  let passages = cache.get(key);
  if (!passages) {
    passages = Promise.all([load(), import('../domain/deck/guideDocument')]).then(
      ([text, { guideBlocks, passageBody }]) => {
        const parsed = new Map<string, GuideSectionText>();
        for (const [id, passage] of guidePassages(text, deck.sections).passages)
          parsed.set(id, { ...passage, blocks: guideBlocks(passageBody(passage.text)) });
        return parsed;
      },
    );
    cache.set(key, passages);
  }
  return passages;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guidePassages } from '../../../src/domain/deck/guide';
import { guideBlocks, passageBody } from '../../../src/domain/deck/guideDocument';
import { cardText, findExcerpt, sentencesOf } from '../../../src/domain/deck/guideExcerpt';
import type { Deck } from '../../../src/domain/deck/schema';

const root = join(import.meta.dirname, '../../..');
const guide = readFileSync(join(root, 'data/guide/virtualization-guide.txt'), 'utf8');
const deck = JSON.parse(readFileSync(join(root, 'data/decks/virtualization.json'), 'utf8')) as Deck;
const { passages } = guidePassages(guide, deck.sections);

function excerptOf(cardId: string) {
  const card = deck.cards.find((c) => c.id === cardId);
  if (!card) throw new Error(`no card ${cardId}`);
  return findExcerpt(guideBlocks(passageBody(passages.get(card.section)?.text ?? '')), cardText(card));
}

/** The matched sentence, item or row as text. */
function matched(cardId: string): string {
  const e = excerptOf(cardId);
  if (!e) return '';
  if (e.kind === 'paragraph') return e.sentences[e.match] ?? '';
  if (e.kind === 'list') return e.items[e.match] ?? '';
  return (e.rows[e.match] ?? []).join(' | ');
}

describe('findExcerpt', () => {
  it('finds the table row a comparison card comes from', () => {
    expect(excerptOf('comparison.parallels.type')).toMatchObject({ kind: 'table', match: 7 });
    expect(matched('comparison.parallels.features')).toMatch(/^Parallels Desktop \| Type 2/);
  });

  it('finds the list item or sentence of a card, with the sub-heading above it', () => {
    expect(matched('vxlan.q.port')).toBe('Uses UDP encapsulation (typically port 4789)');
    expect(excerptOf('vxlan.q.port')).toMatchObject({ kind: 'list', heading: 'Implementation Details:' });
    expect(matched('vlan.q.id-range')).toMatch(/VLAN ID range: 1-4094/);
    expect(matched('san.definition')).toMatch(/block-level/);
  });

  it('finds some passage text for every card of the shipped deck', () => {
    const missing = deck.cards
      .filter((c) => passages.has(c.section) && matched(c.id) === '')
      .map((c) => c.id);
    expect(missing).toEqual([]);
  });

  it('returns null when the card shares no word with the passage', () => {
    expect(findExcerpt([{ kind: 'paragraph', text: 'Alpha beta.' }], 'gamma delta')).toBeNull();
    expect(findExcerpt([], 'gamma')).toBeNull();
  });
});

describe('sentencesOf', () => {
  it('splits after a full stop, question or exclamation mark', () => {
    expect(sentencesOf('One (a.k.a. one). Two? Three! Four')).toEqual([
      'One (a.k.a. one).',
      'Two?',
      'Three!',
      'Four',
    ]);
  });
});

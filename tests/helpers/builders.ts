import { type CardinalDb, createDb } from '../../src/db/database';
import { type Card, DECK_FORMAT, DECK_FORMAT_VERSION, type Deck } from '../../src/domain/deck/schema';

/** A fixed instant for tests: Monday 2026-03-02, 10:00 local time. */
export const T0 = new Date(2026, 2, 2, 10, 0, 0).getTime();
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export function basic(id: string, overrides: Partial<Extract<Card, { kind: 'basic' }>> = {}): Card {
  return {
    id,
    section: 'alpha',
    kind: 'basic',
    front: `Front of ${id}`,
    back: `Back of ${id}`,
    ...overrides,
  };
}

export function makeDeck(overrides: Partial<Deck> = {}): Deck {
  return {
    format: DECK_FORMAT,
    formatVersion: DECK_FORMAT_VERSION,
    id: 'test-deck',
    version: 1,
    title: 'Test deck',
    description: 'A deck for tests.',
    source: { title: 'Test source' },
    sections: [
      { id: 'alpha', title: 'Alpha', children: [{ id: 'alpha-one', title: 'Alpha one' }] },
      { id: 'beta', title: 'Beta' },
    ],
    cards: [
      basic('a.one'),
      basic('a.two', { reversed: true }),
      {
        id: 'a.cloze',
        section: 'alpha-one',
        kind: 'cloze',
        text: '{{c1::VXLAN}} uses UDP port {{c2::4789}}.',
      },
      {
        id: 'b.mcq',
        section: 'beta',
        kind: 'mcq',
        prompt: 'Which storage is block-level?',
        options: ['SAN', 'NAS', 'DAS over a network'],
        correct: [0],
        explanation: 'Guide, SAN.',
      },
      {
        id: 'b.tf',
        section: 'beta',
        kind: 'truefalse',
        statement: 'NAS is file-level.',
        answer: true,
        explanation: 'Guide, NAS.',
      },
    ],
    ...overrides,
  };
}

let dbCounter = 0;

/** A fresh, empty database in fake-indexeddb. */
export async function freshDb(): Promise<CardinalDb> {
  dbCounter += 1;
  const db = createDb(`cardinal-test-${dbCounter}-${Math.random().toString(36).slice(2)}`);
  await db.open();
  return db;
}

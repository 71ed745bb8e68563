import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedDecks } from '../../src/app/shippedDecks';

const deckFiles = readdirSync('data/decks').filter((name) => name.endsWith('.json'));
const fileDecks = deckFiles.map(
  (name) => JSON.parse(readFileSync(`data/decks/${name}`, 'utf8')) as { id: string; version: number },
);

describe('the shipped deck manifest', () => {
  it('lists every deck file with its id and version', () => {
    expect(shippedDecks.map(({ id, version }) => ({ id, version }))).toEqual(
      fileDecks.map(({ id, version }) => ({ id, version })),
    );
  });

  it('loads each deck with the id and version it declares', async () => {
    for (const deck of shippedDecks) {
      const loaded = (await deck.load()) as { id: string; version: number };
      expect({ id: loaded.id, version: loaded.version }).toEqual({ id: deck.id, version: deck.version });
    }
  });
});

/**
 * Fuzzing the whole import path over a database: a mutated deck or CSV file is read, and when it reads, committed.
 * Nothing throws unhandled, and whenever the import is refused the database is exactly as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardinalDb } from '../../src/db/database';
import { syncDeck } from '../../src/db/deckInstall';
import { commitDeckImport } from '../../src/db/transfer/deckImport';
import { readCsv } from '../../src/domain/transfer/csv/readCsv';
import { deckToCsv } from '../../src/domain/transfer/csv/writeCsv';
import { readDeckJson } from '../../src/domain/transfer/deckJson';
import { freshDb, makeDeck, T0 } from '../helpers/builders';

async function everyTable(db: CardinalDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

const edit = (text: string) =>
  fc
    .tuple(
      fc.nat(text.length),
      fc.nat(8),
      fc.string({ unit: fc.constantFrom('"', ',', '\n', '{', '}', 'x', '{{c1::', '::') }),
    )
    .map(([at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut));

describe('import fuzzing against the database', () => {
  it('a refused import (at read or at write) never changes stored data', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0, { shipped: false });
    const deckText = JSON.stringify(makeDeck());
    const csvText = deckToCsv(makeDeck());
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          edit(deckText).map((t) => ['d.json', t] as const),
          edit(csvText).map((t) => ['c.csv', t] as const),
        ),
        async ([name, text]) => {
          const before = await everyTable(db);
          const read = name.endsWith('.json') ? readDeckJson(name, text) : readCsv(name, text);
          if (!read.ok) {
            expect(await everyTable(db)).toStrictEqual(before);
            return;
          }
          const result = await commitDeckImport(
            db,
            read,
            { deckId: 'test-deck', title: 'Test deck', missing: 'keep' },
            T0,
          );
          if (!result.ok) expect(await everyTable(db)).toStrictEqual(before);
        },
      ),
      { numRuns: 60 },
    );
  });
});

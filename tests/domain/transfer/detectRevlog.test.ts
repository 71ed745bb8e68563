import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { revlogKind } from '../../../src/domain/transfer/detectRevlog';
import { reviewLogsToFsrsCsv } from '../../../src/domain/transfer/revlogCsv';
import { readImportFile } from '../../../src/features/transfer/readImportFile';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../fixtures/revlog', name), 'utf8');

describe('review-log CSVs are recognised, never read as a deck', () => {
  it('a real review history in the FSRS optimizer columns', () => {
    expect(revlogKind(fixture('anki-review-history-head.csv'))).toBe('fsrs-optimizer');
  });

  it("Anki's revlog table", () => {
    expect(revlogKind(fixture('mixed-notetypes-anki-revlog.csv'))).toBe('anki-revlog');
  });

  it("Cardinal's own review-log export", () => {
    const csv = reviewLogsToFsrsCsv([
      { deckId: 'd', itemId: 'a#1', review: 1, rating: 3, state: 0, durationMs: 1000 },
      { deckId: 'd', itemId: 'a#1', review: 2, rating: 3, state: 1, durationMs: 1000 },
    ]);
    expect(revlogKind(csv)).toBe('fsrs-optimizer');
  });

  it('leaves flashcard CSVs alone', () => {
    expect(revlogKind('front,back\nq,a\n')).toBeUndefined();
    expect(revlogKind('card_id,front\n1,a\n')).toBeUndefined();
  });

  it('the import reads it as history to attach, never as a deck', async () => {
    const read = await readImportFile(
      'revlog.csv',
      new TextEncoder().encode(fixture('mixed-notetypes-anki-revlog.csv')),
      {},
    );
    expect(read.kind).toBe('revlog');
    if (read.kind !== 'revlog') return;
    expect(read.rows.kind).toBe('anki-revlog');
    expect(read.rows.rows.length + read.rows.skipped.length).toBe(26);
  });
});

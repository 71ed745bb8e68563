import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cardinalItemNumber } from '../../../src/domain/transfer/revlogCardNumber';
import { REVLOG_COLUMNS, reviewLogsToFsrsCsv } from '../../../src/domain/transfer/revlogCsv';
import { T0 } from '../../helpers/builders';

describe('reviewLogsToFsrsCsv', () => {
  it('writes the FSRS optimizer columns, one number per review item (its Anki card id, else a stable hash), in time order', () => {
    const logs = [
      {
        deckId: 'd',
        itemId: 'b#1',
        review: T0 + 2000,
        rating: 3 as const,
        state: 1 as const,
        durationMs: 4000.4,
      },
      { deckId: 'd', itemId: 'a#1', review: T0, rating: 1 as const, state: 0 as const, durationMs: 60000 },
      { deckId: 'd', itemId: 'a#1', review: T0 + 5000, rating: 4 as const, state: 2 as const, durationMs: 0 },
      {
        deckId: 'e',
        itemId: 'a#1',
        review: T0 + 1000,
        rating: 2 as const,
        state: 3 as const,
        durationMs: 10,
      },
    ];
    const csv = reviewLogsToFsrsCsv(logs, new Map([['d\u0000b#1', 1_755_501_927_620]]));
    const da = String(cardinalItemNumber('d', 'a#1'));
    const ea = String(cardinalItemNumber('e', 'a#1'));
    expect(new Set([da, ea]).size).toBe(2);
    const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
    expect(parsed.meta.fields).toEqual([...REVLOG_COLUMNS]);
    expect(parsed.data).toEqual([
      {
        card_id: da,
        review_time: String(T0),
        review_rating: '1',
        review_state: '0',
        review_duration: '60000',
      },
      {
        card_id: ea,
        review_time: String(T0 + 1000),
        review_rating: '2',
        review_state: '3',
        review_duration: '10',
      },
      {
        card_id: '1755501927620',
        review_time: String(T0 + 2000),
        review_rating: '3',
        review_state: '1',
        review_duration: '4000',
      },
      {
        card_id: da,
        review_time: String(T0 + 5000),
        review_rating: '4',
        review_state: '2',
        review_duration: '0',
      },
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readRevlogRows } from '../../../src/domain/transfer/revlogRows';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../fixtures/revlog', name), 'utf8');

const answer = fc.record({
  cardId: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  review: fc.integer({ min: 1, max: 4_000_000_000_000 }),
  rating: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  state: fc.integer({ min: 0, max: 3 }),
  durationMs: fc.integer({ min: 0, max: 10_000_000 }),
});

describe('readRevlogRows', () => {
  it('reads back every answer written in the FSRS optimizer format, in any column order (property)', () => {
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 40 }), fc.boolean(), (answers, iso) => {
        const fields = ['review_duration', 'card_id', 'review_state', 'review_rating', 'review_time'];
        const csv = Papa.unparse({
          fields,
          data: answers.map((a) => [
            a.durationMs,
            a.cardId,
            a.state,
            a.rating,
            iso ? new Date(a.review).toISOString() : a.review,
          ]),
        });
        const read = readRevlogRows('r.csv', csv);
        expect(read?.kind).toBe('fsrs-optimizer');
        expect(read?.skipped).toEqual([]);
        expect(read?.rows).toEqual(
          answers.map((a, i) => ({
            line: i + 2,
            cardId: a.cardId,
            review: a.review,
            rating: a.rating,
            durationMs: a.durationMs,
          })),
        );
      }),
    );
  });

  it('reads back Anki revlog rows; manual entries (type 4, 5) and ease 0 are skipped by line (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ a: answer, type: fc.integer({ min: 0, max: 5 }), ease0: fc.boolean() }), {
          maxLength: 40,
        }),
        (rows) => {
          const csv = `id,cid,usn,ease,ivl,lastIvl,factor,time,type\n${rows
            .map(({ a, type, ease0 }) =>
              [a.review, a.cardId, -1, ease0 ? 0 : a.rating, 1, 0, 2500, a.durationMs, type].join(','),
            )
            .join('\n')}`;
          const read = readRevlogRows('revlog.csv', csv);
          const answers = rows.flatMap(({ a, type, ease0 }, i) =>
            type <= 3 && !ease0
              ? [
                  {
                    line: i + 2,
                    cardId: a.cardId,
                    review: a.review,
                    rating: a.rating,
                    durationMs: a.durationMs,
                  },
                ]
              : [],
          );
          expect(read?.kind).toBe('anki-revlog');
          expect(read?.rows).toEqual(answers);
          expect(read?.skipped.map((s) => s.where)).toEqual(
            rows.flatMap(({ type, ease0 }, i) => (type <= 3 && !ease0 ? [] : [`revlog.csv line ${i + 2}`])),
          );
        },
      ),
    );
  });

  it('never throws on any text under a revlog header; every row it keeps is an answer (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 6 }), { maxLength: 30 }),
        (lines) => {
          const text = `card_id,review_time,review_rating,review_state,review_duration\n${lines.map((l) => l.join(',')).join('\n')}`;
          const read = readRevlogRows('r.csv', text);
          if (!read) throw new Error('header not recognised');
          for (const row of read.rows) {
            expect([1, 2, 3, 4]).toContain(row.rating);
            expect(Number.isSafeInteger(row.cardId)).toBe(true);
            expect(row.review).toBeGreaterThan(0);
            expect(row.durationMs).toBeGreaterThanOrEqual(0);
          }
          for (const s of read.skipped) expect(s.where).toMatch(/^r\.csv line \d+$/);
        },
      ),
    );
  });

  it('reads real files: ISO times with microseconds, and the revlog table of a real Anki package', () => {
    const head = readRevlogRows('head.csv', fixture('anki-review-history-head.csv'));
    expect(head?.rows).toHaveLength(199);
    expect(head?.skipped).toEqual([]);
    expect(head?.rows[0]).toEqual({
      line: 2,
      cardId: 1711684180217,
      review: Date.UTC(2024, 2, 29, 20, 32, 32, 250),
      rating: 1,
      durationMs: 25060,
    });
    const anki = readRevlogRows('revlog.csv', fixture('mixed-notetypes-anki-revlog.csv'));
    expect((anki?.rows.length ?? 0) + (anki?.skipped.length ?? 0)).toBe(26);
    expect(anki?.rows[0]).toEqual({
      line: 2,
      cardId: 1755501927620,
      review: 1755502051870,
      rating: 3,
      durationMs: 6425,
    });
  });

  it('names the line and the field of a bad row', () => {
    const read = readRevlogRows(
      'r.csv',
      'card_id,review_time,review_rating,review_duration\n1,1700000000000,5,0\nx,1700000000000,3,0\n2,2024-03-29T20:32:32,3,0\n\n3,1700000000000,3,-4\n',
    );
    expect(read?.rows).toEqual([]);
    expect(read?.skipped).toEqual([
      { where: 'r.csv line 2', reason: 'review_rating "5" is not an answer button (1–4)' },
      { where: 'r.csv line 3', reason: 'card_id "x" is not a whole number' },
      {
        where: 'r.csv line 4',
        reason: 'review_time "2024-03-29T20:32:32" is not a time (epoch ms, or ISO-8601 with its offset)',
      },
      { where: 'r.csv line 6', reason: 'review_duration "-4" is not a number of ms' },
    ]);
  });
});

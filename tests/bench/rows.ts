/**
 * Synthetic rows shaped exactly like Cardinal's records (src/domain/records.ts), generated the same way in Node (to
 * write backup and deck files) and in the page (for the raw-IndexedDB baseline and for seeding): `benchRows` is
 * self-contained so it can be sent to the page as text (see pageTools.ts).
 */
export type BenchRowKind = 'cards' | 'cardStates' | 'reviewLogs';

/** Rows [start, start + count) of one kind for a deck of basic cards `c<i>` in one section `s`. */
export function benchRows(
  kind: BenchRowKind,
  start: number,
  count: number,
  deckId: string,
  now: number,
  cardCount: number,
): Record<string, unknown>[] {
  const DAY = 86_400_000;
  const out: Record<string, unknown>[] = [];
  for (let i = start; i < start + count; i++) {
    if (kind === 'cards') {
      out.push({
        deckId,
        id: `c${i}`,
        position: i,
        retired: false,
        card: { id: `c${i}`, section: 's', kind: 'basic', front: `Question ${i}`, back: `Answer ${i}` },
      });
    } else if (kind === 'cardStates') {
      // Half the items studied, due from 30 days ago to 30 days ahead (as tests/bench/harness.tsx seeds them).
      const studied = i % 2 === 1;
      const due = studied ? now + ((i % 61) - 30) * DAY : now;
      out.push({
        deckId,
        itemId: `c${i}#1`,
        cardId: `c${i}`,
        ordinal: 1,
        section: 's',
        position: i * 100 + 1,
        fsrs: {
          due,
          stability: studied ? 10 : 0,
          difficulty: studied ? 5 : 0,
          elapsed_days: 0,
          scheduled_days: studied ? 10 : 0,
          learning_steps: 0,
          reps: studied ? 3 : 0,
          lapses: 0,
          state: studied ? 2 : 0,
          last_review: studied ? due - 10 * DAY : null,
        },
        queue: studied ? 'review' : 'new',
        due,
        suspended: false,
        retired: false,
        buriedUntil: 0,
        leech: false,
        flag: 0,
        marked: false,
      });
    } else {
      const card = i % cardCount;
      const review = now - (i + 1) * 60_000;
      const fsrs = {
        due: review,
        stability: 5,
        difficulty: 5,
        elapsed_days: 3,
        scheduled_days: 5,
        learning_steps: 0,
        reps: 2,
        lapses: 0,
        state: 2,
        last_review: review - 3 * DAY,
      };
      out.push({
        id: i + 1,
        deckId,
        itemId: `c${card}#1`,
        cardId: `c${card}`,
        rating: 3,
        state: 2,
        due: review + 5 * DAY,
        stability: 7,
        difficulty: 5,
        elapsed_days: 3,
        last_elapsed_days: 3,
        scheduled_days: 7,
        learning_steps: 0,
        review,
        durationMs: 4000,
        source: 'review',
        before: { fsrs, suspended: false, leech: false },
      });
    }
  }
  return out;
}

/** The deck row of the synthetic deck (a DeckRecord). */
export function benchDeckRow(deckId: string, cardCount: number, now: number) {
  return {
    format: 'cardinal-deck',
    formatVersion: 1,
    id: deckId,
    version: 1,
    title: 'Bench',
    description: 'Synthetic cards for the benchmark.',
    source: { title: 'synthetic' },
    sections: [{ id: 's', title: 'S' }],
    shipped: false,
    installedAt: now,
    updatedAt: now,
    cardCount,
  };
}

/** Fitted FSRS parameters: stored per deck, used by the scheduler, applied with or without a reschedule. */
import { describe, expect, it } from 'vitest';
import { syncDeck } from '../../src/db/deckInstall';
import { recordAnswer } from '../../src/db/reviewRepo';
import {
  applyFittedParameters,
  getFittedParameters,
  getSchedulerSettings,
} from '../../src/db/schedulerSettingsRepo';
import { retrievability } from '../../src/domain/scheduler';
import { DEFAULT_PARAMETERS } from '../../src/domain/schedulerFit';
import { schedulerSettingsKey } from '../../src/domain/settings';
import { DAY, freshDb, makeDeck, T0 } from '../helpers/builders';
import { SETTINGS } from '../helpers/items';

/** The defaults with a faster forgetting curve (decay w[20] 0.5 instead of 0.1542) and larger first stabilities. */
const FITTED = DEFAULT_PARAMETERS.map((w, i) => (i === 20 ? 0.5 : i < 4 ? w * 3 : w));

describe('fitted parameters', () => {
  it('change what the scheduler predicts', () => {
    const fsrs = {
      due: T0,
      stability: 10,
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 10,
      learning_steps: 0,
      reps: 3,
      lapses: 0,
      state: 2 as const,
      last_review: T0,
    };
    // Stability is where recall falls to 90 % whatever the decay; 30 days on, the decay tells them apart.
    expect(retrievability(fsrs, T0 + 10 * DAY, SETTINGS)).toBeCloseTo(0.9, 6);
    expect(retrievability(fsrs, T0 + 10 * DAY, { ...SETTINGS, fsrsParameters: FITTED })).toBeCloseTo(0.9, 6);
    const slow = retrievability(fsrs, T0 + 30 * DAY, SETTINGS);
    const fast = retrievability(fsrs, T0 + 30 * DAY, { ...SETTINGS, fsrsParameters: FITTED });
    expect(fast).not.toBeCloseTo(slow, 3);
  });

  it('are stored per deck, reschedule on request in one go, and can be removed', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0 - 10 * DAY, { shipped: false });
    await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: SETTINGS });
    for (const [i, itemId] of ['a.one#1', 'a.two#1'].entries()) {
      for (const day of [0, 1, 4]) {
        await recordAnswer(
          db,
          'test-deck',
          itemId,
          { rating: 3, now: T0 - 9 * DAY + day * DAY + i, durationMs: 5000, source: 'review' },
          SETTINGS,
        );
      }
    }
    const before = await db.cardStates.get(['test-deck', 'a.one#1']);
    expect((await getSchedulerSettings(db, 'test-deck')).fsrsParameters).toBeUndefined();

    const changed = await applyFittedParameters(
      db,
      'test-deck',
      { parameters: FITTED, fittedAt: T0, reviews: 6 },
      { reschedule: true, now: T0 },
    );
    expect(changed).toBe(2);
    expect((await getSchedulerSettings(db, 'test-deck')).fsrsParameters).toEqual(FITTED);
    expect((await getFittedParameters(db, 'test-deck'))?.reviews).toBe(6);
    const after = await db.cardStates.get(['test-deck', 'a.one#1']);
    expect(after?.fsrs.stability).not.toBeCloseTo(before?.fsrs.stability ?? 0, 3);

    await applyFittedParameters(db, 'test-deck', null, { reschedule: false, now: T0 });
    expect(await getFittedParameters(db, 'test-deck')).toBeNull();
    expect(await db.cardStates.get(['test-deck', 'a.one#1'])).toEqual(after);
  });

  it('refuses parameters of the wrong shape and stores nothing', async () => {
    const db = await freshDb();
    await expect(
      applyFittedParameters(
        db,
        'test-deck',
        { parameters: [1, 2, 3], fittedAt: T0, reviews: 1 },
        { reschedule: false, now: T0 },
      ),
    ).rejects.toThrow();
    expect(await getFittedParameters(db, 'test-deck')).toBeNull();
  });
});

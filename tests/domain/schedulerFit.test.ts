// @vitest-environment node
/**
 * The FSRS optimizer (fsrs-browser's WebAssembly, run here in Node) fitted to a real 12,580-review Anki history
 * predicts that history better than the default parameters; and the evaluation itself against hand values.
 */
process.env.TZ = 'UTC';

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMETERS,
  evaluateParameters,
  MIN_REVIEWS_TO_FIT,
  trainingSet,
} from '../../src/domain/schedulerFit';
import { fixtureHistories } from './revlogFixture';

async function loadOptimizer() {
  // fsrs-browser's thread helper listens on `self` when loaded; Node has no `self`.
  Object.assign(globalThis, { self: { addEventListener() {}, removeEventListener() {} } });
  const fsrs = await import('fsrs-browser');
  const wasm = readFileSync(createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm'));
  fsrs.initSync({ module: wasm });
  return fsrs;
}

describe('training items', () => {
  it('makes one item per review on a later day, holding the history up to it', () => {
    const set = trainingSet([
      [
        { rating: 3, day: 10 },
        { rating: 3, day: 10 }, // same day: history only
        { rating: 1, day: 13 },
        { rating: 3, day: 20 },
      ],
      [{ rating: 4, day: 1 }], // a single answer teaches nothing yet
    ]);
    expect(set.reviews).toBe(2);
    expect([...set.lengths]).toEqual([3, 4]);
    expect([...set.ratings]).toEqual([3, 3, 1, 3, 3, 1, 3]);
    expect([...set.deltas]).toEqual([0, 0, 3, 0, 0, 3, 7]);
  });
});

describe('evaluation', () => {
  it('scores a prediction by log loss and binned RMSE', () => {
    // One item, answered Good on day 0 and Good again 3 days later: a single prediction p, recalled.
    const result = evaluateParameters(DEFAULT_PARAMETERS, [
      [
        { rating: 3, day: 0 },
        { rating: 3, day: 3 },
      ],
    ]);
    expect(result.reviews).toBe(1);
    // Default FSRS-6: initial stability for Good is w[2] = 2.3065, decay 0.1542;
    // R(3) = (1 + factor · 3 / S)^(-decay) with factor = 0.9^(-1/decay) − 1.
    const decay = DEFAULT_PARAMETERS[20] as number;
    const factor = 0.9 ** (-1 / decay) - 1;
    const p = (1 + (factor * 3) / (DEFAULT_PARAMETERS[2] as number)) ** -decay;
    expect(result.logLoss).toBeCloseTo(-Math.log(p), 6);
    expect(result.rmse).toBeCloseTo(1 - p, 6);
  });
});

describe('the optimizer on a real history', () => {
  it('fits parameters with a lower log loss than the defaults on the 12,580-review history', async () => {
    const histories = fixtureHistories();
    expect(histories.reduce((n, h) => n + h.length, 0)).toBe(12_580);
    const set = trainingSet(histories);
    expect(set.reviews).toBeGreaterThan(MIN_REVIEWS_TO_FIT);
    const { Fsrs } = await loadOptimizer();
    const fitted = [...new Fsrs().computeParameters(set.ratings, set.deltas, set.lengths, undefined, true)];
    expect(fitted).toHaveLength(21);
    const before = evaluateParameters(DEFAULT_PARAMETERS, histories);
    const after = evaluateParameters(fitted, histories);
    expect(after.reviews).toBe(set.reviews);
    expect(after.logLoss).toBeLessThan(before.logLoss);
    expect(after.rmse).toBeLessThan(before.rmse);
  }, 120_000);
});

/**
 * Fitting FSRS to a review history, the pure part: histories become the optimizer's training items, and any
 * parameters are evaluated on a history by log loss and RMSE, as Anki reports them. The fit itself runs in
 * fsrs-browser (the fsrs-rs optimizer in WebAssembly), in a worker; this module only uses ts-fsrs's model.
 */
import { default_w, FSRSAlgorithm, generatorParameters } from 'ts-fsrs';

/** One answer of a review item: its grade and its study day (studyDayNumber). */
export type FitReview = { rating: 1 | 2 | 3 | 4; day: number };

/** The optimizer's input: for every review on a later day than the one before, the item's history up to it. */
export type TrainingSet = {
  ratings: Uint32Array;
  deltas: Uint32Array;
  lengths: Uint32Array;
  /** Reviews the fit learns from (one per training item). */
  reviews: number;
};

/**
 * Below this many reviews (answers on a later day than the item's previous answer) the fit is refused: with less,
 * fitted parameters follow noise (Anki asks for the same order of magnitude).
 */
export const MIN_REVIEWS_TO_FIT = 400;

export const DEFAULT_PARAMETERS: readonly number[] = default_w;

/** Histories (each sorted by time) → the optimizer's flat arrays. */
export function trainingSet(histories: Iterable<readonly FitReview[]>): TrainingSet {
  const ratings: number[] = [];
  const deltas: number[] = [];
  const lengths: number[] = [];
  for (const history of histories) {
    for (let end = 1; end < history.length; end++) {
      if (delta(history, end) === 0) continue;
      lengths.push(end + 1);
      for (let i = 0; i <= end; i++) {
        ratings.push((history[i] as FitReview).rating);
        deltas.push(delta(history, i));
      }
    }
  }
  return {
    ratings: Uint32Array.from(ratings),
    deltas: Uint32Array.from(deltas),
    lengths: Uint32Array.from(lengths),
    reviews: lengths.length,
  };
}

function delta(history: readonly FitReview[], i: number): number {
  return i === 0 ? 0 : Math.max(0, (history[i] as FitReview).day - (history[i - 1] as FitReview).day);
}

export type Evaluation = {
  /** Mean binary cross-entropy of the predicted recall against what happened (lower is better). */
  logLoss: number;
  /** Root mean square error between predicted and actual recall, over 20 bins of the prediction. */
  rmse: number;
  reviews: number;
};

const BINS = 20;

/**
 * How well `parameters` predict a history: for each review on a later day than the one before, the predicted
 * probability of recall (from the item's history before it) against the outcome (not Again = recalled).
 * Each history is walked once, so this is linear in the number of reviews.
 */
export function evaluateParameters(
  parameters: readonly number[],
  histories: Iterable<readonly FitReview[]>,
): Evaluation {
  const model = new FSRSAlgorithm(generatorParameters({ w: [...parameters], enable_short_term: true }));
  let loss = 0;
  let n = 0;
  const binCount = new Array<number>(BINS).fill(0);
  const binPredicted = new Array<number>(BINS).fill(0);
  const binActual = new Array<number>(BINS).fill(0);
  for (const history of histories) {
    let memory: { stability: number; difficulty: number } | null = null;
    for (let i = 0; i < history.length; i++) {
      const review = history[i] as FitReview;
      const t = delta(history, i);
      if (memory && t > 0) {
        const p = Math.min(Math.max(model.forgetting_curve(t, memory.stability), 1e-4), 1 - 1e-4);
        const y = review.rating > 1 ? 1 : 0;
        loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
        n++;
        const bin = Math.min(BINS - 1, Math.floor(p * BINS));
        binCount[bin] = (binCount[bin] ?? 0) + 1;
        binPredicted[bin] = (binPredicted[bin] ?? 0) + p;
        binActual[bin] = (binActual[bin] ?? 0) + y;
      }
      memory = model.next_state(memory, t, review.rating);
    }
  }
  let squared = 0;
  for (let b = 0; b < BINS; b++) {
    const count = binCount[b] ?? 0;
    if (count === 0) continue;
    squared += count * ((binPredicted[b] ?? 0) / count - (binActual[b] ?? 0) / count) ** 2;
  }
  return { logLoss: n ? loss / n : 0, rmse: n ? Math.sqrt(squared / n) : 0, reviews: n };
}

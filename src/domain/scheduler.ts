/**
 * The only module that imports ts-fsrs. Everything else sees plain FsrsFields with epoch-ms dates.
 * `now` is always passed in.
 */
import { createEmptyCard, type Card as FsrsCard } from 'ts-fsrs';
import type { FsrsFields } from './records';

/** The state of an item never reviewed, as ts-fsrs creates it. */
export function newFsrsFields(now: number): FsrsFields {
  return fromFsrsCard(createEmptyCard(new Date(now)));
}

export function fromFsrsCard(card: FsrsCard): FsrsFields {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review ? card.last_review.getTime() : null,
  };
}

export function toFsrsCard(fields: FsrsFields): FsrsCard {
  return {
    ...fields,
    due: new Date(fields.due),
    last_review: fields.last_review === null ? undefined : new Date(fields.last_review),
  };
}

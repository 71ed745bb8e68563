/**
 * FSRS parameters fitted to a deck's own review history ("Optimize parameters" in the deck's settings). Stored
 * apart from the other scheduler settings (settings key `fsrs-parameters:<deckId>`); a deck without them is
 * scheduled with ts-fsrs's default parameters.
 */
import { z } from 'zod';
import type { SchedulerSettings } from './settings';

/** FSRS-6 has 21 parameters. */
export const FSRS_PARAMETER_COUNT = 21;

export const fittedParametersSchema = z.strictObject({
  parameters: z.array(z.number().finite()).length(FSRS_PARAMETER_COUNT),
  fittedAt: z.number(),
  /** Reviews the fit was computed from. */
  reviews: z.number().int().min(0),
});

export type FittedParameters = z.infer<typeof fittedParametersSchema>;

/** Scheduler settings with the deck's fitted parameters, when it has some. */
export type ScheduleSettings = SchedulerSettings & { fsrsParameters?: readonly number[] };

export function fittedParametersKey(deckId: string): string {
  return `fsrs-parameters:${deckId}`;
}

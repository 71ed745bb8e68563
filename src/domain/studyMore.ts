/**
 * "Study more today" (Anki's Custom Study: raise today's new card limit): extra new cards for one deck, valid
 * until the next study day starts. Stored per deck in the settings table (`study:extraNew:<deckId>`).
 */
import { z } from 'zod';
import type { SchedulerSettings } from './settings';

export const extraNewSchema = z.object({
  until: z.number().finite(),
  extra: z.number().int().min(0).max(9999),
});
export type ExtraNew = z.infer<typeof extraNewSchema>;

export const extraNewKey = (deckId: string) => `study:extraNew:${deckId}`;

/** Today's settings with the extra new cards added while they are valid. */
export function withExtraNew(
  settings: SchedulerSettings,
  extra: ExtraNew | undefined,
  now: number,
): SchedulerSettings {
  if (!extra || now >= extra.until || extra.extra === 0) return settings;
  return { ...settings, newPerDay: settings.newPerDay + extra.extra };
}

/** Adds `n` to today's extra (a new study day starts again from `n`). */
export function addExtraNew(current: ExtraNew | undefined, n: number, now: number, until: number): ExtraNew {
  const still = current && now < current.until ? current.extra : 0;
  return { until, extra: Math.min(9999, still + n) };
}

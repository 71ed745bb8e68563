/**
 * Per-deck scheduler settings, stored in IndexedDB (settings table, key `scheduler:<deckId>`).
 * Defaults follow Anki's and ts-fsrs's.
 */
import { z } from 'zod';

const step = z.string().regex(/^\d+(\.\d+)?[mhd]$/, 'must look like 1m, 10m, 1h or 1d');

export const schedulerSettingsSchema = z.strictObject({
  /** Probability of recall FSRS aims for when it schedules a review. */
  desiredRetention: z.number().min(0.7, 'must be at least 0.70').max(0.99, 'must be at most 0.99'),
  maximumIntervalDays: z.number().int().min(1).max(36500),
  newPerDay: z.number().int().min(0).max(9999),
  reviewsPerDay: z.number().int().min(0).max(99999),
  learningSteps: z.array(step).max(10),
  relearningSteps: z.array(step).max(10),
  fuzz: z.boolean(),
  /** Local hour at which a new study day starts. */
  dayStartHour: z.number().int().min(0).max(23),
  /** Lapses after which an item is tagged leech and suspended. */
  leechThreshold: z.number().int().min(1).max(99),
  /** Type the answer of short basic cards and see a character diff. */
  typeInAnswers: z.boolean(),
});

export type SchedulerSettings = z.infer<typeof schedulerSettingsSchema>;

export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = {
  desiredRetention: 0.9,
  maximumIntervalDays: 36500,
  newPerDay: 20,
  reviewsPerDay: 200,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  fuzz: true,
  dayStartHour: 4,
  leechThreshold: 8,
  typeInAnswers: false,
};

export function schedulerSettingsKey(deckId: string): string {
  return `scheduler:${deckId}`;
}

/** Reads stored settings leniently: fields that are missing or invalid take their default. */
export function normalizeSchedulerSettings(stored: unknown): SchedulerSettings {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_SCHEDULER_SETTINGS;
  const merged: Record<string, unknown> = { ...DEFAULT_SCHEDULER_SETTINGS };
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in DEFAULT_SCHEDULER_SETTINGS)) continue;
    const field = schedulerSettingsSchema.shape[key as keyof SchedulerSettings];
    if (field.safeParse(value).success) merged[key] = value;
  }
  return schedulerSettingsSchema.parse(merged);
}

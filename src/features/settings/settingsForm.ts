/**
 * The settings form's text fields and the scheduler settings, both ways, with messages in plain words
 * ("Enter a whole number from 0 to 9999.") instead of the schema library's ("Too small: expected number to be >=0").
 */
import type { z } from 'zod';
import { type SchedulerSettings, schedulerSettingsSchema } from '../../domain/settings';

export type Draft = Record<keyof SchedulerSettings, string | boolean>;

export function toDraft(s: SchedulerSettings): Draft {
  return {
    ...s,
    desiredRetention: s.desiredRetention.toFixed(2),
    maximumIntervalDays: String(s.maximumIntervalDays),
    newPerDay: String(s.newPerDay),
    reviewsPerDay: String(s.reviewsPerDay),
    learningSteps: s.learningSteps.join(' '),
    relearningSteps: s.relearningSteps.join(' '),
    dayStartHour: String(s.dayStartHour),
    leechThreshold: String(s.leechThreshold),
  };
}

/** What each field accepts, said as an instruction. */
const RULES: Partial<Record<keyof SchedulerSettings, string>> = {
  desiredRetention: 'Enter a number from 0.70 to 0.99, e.g. 0.90.',
  maximumIntervalDays: 'Enter a whole number of days from 1 to 36500.',
  newPerDay: 'Enter a whole number from 0 to 9999.',
  reviewsPerDay: 'Enter a whole number from 0 to 99999.',
  dayStartHour: 'Enter an hour from 0 to 23.',
  leechThreshold: 'Enter a whole number from 1 to 99.',
  learningSteps: 'Write up to 10 steps like 1m 10m 1h 1d (minutes, hours, days), separated by spaces.',
  relearningSteps: 'Write up to 10 steps like 10m or 1h 1d (minutes, hours, days), separated by spaces.',
};

const stepsOf = (v: string | boolean) =>
  String(v)
    .split(/[\s,]+/)
    .filter(Boolean);

/** A number field's value; an empty field is not a number (rather than 0). */
const numberOf = (v: string | boolean) => (String(v).trim() === '' ? Number.NaN : Number(v));

function messageFor(key: keyof SchedulerSettings, issue: z.core.$ZodIssue, draft: Draft): string {
  const rule = RULES[key] ?? 'This value is not allowed.';
  const value = draft[key];
  if (typeof value === 'string' && value.trim() === '')
    return key === 'learningSteps' || key === 'relearningSteps' ? rule : `This field is empty. ${rule}`;
  if (key === 'learningSteps' || key === 'relearningSteps') {
    const index = issue.path[1];
    const step = typeof index === 'number' ? stepsOf(value)[index] : undefined;
    if (step !== undefined) return `“${step}” is not a step. ${rule}`;
  }
  return rule;
}

export type DraftResult =
  | { ok: true; settings: SchedulerSettings }
  | { ok: false; errors: Partial<Record<keyof SchedulerSettings, string>> };

export function fromDraft(draft: Draft): DraftResult {
  const parsed = schedulerSettingsSchema.safeParse({
    desiredRetention: numberOf(draft.desiredRetention),
    maximumIntervalDays: numberOf(draft.maximumIntervalDays),
    newPerDay: numberOf(draft.newPerDay),
    reviewsPerDay: numberOf(draft.reviewsPerDay),
    learningSteps: stepsOf(draft.learningSteps),
    relearningSteps: stepsOf(draft.relearningSteps),
    fuzz: draft.fuzz === true,
    dayStartHour: numberOf(draft.dayStartHour),
    leechThreshold: numberOf(draft.leechThreshold),
    typeInAnswers: draft.typeInAnswers === true,
  });
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: Partial<Record<keyof SchedulerSettings, string>> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof SchedulerSettings;
    errors[key] ??= messageFor(key, issue, draft);
  }
  return { ok: false, errors };
}

/** The exam set-up form: its draft (strings, as typed) and the validation that turns it into an ExamConfig. */
import { z } from 'zod';
import { EXAM_DEFAULTS, type ExamConfig } from '../../domain/exam/record';

export type SetupDraft = {
  count: string;
  timed: boolean;
  minutes: string;
  passMark: string;
  order: ExamConfig['order'];
  sections: string[];
  tags: string[];
  seed: string;
};

export function defaultDraft(sections: string[]): SetupDraft {
  return {
    count: String(EXAM_DEFAULTS.count),
    timed: true,
    minutes: String(EXAM_DEFAULTS.timeLimitMinutes),
    passMark: String(EXAM_DEFAULTS.passMark),
    order: 'random',
    sections,
    tags: [],
    seed: '',
  };
}

const whole = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const draftSchema = z.object({
  count: whole(1, 500),
  minutes: whole(1, 600),
  passMark: whole(0, 100),
  sections: z.array(z.string()).min(1, 'choose at least one section'),
});

export type SetupErrors = Partial<Record<'count' | 'minutes' | 'passMark' | 'sections', string>>;

export function validateDraft(
  draft: SetupDraft,
  feedSchedule: boolean,
  seed: string,
): { config: ExamConfig; errors: null } | { config: null; errors: SetupErrors } {
  const parsed = draftSchema.safeParse({
    count: draft.count,
    minutes: draft.timed ? draft.minutes : '1',
    passMark: draft.passMark,
    sections: draft.sections,
  });
  if (!parsed.success) {
    const errors: SetupErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof SetupErrors;
      errors[field] ??= issue.message;
    }
    return { config: null, errors };
  }
  return {
    errors: null,
    config: {
      count: parsed.data.count,
      timeLimitMinutes: draft.timed ? parsed.data.minutes : null,
      sections: draft.sections,
      tags: draft.tags,
      passMark: parsed.data.passMark,
      order: draft.order,
      seed,
      feedSchedule,
      retakeOf: null,
    },
  };
}

/**
 * The one line beside Start saying what will happen, e.g. "40 of 235 questions, 60 min, pass at 70 %. Answers
 * to cards you have studied count as reviews; cards not studied yet stay new."
 */
export function startSummary(draft: SetupDraft, available: number, feedSchedule: boolean): string {
  const wanted = Number(draft.count);
  const count = Number.isInteger(wanted) && wanted > 0 ? Math.min(wanted, available) : available;
  const time = draft.timed ? `${draft.minutes.trim() || '?'} min` : 'untimed';
  const schedule = feedSchedule
    ? 'Answers to cards you have studied count as reviews; cards not studied yet stay new.'
    : 'Your schedule is not changed.';
  return `${count} of ${available} questions, ${time}, pass at ${draft.passMark.trim() || '?'} %. ${schedule}`;
}

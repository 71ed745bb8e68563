/**
 * An exam as stored (IndexedDB table `exams`): its settings, the questions drawn (copied in full, so a
 * finished exam reopens exactly even after the deck changes), the answers as they were given, and, once
 * finished, its result. Every exam read back is validated with these schemas; types are inferred from them.
 */
import { z } from 'zod';

export const EXAM_DEFAULTS = {
  count: 40,
  timeLimitMinutes: 60,
  passMark: 70,
} as const;

export const examQuestionSchema = z.object({
  itemId: z.string(),
  cardId: z.string(),
  section: z.string(),
  tags: z.array(z.string()),
  /** mcq and truefalse come from the deck as written; flashcards are turned into multiple choice. */
  source: z.enum(['mcq', 'truefalse', 'flashcard']),
  question: z.string(),
  options: z.array(z.string()).min(2),
  correct: z.array(z.number().int().min(0)).min(1),
  explanation: z.string(),
});

export const examConfigSchema = z.object({
  count: z.number().int().min(1).max(500),
  /** null: untimed. */
  timeLimitMinutes: z.number().int().min(1).max(600).nullable(),
  /** Section ids drawn from; every one of them is represented when the count allows. */
  sections: z.array(z.string()),
  /** When non-empty, only questions with at least one of these tags. */
  tags: z.array(z.string()),
  passMark: z.number().min(0).max(100),
  order: z.enum(['random', 'guide']),
  seed: z.string(),
  /** Whether answers update the schedule (the exam setting at the time the exam started). */
  feedSchedule: z.boolean(),
  /** The exam this one retakes the missed questions of. */
  retakeOf: z.string().nullable(),
});

export const examAnswerSchema = z.object({
  /** Option indices picked; empty when blank. */
  choice: z.array(z.number().int().min(0)),
  flagged: z.boolean(),
});

export const breakdownRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  correct: z.number().int(),
  total: z.number().int(),
  percent: z.number(),
});

export const examResultSchema = z.object({
  correct: z.number().int(),
  total: z.number().int(),
  percent: z.number(),
  passed: z.boolean(),
  /** True when the time limit ran out and the exam submitted itself. */
  timedOut: z.boolean(),
  sections: z.array(breakdownRowSchema),
  tags: z.array(breakdownRowSchema),
  /** Answers written to the schedule as reviews, and those left out because the item was reviewed today. */
  fedToSchedule: z.number().int(),
  skippedReviewedToday: z.number().int(),
  /** Answered questions whose item had never been studied: left new, not fed (0 in exams stored before). */
  leftNew: z.number().int().default(0),
});

export const examRecordSchema = z.object({
  id: z.string(),
  deckId: z.string(),
  deckTitle: z.string(),
  status: z.enum(['active', 'finished']),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  /** Time spent on the exam screen so far; the timer counts down from the limit minus this. */
  elapsedMs: z.number().min(0),
  /** Index of the question on screen. */
  current: z.number().int().min(0),
  config: examConfigSchema,
  questions: z.array(examQuestionSchema).min(1),
  answers: z.array(examAnswerSchema),
  result: examResultSchema.nullable(),
});

export type ExamQuestion = z.infer<typeof examQuestionSchema>;
export type ExamConfig = z.infer<typeof examConfigSchema>;
export type ExamAnswer = z.infer<typeof examAnswerSchema>;
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;
export type ExamResult = z.infer<typeof examResultSchema>;
export type ExamRecord = z.infer<typeof examRecordSchema>;

export const BLANK_ANSWER: ExamAnswer = { choice: [], flagged: false };

/** The time limit in ms, or null when untimed. */
export function timeLimitMs(config: Pick<ExamConfig, 'timeLimitMinutes'>): number | null {
  return config.timeLimitMinutes === null ? null : config.timeLimitMinutes * 60_000;
}

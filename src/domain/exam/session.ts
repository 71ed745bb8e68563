/** Creating an exam record, retaking the missed questions, and the time left. Pure: ids and times are passed in. */
import { type Random, shuffled } from './random';
import { BLANK_ANSWER, type ExamConfig, type ExamQuestion, type ExamRecord, timeLimitMs } from './record';
import { missedQuestions } from './scoring';

export function newExamRecord(input: {
  id: string;
  deck: { id: string; title: string };
  config: ExamConfig;
  questions: readonly ExamQuestion[];
  now: number;
}): ExamRecord {
  return {
    id: input.id,
    deckId: input.deck.id,
    deckTitle: input.deck.title,
    status: 'active',
    startedAt: input.now,
    finishedAt: null,
    elapsedMs: 0,
    current: 0,
    config: { ...input.config, count: input.questions.length },
    questions: [...input.questions],
    answers: input.questions.map(() => BLANK_ANSWER),
    result: null,
  };
}

/**
 * A new exam of the questions `exam` got wrong or left blank, in a new random order. A timed exam keeps its
 * time per question (the limit shrinks in proportion, at least one minute). Undefined when nothing was missed.
 */
export function retakeOfMissed(
  exam: ExamRecord,
  input: { id: string; seed: string; random: Random; now: number; feedSchedule: boolean },
): ExamRecord | undefined {
  const missed = missedQuestions(exam.questions, exam.answers).map((i) => exam.questions[i] as ExamQuestion);
  if (missed.length === 0) return undefined;
  const { timeLimitMinutes } = exam.config;
  const config: ExamConfig = {
    ...exam.config,
    count: missed.length,
    timeLimitMinutes:
      timeLimitMinutes === null
        ? null
        : Math.max(1, Math.round((timeLimitMinutes * missed.length) / exam.questions.length)),
    order: 'random',
    seed: input.seed,
    feedSchedule: input.feedSchedule,
    retakeOf: exam.id,
  };
  return newExamRecord({
    id: input.id,
    deck: { id: exam.deckId, title: exam.deckTitle },
    config,
    questions: shuffled(missed, input.random),
    now: input.now,
  });
}

/** Milliseconds left, or null when untimed; never negative. */
export function timeLeftMs(config: Pick<ExamConfig, 'timeLimitMinutes'>, elapsedMs: number): number | null {
  const limit = timeLimitMs(config);
  return limit === null ? null : Math.max(0, limit - elapsedMs);
}

/** "12:05" or "1:02:09". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

import { beforeEach, describe, expect, it } from 'vitest';
import type { ExamQuestion } from '../../src/domain/exam/record';
import { newExamRecord } from '../../src/domain/exam/session';
import { elapsedOf, resetExamSession, useExamSession } from '../../src/stores/examSession';
import { T0 } from '../helpers/builders';

const question = (correct: number[]): ExamQuestion => ({
  itemId: `q${correct.join('')}#1`,
  cardId: `q${correct.join('')}`,
  section: 's',
  tags: [],
  source: 'mcq',
  question: 'Which?',
  options: ['A', 'B', 'C'],
  correct,
  explanation: '',
});

const exam = newExamRecord({
  id: 'e',
  deck: { id: 'd', title: 'D' },
  config: {
    count: 2,
    timeLimitMinutes: 10,
    sections: ['s'],
    tags: [],
    passMark: 70,
    order: 'guide',
    seed: 's',
    feedSchedule: true,
    retakeOf: null,
  },
  questions: [question([1]), question([0, 2])],
  now: T0,
});

const state = () => useExamSession.getState();

beforeEach(() => {
  resetExamSession();
  state().load(exam, T0);
});

describe('the exam session', () => {
  it('replaces the choice on a one-answer question and toggles options on a several-answer one', () => {
    state().choose(0);
    state().choose(2);
    expect(state().exam?.answers[0]?.choice).toEqual([2]);
    state().goTo(1);
    state().choose(2);
    state().choose(0);
    state().choose(1);
    state().choose(1);
    expect(state().exam?.answers[1]?.choice).toEqual([0, 2]);
    state().choose(7);
    expect(state().exam?.answers[1]?.choice).toEqual([0, 2]);
  });

  it('flags and unflags, and ignores moves past either end', () => {
    state().toggleFlag();
    expect(state().exam?.answers[0]?.flagged).toBe(true);
    state().toggleFlag();
    expect(state().exam?.answers[0]?.flagged).toBe(false);
    state().goTo(-1);
    state().goTo(2);
    expect(state().exam?.current).toBe(0);
  });

  it('counts time only while the exam is on screen', () => {
    expect(elapsedOf(state(), T0 + 30_000)).toBe(30_000);
    expect(state().checkpoint(T0 + 30_000)?.elapsedMs).toBe(30_000);
    // Reloaded later: the time away is not counted.
    state().load({ ...exam, elapsedMs: 30_000 }, T0 + 3_600_000);
    expect(elapsedOf(state(), T0 + 3_610_000)).toBe(40_000);
  });
});

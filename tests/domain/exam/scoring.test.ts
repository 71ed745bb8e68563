import { describe, expect, it } from 'vitest';
import type { ExamAnswer, ExamQuestion } from '../../../src/domain/exam/record';
import {
  isAnsweredCorrectly,
  missedQuestions,
  scoreExam,
  sectionBreakdown,
  tagBreakdown,
} from '../../../src/domain/exam/scoring';

const q = (itemId: string, section: string, tags: string[], correct: number[] = [0]): ExamQuestion => ({
  itemId,
  cardId: itemId.split('#')[0] ?? itemId,
  section,
  tags,
  source: 'mcq',
  question: `Question ${itemId}`,
  options: ['A', 'B', 'C'],
  correct,
  explanation: '',
});
const a = (...choice: number[]): ExamAnswer => ({ choice, flagged: false });

const questions = [
  q('s1#1', 'san', ['storage']),
  q('s2#1', 'san', ['storage', 'vs:san-nas']),
  q('n1#1', 'nas', ['storage']),
  q('v1#1', 'vxlan', ['network']),
  q('m#1', 'vxlan', ['network'], [0, 2]),
];
const answers = [a(0), a(1), a(0), a(), a(2, 0)];
const sections = [
  { id: 'storage', title: 'Storage' },
  { id: 'san', title: 'SAN' },
  { id: 'nas', title: 'NAS' },
  { id: 'vxlan', title: 'VXLAN' },
];

describe('scoring', () => {
  it.each([
    [[0], a(0), true],
    [[0], a(1), false],
    [[0], a(), false],
    [[0, 2], a(2, 0), true],
    [[0, 2], a(0), false],
    [[0, 2], a(0, 1, 2), false],
  ])('correct %j, picked %j → %s', (correct, answer, expected) => {
    expect(isAnsweredCorrectly({ correct }, answer)).toBe(expected);
  });

  it('scores against the pass mark', () => {
    expect(scoreExam(questions, answers, 60)).toEqual({ correct: 3, total: 5, percent: 60, passed: true });
    expect(scoreExam(questions, answers, 70)).toEqual({ correct: 3, total: 5, percent: 60, passed: false });
  });

  it('breaks results down per section in guide order, leaving out sections without questions', () => {
    expect(sectionBreakdown(questions, answers, sections)).toEqual([
      { key: 'san', label: 'SAN', correct: 1, total: 2, percent: 50 },
      { key: 'nas', label: 'NAS', correct: 1, total: 1, percent: 100 },
      { key: 'vxlan', label: 'VXLAN', correct: 1, total: 2, percent: 50 },
    ]);
  });

  it('breaks results down per tag, a question counting for each of its tags', () => {
    expect(tagBreakdown(questions, answers)).toEqual([
      { key: 'network', label: 'network', correct: 1, total: 2, percent: 50 },
      { key: 'storage', label: 'storage', correct: 2, total: 3, percent: 66.7 },
      { key: 'vs:san-nas', label: 'vs:san-nas', correct: 0, total: 1, percent: 0 },
    ]);
  });

  it('lists the missed questions, blanks included', () => {
    expect(missedQuestions(questions, answers)).toEqual([1, 3]);
  });
});

/**
 * What a review item asks and what its answer is, derived from its card and ordinal. Plain data for the
 * review screen; card text stays text (never HTML).
 */
import { type ClozeSegment, parseCloze } from './cloze';
import type { Card } from './schema';

export type Prompt =
  | { kind: 'basic'; question: string; answer: string }
  | { kind: 'cloze'; segments: readonly ClozeSegment[]; n: number; answer: string }
  | {
      kind: 'choice';
      question: string;
      options: readonly string[];
      correct: readonly number[];
      explanation: string;
    };

export function promptOf(card: Card, ordinal: number): Prompt {
  switch (card.kind) {
    case 'basic':
      return ordinal === 2
        ? { kind: 'basic', question: card.back, answer: card.front }
        : { kind: 'basic', question: card.front, answer: card.back };
    case 'cloze': {
      const parsed = parseCloze(card.text);
      const segments = parsed.ok ? parsed.segments : [{ type: 'text' as const, text: card.text }];
      const answer = segments
        .flatMap((s) => (s.type === 'deletion' && s.n === ordinal ? [s.answer] : []))
        .join(' … ');
      return { kind: 'cloze', segments, n: ordinal, answer };
    }
    case 'mcq':
      return {
        kind: 'choice',
        question: card.prompt,
        options: card.options,
        correct: card.correct,
        explanation: card.explanation,
      };
    case 'truefalse':
      return {
        kind: 'choice',
        question: card.statement,
        options: ['True', 'False'],
        correct: [card.answer ? 0 : 1],
        explanation: card.explanation,
      };
  }
}

export function isCorrectChoice(prompt: Extract<Prompt, { kind: 'choice' }>, choice: number): boolean {
  return prompt.correct.includes(choice);
}

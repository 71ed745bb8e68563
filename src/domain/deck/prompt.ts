/**
 * What a review item asks and what its answer is, derived from its card and ordinal. Plain data for the
 * review screen. The text forms are always there; cards with rich content (formatVersion 2) also carry their
 * HTML, which the screen shows only after sanitising it.
 */
import { type ClozeSegment, parseCloze } from './cloze';
import { clozeHtml } from './clozeHtml';
import type { Card } from './schema';

export type Prompt =
  | { kind: 'basic'; question: string; answer: string; questionHtml?: string; answerHtml?: string }
  | {
      kind: 'cloze';
      segments: readonly ClozeSegment[];
      n: number;
      answer: string;
      html?: { question: string; answer: string };
    }
  | {
      kind: 'choice';
      question: string;
      options: readonly string[];
      correct: readonly number[];
      explanation: string;
    };

export function promptOf(card: Card, ordinal: number): Prompt {
  switch (card.kind) {
    case 'basic': {
      const [question, answer, questionHtml, answerHtml] =
        ordinal === 2
          ? [card.back, card.front, card.backHtml, card.frontHtml]
          : [card.front, card.back, card.frontHtml, card.backHtml];
      return {
        kind: 'basic',
        question,
        answer,
        ...(questionHtml !== undefined ? { questionHtml } : {}),
        ...(answerHtml !== undefined ? { answerHtml } : {}),
      };
    }
    case 'cloze': {
      const parsed = parseCloze(card.text);
      const segments = parsed.ok ? parsed.segments : [{ type: 'text' as const, text: card.text }];
      const answer = segments
        .flatMap((s) => (s.type === 'deletion' && s.n === ordinal ? [s.answer] : []))
        .join(' … ');
      const html = card.textHtml !== undefined ? clozeHtml(card.textHtml, ordinal) : undefined;
      return { kind: 'cloze', segments, n: ordinal, answer, ...(html ? { html } : {}) };
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

/**
 * What an exam can ask from a deck, and how a question is put together. Every candidate is one review item
 * with its key(s) and the wrong options a person vetted for it:
 * - mcq cards: their correct options and their wrong ones, as written;
 * - true/false cards: True and False, in that order;
 * - flashcards (basic front→back, single-place cloze deletions) only when the deck gives them vetted wrong
 *   options or an answer set (formatVersion 2, see domain/deck/examOptions.ts). The engine never takes wrong
 *   options from unrelated cards: a flashcard without vetted options is not asked as multiple choice.
 * Building the candidates is linear in the deck (answer sets are looked up by id).
 */

import { parseCloze } from '../deck/cloze';
import { examOptionsOf, vettedChoices } from '../deck/examOptions';
import { itemIdOf } from '../deck/reviewItems';
import type { AnswerSet, Card, Deck } from '../deck/schema';
import { type Random, shuffled } from './random';
import type { ExamQuestion } from './record';

export type Candidate = {
  itemId: string;
  cardId: string;
  section: string;
  tags: string[];
  /** Deck order, for "guide order" and for a stable draw. */
  position: number;
  source: ExamQuestion['source'];
  question: string;
  /** The right options (one, except for "select two" mcqs). */
  keys: readonly string[];
  /** Every wrong option the question may offer; `optionCount - keys.length` of them are drawn per exam. */
  wrong: readonly string[];
  /** Options the question shows. */
  optionCount: number;
  /** True/false keeps True, False in that order; every other question is shuffled per exam. */
  fixedOrder: boolean;
  explanation: string;
};

export type DeckCard = { card: Card; position: number; retired: boolean };

/** The deck fields the engine reads besides its cards. */
export type ExamDeckMeta = Pick<Deck, 'answerSets' | 'examOptions'>;

export function examCandidates(cards: readonly DeckCard[], deck: ExamDeckMeta = {}): Candidate[] {
  const candidatesOfCard = cardCandidates(deck);
  // Deck order without a comparison sort: one bucket per card position (cards come in key order).
  const byPosition: Candidate[][] = [];
  for (const record of cards) {
    const found = candidatesOfCard(record);
    if (found.length > 0) byPosition[record.position] = found;
  }
  const out: Candidate[] = [];
  for (const found of byPosition) if (found) for (const c of found) out.push(c);
  return out;
}

/** The candidates of one card at a time (none for a retired card), with the deck's answer sets looked up once. */
export function cardCandidates(deck: ExamDeckMeta = {}): (record: DeckCard) => Candidate[] {
  const sets = new Map<string, AnswerSet>((deck.answerSets ?? []).map((s) => [s.id, s]));
  const optionCount = examOptionsOf(deck);
  return (record) => (record.retired ? [] : candidatesOf(record, sets, optionCount));
}

function base(record: DeckCard, ordinal: number) {
  return {
    itemId: itemIdOf(record.card.id, ordinal),
    cardId: record.card.id,
    section: record.card.section,
    tags: record.card.tags ?? [],
    position: record.position * 100 + ordinal,
  };
}

function candidatesOf(
  record: DeckCard,
  sets: ReadonlyMap<string, AnswerSet>,
  optionCount: number,
): Candidate[] {
  const { card } = record;
  switch (card.kind) {
    case 'mcq': {
      const keys = card.correct.flatMap((i) => card.options[i] ?? []);
      const wrong = card.options.filter((_, i) => !card.correct.includes(i));
      if (wrong.length === 0) return [];
      return [
        {
          ...base(record, 1),
          source: 'mcq',
          question: card.prompt,
          keys,
          wrong,
          optionCount: Math.min(card.options.length, Math.max(optionCount, keys.length + 1)),
          fixedOrder: false,
          explanation: card.explanation,
        },
      ];
    }
    case 'truefalse':
      return [
        {
          ...base(record, 1),
          source: 'truefalse',
          question: card.statement,
          keys: [card.answer ? 'True' : 'False'],
          wrong: [card.answer ? 'False' : 'True'],
          optionCount: 2,
          fixedOrder: true,
          explanation: card.explanation,
        },
      ];
    case 'basic': {
      const choices = vettedChoices(card, 1, sets);
      if (!choices || !enough(choices, optionCount)) return [];
      return [
        {
          ...base(record, 1),
          source: 'flashcard',
          question: card.front,
          keys: [choices.key],
          wrong: choices.wrong,
          optionCount: Math.min(optionCount, choices.wrong.length + 1),
          fixedOrder: false,
          explanation: `The card reads: “${card.front}” → “${card.back}”.`,
        },
      ];
    }
    case 'cloze': {
      if (!card.wrong && !card.answerSet) return [];
      const parsed = parseCloze(card.text);
      if (!parsed.ok) return [];
      const full = parsed.segments.map((s) => (s.type === 'text' ? s.text : s.answer)).join('');
      return parsed.numbers.flatMap((n): Candidate[] => {
        const choices = vettedChoices(card, n, sets, parsed);
        if (!choices || !enough(choices, optionCount)) return [];
        const question = parsed.segments
          .map((s) => (s.type === 'text' ? s.text : s.n === n ? '_____' : s.answer))
          .join('');
        return [
          {
            ...base(record, n),
            source: 'flashcard',
            question,
            keys: [choices.key],
            wrong: choices.wrong,
            optionCount: Math.min(optionCount, choices.wrong.length + 1),
            fixedOrder: false,
            explanation: `The card reads: “${full}”`,
          },
        ];
      });
    }
  }
}

/** Enough vetted wrong options for a full question, or a whole (smaller) answer set. */
function enough(choices: { wrong: readonly string[]; closedSet: boolean }, optionCount: number): boolean {
  return choices.closedSet ? choices.wrong.length >= 1 : choices.wrong.length >= optionCount - 1;
}

/**
 * A candidate as asked in one exam: `optionCount - keys` wrong options drawn with the exam's random source,
 * then every option shuffled (true/false stays True, False), so the key's position is uniform.
 */
export function toQuestion(candidate: Candidate, random: Random): ExamQuestion {
  const picked = shuffled(candidate.wrong, random).slice(0, candidate.optionCount - candidate.keys.length);
  const keys = new Set(candidate.keys);
  const options = candidate.fixedOrder
    ? [...candidate.keys, ...picked].sort((a, b) => (a === 'True' ? -1 : b === 'True' ? 1 : 0))
    : shuffled([...candidate.keys, ...picked], random);
  return {
    itemId: candidate.itemId,
    cardId: candidate.cardId,
    section: candidate.section,
    tags: candidate.tags,
    source: candidate.source,
    question: candidate.question,
    options,
    correct: options.flatMap((o, i) => (keys.has(o) ? [i] : [])),
    explanation: candidate.explanation,
  };
}

/**
 * Every option a candidate can ever show (keys first), for the deck report and the deck test; an exam shows
 * `optionCount` of them.
 */
export function possibleOptions(candidate: Candidate): string[] {
  return [...candidate.keys, ...candidate.wrong];
}

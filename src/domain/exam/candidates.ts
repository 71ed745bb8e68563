/**
 * What an exam can ask from a deck: its mcq and truefalse cards as written, and flashcards (basic front→back,
 * cloze deletions) turned into multiple choice. A flashcard's distractors are answers of the same kind
 * (see answerKind) from sibling cards of its section, then from cards sharing a domain tag (a tag without ":",
 * e.g. "storage"); a flashcard with fewer than two such distractors is not asked.
 */
import { parseCloze } from '../deck/cloze';
import { promptOf } from '../deck/prompt';
import { itemIdOf } from '../deck/reviewItems';
import type { Card } from '../deck/schema';
import { answerKind, normalizeAnswer } from './answerKind';
import { type Random, shuffled } from './random';
import type { ExamQuestion } from './record';

export const FLASHCARD_OPTIONS = 4;
const MIN_DISTRACTORS = 2;

type CandidateBase = {
  itemId: string;
  cardId: string;
  section: string;
  tags: string[];
  /** Deck order, for "guide order" and for a stable draw. */
  position: number;
};

export type FixedCandidate = CandidateBase & { type: 'fixed'; question: ExamQuestion };

export type FlashcardCandidate = CandidateBase & {
  type: 'flashcard';
  question: string;
  answer: string;
  explanation: string;
  /** Same-kind answers of other cards in the same section. */
  siblings: string[];
  /** Same-kind answers of cards in other sections that share a domain tag; used when siblings run short. */
  related: string[];
};

export type Candidate = FixedCandidate | FlashcardCandidate;

export type DeckCard = { card: Card; position: number; retired: boolean };

type Flashcard = Omit<FlashcardCandidate, 'siblings' | 'related'>;

export function examCandidates(cards: readonly DeckCard[]): Candidate[] {
  const live = cards.filter((c) => !c.retired);
  const flashcards = live.flatMap(flashcardsOf);
  const fixed = live.flatMap(fixedOf);
  const kinds = flashcards.map((f) => answerKind(f.answer));
  const withDistractors = flashcards.flatMap((f, i): FlashcardCandidate[] => {
    const sameKind = flashcards.filter((o, j) => o.cardId !== f.cardId && kinds[j] === kinds[i]);
    const taken = new Set([normalizeAnswer(f.answer)]);
    const distinct = (answers: string[]) =>
      answers.filter((a) => {
        const key = normalizeAnswer(a);
        if (key === '' || taken.has(key)) return false;
        taken.add(key);
        return true;
      });
    const siblings = distinct(sameKind.filter((o) => o.section === f.section).map((o) => o.answer));
    const domainTags = f.tags.filter((t) => !t.includes(':'));
    const related = distinct(
      sameKind
        .filter((o) => o.section !== f.section && o.tags.some((t) => domainTags.includes(t)))
        .map((o) => o.answer),
    );
    return siblings.length + related.length >= MIN_DISTRACTORS ? [{ ...f, siblings, related }] : [];
  });
  return [...fixed, ...withDistractors].sort((a, b) => a.position - b.position);
}

function base(record: DeckCard, ordinal: number): CandidateBase {
  return {
    itemId: itemIdOf(record.card.id, ordinal),
    cardId: record.card.id,
    section: record.card.section,
    tags: record.card.tags ?? [],
    position: record.position * 100 + ordinal,
  };
}

function fixedOf(record: DeckCard): FixedCandidate[] {
  const { card } = record;
  if (card.kind !== 'mcq' && card.kind !== 'truefalse') return [];
  const prompt = promptOf(card, 1);
  if (prompt.kind !== 'choice') return [];
  const b = base(record, 1);
  return [
    {
      ...b,
      type: 'fixed',
      question: {
        itemId: b.itemId,
        cardId: b.cardId,
        section: b.section,
        tags: b.tags,
        source: card.kind,
        question: prompt.question,
        options: [...prompt.options],
        correct: [...prompt.correct],
        explanation: prompt.explanation,
      },
    },
  ];
}

function flashcardsOf(record: DeckCard): Flashcard[] {
  const { card } = record;
  if (card.kind === 'basic') {
    return [
      {
        ...base(record, 1),
        type: 'flashcard',
        question: card.front,
        answer: card.back,
        explanation: `The card reads: “${card.front}” → “${card.back}”.`,
      },
    ];
  }
  if (card.kind !== 'cloze') return [];
  const parsed = parseCloze(card.text);
  if (!parsed.ok) return [];
  return parsed.numbers.flatMap((n): Flashcard[] => {
    const deletions = parsed.segments.filter((s) => s.type === 'deletion' && s.n === n);
    const only = deletions[0];
    // A number that blanks several places has no single answer to choose.
    if (deletions.length !== 1 || only?.type !== 'deletion') return [];
    const question = parsed.segments
      .map((s) => (s.type === 'text' ? s.text : s.n === n ? '_____' : s.answer))
      .join('');
    const full = parsed.segments.map((s) => (s.type === 'text' ? s.text : s.answer)).join('');
    return [
      {
        ...base(record, n),
        type: 'flashcard',
        question,
        answer: only.answer,
        explanation: `The card reads: “${full}”`,
      },
    ];
  });
}

/** A candidate as asked: a flashcard gets up to three distractors (siblings first) and shuffled options. */
export function toQuestion(candidate: Candidate, random: Random): ExamQuestion {
  if (candidate.type === 'fixed') return candidate.question;
  const wanted = FLASHCARD_OPTIONS - 1;
  const fromSiblings = shuffled(candidate.siblings, random).slice(0, wanted);
  const fromRelated = shuffled(candidate.related, random).slice(0, wanted - fromSiblings.length);
  const options = shuffled([candidate.answer, ...fromSiblings, ...fromRelated], random);
  return {
    itemId: candidate.itemId,
    cardId: candidate.cardId,
    section: candidate.section,
    tags: candidate.tags,
    source: 'flashcard',
    question: candidate.question,
    options,
    correct: [options.indexOf(candidate.answer)],
    explanation: candidate.explanation,
  };
}

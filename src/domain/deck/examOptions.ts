/**
 * The vetted options an exam may offer for a card (deck formatVersion 2), and the rule that keeps options
 * fair: no option repeats another's words or contains another (so the key is never hidden inside a
 * distractor, nor a distractor a reworded key). Pure; shared by validateDeck and the exam engine.
 */
import { type ClozeParse, type ClozeSegment, parseCloze } from './cloze';
import type { AnswerSet, Card, Deck } from './schema';

/** Options per exam question when the deck does not say otherwise (true/false always has 2). */
export const DEFAULT_EXAM_OPTIONS = 4;

export function examOptionsOf(deck: Pick<Deck, 'examOptions'>): number {
  return deck.examOptions ?? DEFAULT_EXAM_OPTIONS;
}

/** Lowercase words separated by single spaces: "The 24-bit VNI" → "the 24 bit vni". */
export function optionWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Two options clash when they are the same words, or the words of one appear, whole and in order, inside the
 * other ("host" and "host OS", "VXLAN Network Identifier" and "The 24-bit VXLAN Network Identifier (VNI)").
 */
export function optionsClash(a: string, b: string): boolean {
  const wa = optionWords(a);
  const wb = optionWords(b);
  if (wa === '' || wb === '') return wa === wb;
  return ` ${wa} `.includes(` ${wb} `) || ` ${wb} `.includes(` ${wa} `);
}

/** The first pair of options that clash, as indices, or null. */
export function firstClash(options: readonly string[]): [number, number] | null {
  for (let i = 0; i < options.length; i++)
    for (let j = i + 1; j < options.length; j++)
      if (optionsClash(options[i] as string, options[j] as string)) return [i, j];
  return null;
}

export type VettedChoices = {
  /** The answer, as the card has it. */
  readonly key: string;
  /** Every wrong option the exam may offer: the card's own, then its answer set's other answers. */
  readonly wrong: readonly string[];
  /**
   * True when the options come only from an answer set smaller than the deck's option count (e.g. SAN, NAS,
   * DAS): the question then offers the whole set.
   */
  readonly closedSet: boolean;
};

/**
 * What a flashcard's review item (basic front→back, or one cloze deletion) offers as multiple choice, or null
 * when a person vetted no options for it. Cheap (the exam engine calls it for every card): it trusts
 * validateDeck, which refuses options that clash (see `choiceIssues`) and an answer set that does not hold
 * the answer exactly; the answer itself is the one member of its set left out.
 */
export function vettedChoices(
  card: Card,
  ordinal: number,
  answerSets: ReadonlyMap<string, AnswerSet>,
  parsed?: ClozeParse,
): VettedChoices | null {
  const source = choiceSourceOf(card, ordinal, parsed);
  if (!source) return null;
  const set = source.answerSet === undefined ? undefined : answerSets.get(source.answerSet);
  const own = source.wrong ?? [];
  if (own.length === 0 && !set) return null;
  const key = source.key.trim();
  const fromSet = set ? set.answers.filter((a) => a.trim() !== key) : [];
  return {
    key: source.key,
    wrong: fromSet.length === 0 ? own : [...own, ...fromSet],
    closedSet: own.length === 0 && set !== undefined,
  };
}

type ChoiceSource = { key: string; wrong: readonly string[] | undefined; answerSet: string | undefined };

/** The answer of a flashcard item and the option fields that belong to it (`parsed`: the card's cloze parse). */
export function choiceSourceOf(card: Card, ordinal: number, parsed?: ClozeParse): ChoiceSource | null {
  if (card.kind === 'basic') {
    if (ordinal !== 1) return null;
    return { key: card.back, wrong: card.wrong, answerSet: card.answerSet };
  }
  if (card.kind !== 'cloze') return null;
  const cloze = parsed ?? parseCloze(card.text);
  if (!cloze.ok) return null;
  let only: Extract<ClozeSegment, { type: 'deletion' }> | undefined;
  for (const s of cloze.segments) {
    if (s.type !== 'deletion' || s.n !== ordinal) continue;
    // A number that blanks several places has no single answer to choose.
    if (only) return null;
    only = s;
  }
  if (!only) return null;
  const slot = `c${ordinal}`;
  return { key: only.answer, wrong: card.wrong?.[slot], answerSet: card.answerSet?.[slot] };
}

/**
 * A deck's whole question bank: every question the exam engine can ask, with every option it may offer, and
 * the structural rules each one must pass. Used by `npm run deck:report` and the shipped deck's test.
 */
import { examOptionsOf, optionsClash, optionWords } from '../deck/examOptions';
import type { Deck } from '../deck/schema';
import { type Candidate, examCandidates, possibleOptions } from './candidates';

export function questionBank(deck: Deck): Candidate[] {
  return examCandidates(
    deck.cards.map((card, position) => ({ card, position, retired: false })),
    deck,
  );
}

/** Words too common to give an answer away when the question repeats them. */
const COMMON = new Set(
  'the a an of to in on for and or by with as at is are be its it this that these which what who whom why how does do guide guides according per listed list lists say says said called call calls type types'.split(
    ' ',
  ),
);

const words = (text: string) =>
  optionWords(text)
    .split(' ')
    .filter((w) => w.length > 2 && !COMMON.has(w));

/**
 * What is wrong with one question, as sentences (empty when it passes):
 * - it shows the deck's number of options (true/false 2), or a whole answer set smaller than that;
 * - it has enough wrong options to fill that number, and exactly its keys are right;
 * - no option it may offer repeats another's words or contains another (so none contains the key);
 * - the question does not contain its own answer (echo), unless it names every option ("SAN, NAS or DAS?");
 * - the key is not the only option that repeats a word of the question (giveaway).
 */
export function questionProblems(
  candidate: Candidate,
  deck: Pick<Deck, 'examOptions' | 'answerSets'>,
): string[] {
  const problems: string[] = [];
  const all = possibleOptions(candidate);
  const wanted = examOptionsOf(deck);
  if (candidate.source === 'truefalse')
    return candidate.optionCount === 2 ? [] : ['true/false must have 2 options'];
  if (candidate.optionCount !== wanted) {
    const set = (deck.answerSets ?? []).find(
      (s) => s.answers.length === all.length && all.every((o) => s.answers.includes(o)),
    );
    if (!set || candidate.optionCount !== set.answers.length)
      problems.push(
        `shows ${candidate.optionCount} options, not ${wanted} (and they are not a whole answer set)`,
      );
  }
  if (candidate.wrong.length < candidate.optionCount - candidate.keys.length)
    problems.push(
      `has ${candidate.wrong.length} wrong options for ${candidate.optionCount - candidate.keys.length} places`,
    );
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++)
      if (optionsClash(all[i] as string, all[j] as string))
        problems.push(`options "${all[i]}" and "${all[j]}" repeat each other's words`);
  const question = ` ${optionWords(candidate.question)} `;
  const named = (option: string) => question.includes(` ${optionWords(option)} `);
  // "SAN, NAS or DAS: which …?" names every option it offers; that is a choice, not an echo.
  if (!all.every(named))
    for (const key of candidate.keys)
      if (named(key)) problems.push(`the question contains its answer "${key}"`);
  const asked = new Set(words(candidate.question));
  const echoes = (option: string) => words(option).some((w) => asked.has(w));
  if (candidate.keys.some(echoes) && !candidate.wrong.some(echoes))
    problems.push('only the answer repeats words of the question');
  return problems;
}

export function bankProblems(deck: Deck): string[] {
  return questionBank(deck).flatMap((c) => questionProblems(c, deck).map((p) => `${c.itemId}: ${p}`));
}

/**
 * Deck rules for exam options (formatVersion 2): answer sets are well formed and used correctly, every vetted
 * option set is fair (no clash, see optionsClash) and large enough to fill a question. A version 1 deck may
 * not use the version 2 fields.
 */
import { parseCloze } from './cloze';
import { choiceSourceOf, examOptionsOf, firstClash, optionsClash, vettedChoices } from './examOptions';
import type { AnswerSet, Card, Deck } from './schema';
import type { DeckIssue } from './validate';

export function choiceIssues(deck: Deck): DeckIssue[] {
  const issues: DeckIssue[] = [];
  if (deck.formatVersion === 1) {
    if (deck.answerSets) issues.push({ path: 'answerSets', message: 'needs "formatVersion": 2' });
    if (deck.examOptions !== undefined)
      issues.push({ path: 'examOptions', message: 'needs "formatVersion": 2' });
    deck.cards.forEach((card, index) => {
      if ((card.kind === 'basic' || card.kind === 'cloze') && (card.wrong || card.answerSet))
        issues.push({
          path: `cards[${index}].${card.wrong ? 'wrong' : 'answerSet'}`,
          cardId: card.id,
          message: 'needs "formatVersion": 2',
        });
    });
    return issues;
  }

  const sets = new Map<string, AnswerSet>();
  (deck.answerSets ?? []).forEach((set, i) => {
    if (sets.has(set.id))
      issues.push({ path: `answerSets[${i}].id`, message: `duplicate answer set "${set.id}"` });
    sets.set(set.id, set);
    const clash = firstClash(set.answers);
    if (clash)
      issues.push({
        path: `answerSets[${i}].answers[${clash[1]}]`,
        message: `"${set.answers[clash[1]]}" repeats the words of "${set.answers[clash[0]]}"`,
      });
  });

  const needed = examOptionsOf(deck);
  for (const [index, card] of deck.cards.entries()) {
    const at = (field: string, message: string) =>
      issues.push({ path: `cards[${index}].${field}`, cardId: card.id, message });
    if (card.kind === 'mcq') {
      const clash = firstClash(card.options);
      const same = (i: number) => card.options[i]?.trim().toLowerCase();
      // Exact duplicates are already reported by validateDeck.
      if (clash && same(clash[0]) !== same(clash[1]))
        at(`options[${clash[1]}]`, `repeats the words of option ${clash[0]} ("${card.options[clash[0]]}")`);
      continue;
    }
    if (card.kind === 'basic') {
      if (card.answerSet !== undefined && !sets.has(card.answerSet))
        at('answerSet', `unknown answer set "${card.answerSet}"`);
      else checkItem(card, 1, 'wrong', 'answerSet', sets, needed, at);
      continue;
    }
    if (card.kind !== 'cloze') continue;
    const parsed = parseCloze(card.text);
    if (!parsed.ok) continue;
    for (const [field, slots] of [
      ['wrong', Object.keys(card.wrong ?? {})],
      ['answerSet', Object.keys(card.answerSet ?? {})],
    ] as const)
      for (const slot of slots) {
        const n = Number(slot.slice(1));
        if (!parsed.numbers.includes(n)) at(`${field}.${slot}`, `the text has no deletion ${slot}`);
        else if (choiceSourceOf(card, n) === null)
          at(`${field}.${slot}`, `deletion ${slot} blanks several places, so it has no single answer`);
      }
    for (const [slot, setId] of Object.entries(card.answerSet ?? {}))
      if (!sets.has(setId)) at(`answerSet.${slot}`, `unknown answer set "${setId}"`);
    for (const n of parsed.numbers) checkItem(card, n, `wrong.c${n}`, `answerSet.c${n}`, sets, needed, at);
  }
  return issues;
}

function checkItem(
  card: Card,
  ordinal: number,
  wrongField: string,
  setField: string,
  sets: ReadonlyMap<string, AnswerSet>,
  needed: number,
  at: (field: string, message: string) => void,
): void {
  const source = choiceSourceOf(card, ordinal);
  if (!source) return;
  const own = source.wrong ?? [];
  own.forEach((option, i) => {
    if (optionsClash(option, source.key))
      at(`${wrongField}[${i}]`, `"${option}" repeats the words of the answer "${source.key}"`);
    const earlier = own.slice(0, i).findIndex((o) => optionsClash(o, option));
    if (earlier !== -1) at(`${wrongField}[${i}]`, `"${option}" repeats the words of "${own[earlier]}"`);
  });
  const set = source.answerSet === undefined ? undefined : sets.get(source.answerSet);
  if (set && !set.answers.some((a) => a.trim() === source.key.trim()))
    at(setField, `answer set "${set.id}" does not hold the answer "${source.key}"`);
  const choices = vettedChoices(card, ordinal, sets);
  if (!choices) return;
  // The options an exam may show together: none may repeat another's words (own options against the set's).
  const fromSet = choices.wrong.slice(own.length);
  for (const option of fromSet) {
    if (optionsClash(option, source.key))
      at(
        setField,
        `answer set "${set?.id}" has "${option}", which repeats the words of the answer "${source.key}"`,
      );
    const mine = own.find((o) => optionsClash(o, option));
    if (mine !== undefined)
      at(wrongField, `"${mine}" repeats the words of "${option}" from answer set "${set?.id}"`);
  }
  if (!choices.closedSet && choices.wrong.length < needed - 1)
    at(
      own.length > 0 ? wrongField : setField,
      `gives ${choices.wrong.length} usable wrong options; exam questions of this deck need ${needed - 1}`,
    );
}

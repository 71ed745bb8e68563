/** The editor's form state for any kind of card, and the card it describes. */
import { parseTags } from '../../domain/browse/bulk';
import type { Card, CardKind } from '../../domain/deck/schema';

export type Draft = {
  kind: CardKind;
  section: string;
  tags: string;
  front: string;
  back: string;
  reversed: boolean;
  text: string;
  prompt: string;
  /** One option per line. */
  options: string;
  correct: number[];
  explanation: string;
  statement: string;
  answer: boolean;
};

export function emptyDraft(kind: CardKind, section: string): Draft {
  return {
    kind,
    section,
    tags: '',
    front: '',
    back: '',
    reversed: false,
    text: '',
    prompt: '',
    options: '',
    correct: [],
    explanation: '',
    statement: '',
    answer: true,
  };
}

export function draftOf(card: Card): Draft {
  const draft = emptyDraft(card.kind, card.section);
  draft.tags = (card.tags ?? []).join(' ');
  switch (card.kind) {
    case 'basic':
      return { ...draft, front: card.front, back: card.back, reversed: card.reversed === true };
    case 'cloze':
      return { ...draft, text: card.text };
    case 'mcq':
      return {
        ...draft,
        prompt: card.prompt,
        options: card.options.join('\n'),
        correct: [...card.correct],
        explanation: card.explanation,
      };
    case 'truefalse':
      return { ...draft, statement: card.statement, answer: card.answer, explanation: card.explanation };
  }
}

export const optionLines = (options: string) =>
  options
    .split('\n')
    .map((o) => o.trim())
    .filter((o) => o.length > 0);

/** The card the draft describes (not yet validated). */
export function cardOf(draft: Draft, id: string): unknown {
  const tags = parseTags(draft.tags);
  const base = { id, section: draft.section, ...(tags.length > 0 ? { tags } : {}) };
  switch (draft.kind) {
    case 'basic':
      return {
        ...base,
        kind: 'basic',
        front: draft.front,
        back: draft.back,
        ...(draft.reversed ? { reversed: true } : {}),
      };
    case 'cloze':
      return { ...base, kind: 'cloze', text: draft.text };
    case 'mcq':
      return {
        ...base,
        kind: 'mcq',
        prompt: draft.prompt,
        options: optionLines(draft.options),
        correct: [...draft.correct].sort((a, b) => a - b),
        explanation: draft.explanation,
      };
    case 'truefalse':
      return {
        ...base,
        kind: 'truefalse',
        statement: draft.statement,
        answer: draft.answer,
        explanation: draft.explanation,
      };
  }
}

/** A field's name in the editor's words. */
export function fieldLabel(field: string): string {
  const option = /^options\.(\d+)$|^options\[(\d+)\]$/.exec(field);
  if (option) return `Option ${Number(option[1] ?? option[2]) + 1}`;
  const labels: Record<string, string> = {
    front: 'Front',
    back: 'Back',
    text: 'Text',
    prompt: 'Question',
    options: 'Options',
    correct: 'Correct options',
    explanation: 'Explanation',
    statement: 'Statement',
    section: 'Section',
    tags: 'Tags',
    id: 'Card id',
  };
  return labels[field.split('.')[0] ?? field] ?? field;
}

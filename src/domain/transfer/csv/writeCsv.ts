/**
 * A deck as CSV, with Anki's text headers so Anki (and Cardinal) read it back:
 * `id, front, back, tags, section, notetype`. Basic (reversed or not) and cloze cards round-trip exactly (a
 * cloze has its text as front and an empty back); sections are written as Anki deck paths ("Parent::Child");
 * multiple-choice and true/false cards are written as question/answer text, which re-imports as basic cards.
 * A cell that begins with =, +, -, @, a tab or a carriage return gets a leading ' (papaparse's escapeFormulae),
 * so a spreadsheet opening the file shows it as text instead of running it as a formula.
 */
import Papa from 'papaparse';
import type { Card, Deck, Section } from '../../deck/schema';

/**
 * Cells a spreadsheet would run as a formula. Papaparse's own pattern (/^[=+\-@\t\r].*$/) misses a cell with a
 * line break after its first character ("=1\r=2"), so the first character alone decides.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const CSV_COLUMNS = ['id', 'front', 'back', 'tags', 'section', 'notetype'] as const;

export function deckToCsv(deck: Deck): string {
  const paths = sectionPaths(deck.sections);
  const rows = deck.cards.map((card) => {
    const [front, back] = sidesOf(card);
    return [
      card.id,
      front,
      back,
      (card.tags ?? []).join(' '),
      paths.get(card.section) ?? card.section,
      NOTETYPES[card.kind === 'basic' && card.reversed ? 'reversed' : card.kind],
    ];
  });
  const header = [
    '#separator:Comma',
    '#html:false',
    `#columns:${CSV_COLUMNS.join(',')}`,
    `#tags column:${CSV_COLUMNS.indexOf('tags') + 1}`,
    `#deck column:${CSV_COLUMNS.indexOf('section') + 1}`,
    `#notetype column:${CSV_COLUMNS.indexOf('notetype') + 1}`,
  ];
  return `${header.join('\n')}\n${Papa.unparse(rows, { newline: '\n', quotes: true, escapeFormulae: FORMULA_START })}\n`;
}

/** Anki's note type names, so Anki (and Cardinal) know a cloze or a reversed card. */
const NOTETYPES = {
  basic: 'Basic',
  reversed: 'Basic (and reversed card)',
  cloze: 'Cloze',
  mcq: 'Cardinal multiple choice',
  truefalse: 'Cardinal true/false',
} as const;

function sidesOf(card: Card): [string, string] {
  switch (card.kind) {
    case 'basic':
      return [card.front, card.back];
    case 'cloze':
      return [card.text, ''];
    case 'mcq':
      return [
        [card.prompt, ...card.options.map((o, i) => `${String.fromCharCode(65 + i)}. ${o}`)].join('\n'),
        [
          card.correct.map((i) => `${String.fromCharCode(65 + i)}. ${card.options[i] ?? ''}`).join('\n'),
          card.explanation,
        ].join('\n\n'),
      ];
    case 'truefalse':
      return [`True or false: ${card.statement}`, `${card.answer ? 'True' : 'False'}\n\n${card.explanation}`];
  }
}

/** Section id → "Parent::Child" title path, the form Anki uses for deck names. */
function sectionPaths(sections: readonly Section[], prefix = '', out = new Map<string, string>()) {
  for (const s of sections) {
    const path = prefix ? `${prefix}::${s.title}` : s.title;
    out.set(s.id, path);
    if (s.children) sectionPaths(s.children, path, out);
  }
  return out;
}

/**
 * The `col` row of an exported Anki collection (schema 11): Cardinal's three note types (Basic, Basic (and
 * reversed card), Cloze), one deck per section under the deck's own name, and Anki's default options, in the
 * JSON shapes Anki itself writes (copied from a real Anki 2.1 export, tests/fixtures/anki/).
 */

export const NOTETYPE = { basic: 1_700_000_000_001, reversed: 1_700_000_000_002, cloze: 1_700_000_000_003 };

const CSS =
  '.card {\n    font-family: arial;\n    font-size: 20px;\n    text-align: center;\n    color: black;\n    background-color: white;\n}\n.cloze {\n    font-weight: bold;\n    color: blue;\n}\n';

const field = (name: string, ord: number) => ({
  name,
  ord,
  sticky: false,
  rtl: false,
  font: 'Arial',
  size: 20,
  description: '',
  plainText: false,
  collapsed: false,
  excludeFromSearch: false,
});

const template = (name: string, ord: number, qfmt: string, afmt: string) => ({
  name,
  ord,
  qfmt,
  afmt,
  bqfmt: '',
  bafmt: '',
  did: null,
  bfont: '',
  bsize: 0,
});

const model = (
  id: number,
  name: string,
  type: 0 | 1,
  fields: string[],
  templates: object[],
  now: number,
) => ({
  id,
  name,
  type,
  mod: Math.floor(now / 1000),
  usn: -1,
  sortf: 0,
  did: null,
  tmpls: templates,
  flds: fields.map(field),
  css: CSS,
  latexPre:
    '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
  latexPost: '\\end{document}',
  latexsvg: false,
  req: type === 1 ? [[0, 'any', [0]]] : templates.map((_, ord) => [ord, 'any', [ord]]),
});

export function notetypesJson(now: number): string {
  const answer = '{{FrontSide}}\n\n<hr id=answer>\n\n';
  return JSON.stringify({
    [NOTETYPE.basic]: model(
      NOTETYPE.basic,
      'Basic (Cardinal)',
      0,
      ['Front', 'Back'],
      [template('Card 1', 0, '{{Front}}', `${answer}{{Back}}`)],
      now,
    ),
    [NOTETYPE.reversed]: model(
      NOTETYPE.reversed,
      'Basic (and reversed card) (Cardinal)',
      0,
      ['Front', 'Back'],
      [
        template('Card 1', 0, '{{Front}}', `${answer}{{Back}}`),
        template('Card 2', 1, '{{Back}}', `${answer}{{Front}}`),
      ],
      now,
    ),
    [NOTETYPE.cloze]: model(
      NOTETYPE.cloze,
      'Cloze (Cardinal)',
      1,
      ['Text', 'Back Extra'],
      [template('Cloze', 0, '{{cloze:Text}}', '{{cloze:Text}}<br>\n{{Back Extra}}')],
      now,
    ),
  });
}

export function deckJson(id: number, name: string, now: number) {
  return {
    id,
    mod: Math.floor(now / 1000),
    name,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: '',
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
  };
}

export function deckOptionsJson(now: number, desiredRetention: number): string {
  return JSON.stringify({
    1: {
      id: 1,
      mod: Math.floor(now / 1000),
      name: 'Default',
      usn: -1,
      maxTaken: 60,
      autoplay: true,
      timer: 0,
      replayq: true,
      new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
      rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
      lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
      dyn: false,
      desiredRetention,
    },
  });
}

export function collectionConfJson(): string {
  return JSON.stringify({
    schedVer: 2,
    sched2021: true,
    collapseTime: 1200,
    activeDecks: [1],
    curDeck: 1,
    newSpread: 0,
    nextPos: 1,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
    dayLearnFirst: false,
  });
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../../src/domain/transfer/csv/readCsv';
import { deckToCsv } from '../../../../src/domain/transfer/csv/writeCsv';
import { idFromFront, idFromGuid } from '../../../../src/domain/transfer/ids';
import { makeDeck } from '../../../helpers/builders';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../../fixtures/transfer', name), 'utf8');

describe('readCsv: Anki text export', () => {
  it('honours the headers: separator, html, tags, deck, notetype, guid column, columns', () => {
    const read = readCsv('anki-notes.txt', fixture('anki-notes.txt'));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.deck.cards).toEqual([
      {
        id: idFromGuid('OM@n*is5-c'),
        section: 'networking.vxlan',
        kind: 'basic',
        front: 'What port does VXLAN use?',
        back: 'UDP 4789\nby default',
        frontHtml: 'What port does <b>VXLAN</b> use?',
        tags: ['net', 'imported', 'vocab:ch1'],
      },
      {
        id: idFromGuid('Xy9!Ab/Q2z'),
        section: 'networking.vxlan',
        kind: 'basic',
        front: 'What is a VTEP?',
        back: 'VXLAN tunnel\nend point',
        backHtml: '<div>VXLAN tunnel</div><div>end point</div><img src="vtep.png">',
        tags: ['net', 'overlay', 'imported', 'vocab:ch1'],
      },
    ]);
    expect(read.deck.sections).toEqual([
      { id: 'networking', title: 'Networking', children: [{ id: 'networking.vxlan', title: 'VXLAN' }] },
    ]);
    expect(read.skipped).toEqual([{ where: 'anki-notes.txt line 10', reason: 'field "front" is empty' }]);
    expect(read.warnings).toEqual([
      "The cards use 1 media file (images, sounds) that a text file cannot hold: choose them together with this file (e.g. from Anki's collection.media folder), or they show as their names",
    ]);
  });

  it('reads a cloze note type: the text is the front, "Back Extra" is dropped with a warning', () => {
    const text =
      '#separator:Comma\n#notetype:Cloze\n"{{c1::UDP}} port {{c2::4789}}",extra\n"no cloze here",x\n';
    const read = readCsv('cloze.csv', text);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.deck.cards.map((c) => c.kind)).toEqual(['cloze']);
    expect(read.skipped).toEqual([
      { where: 'cloze.csv line 4', reason: 'field "front" (cloze): has no deletion like {{c1::answer}}' },
    ]);
    expect(read.warnings).toContain('1 cloze "Back Extra" field dropped');
  });
});

describe('readCsv: Quizlet', () => {
  it('reads term TAB definition, one per line', () => {
    const read = readCsv('quizlet.tsv', fixture('quizlet.tsv'));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.deck.cards.map((c) => c.kind === 'basic' && [c.front, c.back])).toEqual([
      ['hypervisor', 'software that runs virtual machines'],
      ['container', 'an isolated process sharing the host kernel'],
      ['snapshot', 'the state of a VM at a point in time'],
    ]);
    expect(read.deck.cards[0]?.id).toBe(idFromFront('hypervisor'));
  });

  it('reads custom separators with quotes off (a " is just a character)', () => {
    const read = readCsv('quizlet-custom.txt', fixture('quizlet-custom.txt'), {
      delimiter: ' - ',
      rowSeparator: ';',
      quotes: false,
      mapping: ['front', 'back'],
    });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.deck.cards.map((c) => c.kind === 'basic' && [c.front, c.back])).toEqual([
      ['hypervisor', 'software that runs VMs'],
      ['container', 'isolated process, shares the kernel'],
      ['snapshot', '"saved" VM state'],
    ]);
  });
});

describe('readCsv: rows and messages', () => {
  it('uses a header row to map columns and names skipped rows by line and field', () => {
    const text =
      'Tags,Question,Answer\nnet,"Multi\nline front",ok\nx,,missing front\ny,dup,1\nz,dup,2\nw,long,' +
      'a'.repeat(2001) +
      '\n';
    const read = readCsv('cards.csv', text);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.deck.cards.map((c) => c.kind === 'basic' && c.front)).toEqual(['Multi\nline front', 'dup']);
    expect(read.skipped).toEqual([
      { where: 'cards.csv line 4', reason: 'field "front" is empty' },
      { where: 'cards.csv line 6', reason: 'has the same front as line 5' },
      { where: 'cards.csv line 7', reason: 'field "back" is longer than 2000 characters' },
    ]);
  });

  it('derives the same ids from the same file, so a re-import updates instead of duplicating', () => {
    const text = 'a,1\nb,2\n';
    const first = readCsv('x.csv', text);
    const again = readCsv('x.csv', 'b,changed\na,1\n');
    if (!first.ok || !again.ok) throw new Error('not read');
    expect(new Set(again.deck.cards.map((c) => c.id))).toEqual(new Set(first.deck.cards.map((c) => c.id)));
  });

  it('keeps HTML as literal text unless the file says #html:true', () => {
    const read = readCsv('hostile.csv', fixture('hostile.csv'));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.deck.cards[0]).toMatchObject({ front: '<img src=x onerror="window.__pwned=1">' });
    const asHtml = readCsv('hostile.csv', fixture('hostile.csv'), { html: true });
    // As HTML, the markup is stripped (an image-only front is named by its file), and the backs are left
    // empty: the file is refused, row by row.
    expect(asHtml.ok).toBe(false);
    if (!asHtml.ok)
      expect(asHtml.problems).toEqual([
        { where: 'hostile.csv', reason: 'no row could be imported' },
        { where: 'hostile.csv line 2', reason: 'field "back" is empty' },
        { where: 'hostile.csv line 3', reason: 'field "back" is empty' },
      ]);
  });

  it('refuses a file with no usable rows, naming why', () => {
    const read = readCsv('empty.csv', ',\n,\n');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]).toEqual({ where: 'empty.csv', reason: 'has no rows of cards' });
  });
});

describe('deckToCsv', () => {
  it('round-trips basic and cloze cards: ids, text, tags and section titles', () => {
    const deck = makeDeck({
      cards: [
        {
          id: 'a.one',
          section: 'alpha',
          kind: 'basic',
          front: 'Q, with "quotes"',
          back: 'two\nlines',
          tags: ['x', 'y:z'],
        },
        { id: 'a.cloze', section: 'alpha-one', kind: 'cloze', text: '{{c1::VXLAN}} uses UDP' },
      ],
    });
    const csv = deckToCsv(deck);
    const read = readCsv('test-deck.csv', csv);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.deck.cards).toEqual([
      {
        id: 'a.one',
        section: 'alpha',
        kind: 'basic',
        front: 'Q, with "quotes"',
        back: 'two\nlines',
        tags: ['x', 'y:z'],
      },
      { id: 'a.cloze', section: 'alpha.alpha-one', kind: 'cloze', text: '{{c1::VXLAN}} uses UDP' },
    ]);
    expect(read.deck.sections).toEqual([
      { id: 'alpha', title: 'Alpha', children: [{ id: 'alpha.alpha-one', title: 'Alpha one' }] },
    ]);
  });

  it('writes multiple-choice and true/false cards as readable question and answer', () => {
    const rows = Papa.parse<string[]>(deckToCsv(makeDeck()).split('\n').slice(6).join('\n')).data;
    expect(rows.find((r) => r[0] === 'b.mcq')?.slice(1, 3)).toEqual([
      'Which storage is block-level?\nA. SAN\nB. NAS\nC. DAS over a network',
      'A. SAN\n\nGuide, SAN.',
    ]);
    expect(rows.find((r) => r[0] === 'b.tf')?.slice(1, 3)).toEqual([
      'True or false: NAS is file-level.',
      'True\n\nGuide, NAS.',
    ]);
  });
});

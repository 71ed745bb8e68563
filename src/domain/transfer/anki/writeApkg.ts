/**
 * A Cardinal deck as an Anki package (.apkg) that older and newer Anki both import: `collection.anki21`
 * (schema 11) plus the media list and files, zipped. Note types Basic, Basic (and reversed card) and Cloze;
 * mcq and true/false become Basic notes with the options in the front and the answer and explanation in the
 * back. Sections become subdecks of a deck named after the Cardinal deck; tags are kept. Optionally the review
 * history (revlog) and each item's state, with its FSRS memory state in cards.data. The note guid is the
 * Cardinal card id, so importing the package back (here or into Anki again) updates instead of duplicating.
 */
import { zipSync } from 'fflate';
import type { SqlJsStatic } from 'sql.js';
import { parseCloze } from '../../deck/cloze';
import type { Card, Section } from '../../deck/schema';
import type { CardStateRecord, ReviewLogRecord } from '../../records';
import type { ImportedMedia } from '../mediaTypes';
import type { AnkiItemIds } from '../parsedImport';
import { ankiFieldChecksum, ankiSortText } from './ankiChecksum';
import { collectionConfJson, deckJson, deckOptionsJson, NOTETYPE, notetypesJson } from './ankiNotetypes';

export type ApkgExport = {
  title: string;
  sections: readonly Section[];
  /** Live cards in deck order. */
  cards: readonly Card[];
  /** With review state: item states and review logs; otherwise every card goes out as new. */
  history?: { items: readonly CardStateRecord[]; logs: readonly ReviewLogRecord[]; desiredRetention: number };
  media: readonly ImportedMedia[];
  /** The Anki note and card ids of items imported from Anki (cardStates.ankiCardId / ankiNoteId). */
  ankiIds?: readonly AnkiItemIds[];
  /** When each card was added (CardRecord.addedAt), by card id: Anki reads a note's and card's id as that time. */
  addedAt?: Readonly<Record<string, number>>;
  now: number;
};

const DAY = 86_400_000;
const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
  left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null,
  type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const asHtml = (text: string, html: string | undefined) => html ?? escapeHtml(text).replace(/\n/g, '<br>');

type Note = { mid: number; fields: string[]; ords: Array<{ ord: number; ordinal: number }> };

/** A Cardinal card as an Anki note: its note type, fields, and which Anki card (ord) is which review item. */
export function noteOf(card: Card): Note {
  switch (card.kind) {
    case 'basic':
      return {
        mid: card.reversed ? NOTETYPE.reversed : NOTETYPE.basic,
        fields: [asHtml(card.front, card.frontHtml), asHtml(card.back, card.backHtml)],
        ords: card.reversed
          ? [
              { ord: 0, ordinal: 1 },
              { ord: 1, ordinal: 2 },
            ]
          : [{ ord: 0, ordinal: 1 }],
      };
    case 'cloze': {
      const parsed = parseCloze(card.text);
      const numbers = parsed.ok ? parsed.numbers : [1];
      return {
        mid: NOTETYPE.cloze,
        fields: [asHtml(card.text, card.textHtml), ''],
        ords: numbers.map((n) => ({ ord: n - 1, ordinal: n })),
      };
    }
    case 'mcq': {
      const options = card.options.map((o) => `<li>${escapeHtml(o)}</li>`).join('');
      const right = card.correct.map((i) => escapeHtml(card.options[i] ?? '')).join('<br>');
      return {
        mid: NOTETYPE.basic,
        fields: [
          `${asHtml(card.prompt, undefined)}<ol>${options}</ol>`,
          `${right}<br><br>${asHtml(card.explanation, undefined)}`,
        ],
        ords: [{ ord: 0, ordinal: 1 }],
      };
    }
    case 'truefalse':
      return {
        mid: NOTETYPE.basic,
        fields: [
          `${asHtml(card.statement, undefined)}<br><br>True or false?`,
          `${card.answer ? 'True' : 'False'}<br><br>${asHtml(card.explanation, undefined)}`,
        ],
        ords: [{ ord: 0, ordinal: 1 }],
      };
  }
}

/** Anki deck names for the sections: "<deck title>::<section>::<subsection>" ("::" inside a title becomes ":"). */
function sectionDecks(title: string, sections: readonly Section[]): Map<string, string> {
  const clean = (s: string) => s.replace(/::/g, ':').trim() || 'Untitled';
  const out = new Map<string, string>();
  const walk = (list: readonly Section[], prefix: string) => {
    for (const s of list) {
      const name = `${prefix}::${clean(s.title)}`;
      out.set(s.id, name);
      if (s.children) walk(s.children, name);
    }
  };
  walk(sections, clean(title));
  return out;
}

/** `meta` of a package in Anki's legacy format 2 (`collection.anki21`): PackageMetadata { version = 2 }. */
const META_LEGACY_2 = new Uint8Array([0x08, 0x02]);

export async function buildApkg(sql: SqlJsStatic, input: ApkgExport): Promise<Uint8Array> {
  const { now } = input;
  const notes = input.cards.map(noteOf);
  // SHA-1 is async in the browser (crypto.subtle), so the checksums are computed before the database is built.
  const checksums = await Promise.all(notes.map((n) => ankiFieldChecksum(n.fields[0] ?? '')));
  const db = new sql.Database();
  try {
    db.run(SCHEMA);
    const firstReview = (input.history?.logs ?? []).reduce((min, l) => Math.min(min, l.review), now);
    const crt = Math.floor((firstReview - DAY) / DAY) * (DAY / 1000);
    const deckNames = sectionDecks(input.title, input.sections);
    const deckIds = new Map<string, number>();
    const decks: Record<string, object> = { 1: deckJson(1, 'Default', now) };
    const topName = [...deckNames.values()][0]?.split('::')[0] ?? input.title;
    const names = [topName, ...new Set(deckNames.values())];
    names.forEach((name, i) => {
      const id = 1_700_000_100_000 + i;
      deckIds.set(name, id);
      decks[id] = deckJson(id, name, now);
    });
    db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
      crt,
      now,
      now,
      collectionConfJson(),
      notetypesJson(now),
      JSON.stringify(decks),
      deckOptionsJson(now, input.history?.desiredRetention ?? 0.9),
      '{}',
    ]);

    const items = new Map(input.history?.items.map((i) => [i.itemId, i]) ?? []);
    const ankiCardOf = new Map<string, number>();
    // Items imported from Anki go back out under their Anki note and card ids (so the ids Anki and a revlog CSV
    // know stay the same); the others get new ids, never one already taken.
    const known = new Map((input.ankiIds ?? []).map((a) => [a.itemId, a]));
    const takenNotes = new Set([...known.values()].map((a) => a.ankiNoteId));
    const takenCards = new Set([...known.values()].map((a) => a.ankiCardId));
    const freshNote = freeIds(takenNotes);
    const freshCard = freeIds(takenCards);
    input.cards.forEach((card, i) => {
      const note = notes[i] ?? noteOf(card);
      // Anki shows a note's id as its creation time ("Created", `added:n`): the card's own, when it has one.
      const created = input.addedAt?.[card.id];
      const noteId =
        note.ords
          .map((o) => known.get(`${card.id}#${o.ordinal}`)?.ankiNoteId)
          .find((id) => id !== undefined) ?? freshNote(created ?? now + i);
      const did = deckIds.get(deckNames.get(card.section) ?? '') ?? deckIds.get(topName) ?? 1;
      // Every note type here sorts by its first field (sortf 0).
      const sortField = ankiSortText(note.fields[0] ?? '');
      db.run('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)', [
        noteId,
        card.id,
        note.mid,
        Math.floor(now / 1000),
        card.tags && card.tags.length > 0 ? ` ${card.tags.join(' ')} ` : '',
        note.fields.join('\u001f'),
        sortField,
        checksums[i] ?? 0,
        '',
      ]);
      for (const { ord, ordinal } of note.ords) {
        const cardId =
          known.get(`${card.id}#${ordinal}`)?.ankiCardId ??
          freshCard(created !== undefined ? created + ord : now + i * 100 + ord);
        ankiCardOf.set(`${card.id}#${ordinal}`, cardId);
        const s = scheduling(items.get(`${card.id}#${ordinal}`), i + 1, crt);
        db.run('INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, 2500, ?, ?, ?, 0, 0, 0, ?)', [
          cardId,
          noteId,
          did,
          ord,
          Math.floor(now / 1000),
          s.type,
          s.queue,
          s.due,
          s.ivl,
          s.reps,
          s.lapses,
          s.left,
          s.data,
        ]);
      }
    });

    const taken = new Set<number>();
    for (const log of input.history?.logs ?? []) {
      const cid = ankiCardOf.get(log.itemId);
      if (cid === undefined) continue;
      let id = Math.round(log.review);
      while (taken.has(id)) id++;
      taken.add(id);
      db.run('INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, 2500, ?, ?)', [
        id,
        cid,
        log.rating,
        Math.round(log.scheduled_days),
        Math.round(log.last_elapsed_days),
        Math.round(log.durationMs),
        log.state === 2 ? 1 : log.state === 3 ? 2 : 0,
      ]);
    }
    const collection = db.export();
    const files: Record<string, Uint8Array> = { meta: META_LEGACY_2, 'collection.anki21': collection };
    const mediaMap: Record<string, string> = {};
    input.media.forEach((m, i) => {
      files[String(i)] = m.bytes;
      mediaMap[String(i)] = m.name;
    });
    files.media = new TextEncoder().encode(JSON.stringify(mediaMap));
    return zipSync(files, { level: 6 });
  } finally {
    db.close();
  }
}

type Scheduling = {
  type: number;
  queue: number;
  due: number;
  ivl: number;
  reps: number;
  lapses: number;
  left: number;
  data: string;
};

function scheduling(item: CardStateRecord | undefined, position: number, crt: number): Scheduling {
  const fsrs = item?.fsrs;
  if (!item || !fsrs || fsrs.state === 0)
    return {
      type: 0,
      queue: item?.suspended ? -1 : 0,
      due: position,
      ivl: 0,
      reps: 0,
      lapses: 0,
      left: 0,
      data: '',
    };
  const data = JSON.stringify({ s: round(fsrs.stability), d: round(fsrs.difficulty) });
  const base = { reps: fsrs.reps, lapses: fsrs.lapses, data };
  const queueIf = (queue: number) => (item.suspended ? -1 : queue);
  if (fsrs.state === 2)
    return {
      ...base,
      type: 2,
      queue: queueIf(2),
      due: Math.floor((fsrs.due - crt * 1000) / DAY),
      ivl: Math.max(1, Math.round(fsrs.scheduled_days)),
      left: 0,
    };
  return {
    ...base,
    type: fsrs.state === 3 ? 3 : 1,
    queue: queueIf(1),
    due: Math.floor(fsrs.due / 1000),
    ivl: fsrs.state === 3 ? Math.max(1, Math.round(fsrs.scheduled_days)) : 0,
    left: 1,
  };
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * Hands out ids not yet taken, each the wanted one or the next free one above it. Many cards share one added time
 * (a whole deck installed at once), so "the next free one" is found through a map of runs of taken ids with path
 * compression rather than by counting up: handing out n ids stays near-linear.
 */
export function freeIds(taken: ReadonlySet<number>): (wanted: number) => number {
  /** For a taken id: an id at or below the first free id above it. */
  const above = new Map<number, number>();
  for (const id of taken) above.set(id, id + 1);
  return (wanted) => {
    const path: number[] = [];
    let id = wanted;
    for (let next = above.get(id); next !== undefined; next = above.get(id)) {
      path.push(id);
      id = next;
    }
    for (const p of path) above.set(p, id + 1);
    above.set(id, id + 1);
    return id;
  };
}

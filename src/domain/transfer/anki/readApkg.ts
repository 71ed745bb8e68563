/**
 * Reads an Anki package (.apkg, or a .colpkg collection backup) into a Cardinal deck plus what was skipped and
 * why, and optionally the review history to replay. Nothing is written here; the caller shows the summary and
 * writes after the user confirms. Never throws: any unreadable input comes back as `ok: false` with a message
 * naming the file (and the note and field, where there is one).
 *
 * Reads the newest collection a package has: `collection.anki21b` (Anki 23.10+: zstd-compressed, schema 18),
 * else `collection.anki21`, else `collection.anki2` (schema 11). The stub `collection.anki2` ("please update
 * Anki") that new packages carry beside their anki21b is never read.
 */
import type { SqlJsStatic } from 'sql.js';
import type { Card, Deck } from '../../deck/schema';
import { DECK_FORMAT, DECK_FORMAT_VERSION } from '../../deck/schema';
import { formatIssue, validateDeck } from '../../deck/validate';
import { idFromGuid, normalizeTag, slugId } from '../ids';
import { type ImportedMedia, MAX_MEDIA_FILE_BYTES, mediaTypeOf } from '../mediaTypes';
import type { ImportProblem, ImportRead } from '../parsedImport';
import { localMedia } from '../richField';
import {
  type AnkiCard,
  type AnkiCollection,
  type AnkiDeck,
  isSqlite,
  readCollection,
} from './ankiCollection';
import { count, historyFromRevlog } from './ankiHistory';
import { readMediaMap } from './ankiMedia';
import { buildSections } from './ankiSections';
import { contentWarnings } from './ankiWarnings';
import { MAX_PACKAGE_BYTES, MAX_TOTAL_UNCOMPRESSED_BYTES, megabytes } from './limits';
import { type ConvertedNote, convertNote } from './noteToCard';
import { inflateEntry, readZipDirectory, type ZipEntry } from './zipEntries';
import { isZstd, unzstd } from './zstd';

export type ApkgOptions = {
  /**
   * The Cardinal deck id and title when the package's notes are only in Anki's "Default" deck; otherwise the
   * package's own (top-level) deck name gives both. The page then prefers the stored deck that already holds
   * the package's notes (matched by guid), whatever its name.
   */
  deckId: string;
  deckTitle: string;
  /** Starts sql.js: the page points it at the bundled wasm, tests at node_modules. */
  loadSql: () => Promise<SqlJsStatic>;
  /** Also read the review log, to replay it through FSRS. */
  includeHistory: boolean;
};

/** Newest first: a package carrying several is read from the newest. */
const COLLECTIONS = ['collection.anki21b', 'collection.anki21', 'collection.anki2'];

export async function readApkg(fileName: string, bytes: Uint8Array, opts: ApkgOptions): Promise<ImportRead> {
  try {
    return await readPackage(fileName, bytes, opts);
  } catch (error) {
    // Every expected problem is reported below; this is the net under the unexpected ones.
    return fail(fileName, `could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function readPackage(fileName: string, bytes: Uint8Array, opts: ApkgOptions): Promise<ImportRead> {
  if (bytes.length === 0) return fail(fileName, 'is empty');
  if (bytes.length > MAX_PACKAGE_BYTES)
    return fail(fileName, `is ${megabytes(bytes.length)}, over the ${megabytes(MAX_PACKAGE_BYTES)} limit`);
  const directory = readZipDirectory(bytes);
  if (!directory.ok) {
    const reason =
      directory.reason !== 'is not a zip file'
        ? directory.reason
        : startsLikeZip(bytes)
          ? `the file is incomplete (ends at byte ${bytes.length}, before the end of its zip directory); download or copy it again`
          : 'is not an Anki package (.apkg files are zip archives; this is not one)';
    return fail(fileName, reason);
  }
  const entries = directory.value;
  const names = entries.map((e) => e.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) return fail(fileName, `contains "${duplicate}" twice (a damaged package)`);

  const entry = pickCollection(entries);
  if (!entry)
    return fail(
      fileName,
      'is a zip file but not an Anki package: it has no collection.anki21b, collection.anki21 or collection.anki2 inside',
    );
  const where = `${fileName} (${entry.name})`;
  const inflated = readEntry(bytes, entry);
  if (!inflated.ok) return fail(fileName, inflated.reason);
  if (inflated.value.length === 0) return fail(fileName, 'is empty', where);
  if (!isSqlite(inflated.value))
    return fail(fileName, 'is not an SQLite database, so not an Anki collection', where);

  let sql: SqlJsStatic;
  try {
    sql = await opts.loadSql();
  } catch (error) {
    return fail(fileName, `could not be read: the SQLite reader did not start (${String(error)})`);
  }
  const collection = readCollection(sql, inflated.value, opts.includeHistory);
  if (!collection.ok) return fail(fileName, collection.reason, where);
  const built = buildImport(fileName, collection.value, opts);
  if (!built.ok) return built;
  const media = packageMedia(bytes, entries, built.deck.cards.length > 0 ? usedMedia(built.deck) : []);
  if (!media.ok) return fail(fileName, media.reason);
  return {
    ...built,
    warnings: [...built.warnings, ...media.value.warnings],
    media: media.value.files,
  };
}

/** Media names the imported cards' HTML uses. */
function usedMedia(deck: Deck): string[] {
  const names = new Set<string>();
  for (const card of deck.cards) {
    const html =
      card.kind === 'basic'
        ? `${card.frontHtml ?? ''}${card.backHtml ?? ''}`
        : card.kind === 'cloze'
          ? (card.textHtml ?? '')
          : '';
    for (const name of localMedia(html)) names.add(name);
  }
  return [...names];
}

type PackageMedia = { files: ImportedMedia[]; warnings: string[] };

/** The media files cards use, unpacked from the package (zstd in new packages), with what was left out. */
function packageMedia(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  names: readonly string[],
): { ok: true; value: PackageMedia } | { ok: false; reason: string } {
  if (names.length === 0) return { ok: true, value: { files: [], warnings: [] } };
  const byName = new Map(entries.map((e) => [e.name, e]));
  const listEntry = byName.get('media');
  const list = listEntry ? readEntry(bytes, listEntry) : { ok: true as const, value: new Uint8Array() };
  if (!list.ok) return list;
  const map = readMediaMap(list.value);
  if (!map.ok) return map;
  const files: ImportedMedia[] = [];
  const missing: string[] = [];
  const refused: string[] = [];
  for (const name of names) {
    const type = mediaTypeOf(name);
    const zipName = map.value.get(name);
    const entry = zipName === undefined ? undefined : byName.get(zipName);
    if (!type || !entry) {
      (type ? missing : refused).push(name);
      continue;
    }
    if (entry.size > MAX_MEDIA_FILE_BYTES) {
      refused.push(name);
      continue;
    }
    const data = readEntry(bytes, entry);
    if (!data.ok || data.value.length > MAX_MEDIA_FILE_BYTES) refused.push(name);
    else files.push({ name, type, bytes: data.value });
  }
  const warnings: string[] = [];
  if (files.length > 0)
    warnings.push(`${count(files.length, 'image or sound', 'images and sounds')} stored with the deck`);
  if (missing.length > 0)
    warnings.push(
      `${count(missing.length, 'media file is', 'media files are')} used by cards but not in the package: ${missing.slice(0, 5).join(', ')}`,
    );
  if (refused.length > 0)
    warnings.push(
      `${count(refused.length, 'media file was', 'media files were')} left out (not an image or sound Cardinal shows, over ${megabytes(MAX_MEDIA_FILE_BYTES)}, or damaged): ${refused.slice(0, 5).join(', ')}`,
    );
  return { ok: true, value: { files, warnings } };
}

function pickCollection(entries: readonly ZipEntry[]): ZipEntry | undefined {
  const byName = new Map(entries.map((e) => [e.name, e]));
  return COLLECTIONS.map((name) => byName.get(name)).find((e) => e !== undefined);
}

/** An entry's bytes: inflated, then un-zstd'd when zstd-compressed (the anki21b collection and its media). */
function readEntry(bytes: Uint8Array, entry: ZipEntry) {
  const inflated = inflateEntry(bytes, entry);
  if (!inflated.ok || !isZstd(inflated.value)) return inflated;
  return unzstd(inflated.value, MAX_TOTAL_UNCOMPRESSED_BYTES, `"${entry.name}"`);
}

function startsLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function buildImport(fileName: string, collection: AnkiCollection, opts: ApkgOptions): ImportRead {
  const skipped: ImportProblem[] = collection.badRows.map((row) => ({
    where: `${fileName} ${row.where}`,
    reason: row.reason,
  }));
  const cardsByNote = groupCards(collection.cards);
  const idOwner = new Map<string, { noteId: number; guid: string }>();
  const droppedTags = new Set<string>();
  const converted: Array<{
    noteId: number;
    deckId: string;
    result: ConvertedNote;
    ankiCards: readonly AnkiCard[];
  }> = [];

  for (const note of collection.notes) {
    const where = `${fileName} note ${note.id}`;
    const skip = (reason: string) => skipped.push({ where, reason });
    const model = collection.models.get(note.modelId);
    if (!model) {
      skip(`uses note type ${note.modelId}, which the package does not define`);
      continue;
    }
    if (note.guid.trim() === '') {
      skip('has no guid');
      continue;
    }
    const cardId = idFromGuid(note.guid);
    const owner = idOwner.get(cardId);
    if (owner !== undefined) {
      skip(
        owner.guid === note.guid
          ? `has the same guid as note ${owner.noteId} (duplicate id "${note.guid}")`
          : `its guid "${note.guid}" maps to the same card id "${cardId}" as note ${owner.noteId}`,
      );
      continue;
    }
    idOwner.set(cardId, { noteId: note.id, guid: note.guid });
    const noteCards = cardsByNote.get(note.id) ?? [];
    const firstCard = noteCards[0];
    if (!firstCard) {
      skip('has no cards');
      continue;
    }
    const tags = mapTags(note.tags, droppedTags);
    // Every Cardinal card gets one section: the deck of the note's first Anki card.
    const result = convertNote(note, model, noteCards, {
      id: cardId,
      section: '',
      tags,
    });
    if (!result.ok) {
      skip(`${result.reason} (note type "${model.name}")`);
      continue;
    }
    converted.push({ noteId: note.id, deckId: firstCard.deckId, result, ankiCards: noteCards });
  }

  if (converted.length === 0)
    return {
      ok: false,
      fileName,
      problems: [{ where: fileName, reason: 'has no notes that Cardinal can import' }, ...skipped],
    };

  const ownName = packageDeckName(converted.map((c) => collection.decks.get(c.deckId)?.name ?? ''));
  // The package's own deck becomes the Cardinal deck; its subdecks become the sections.
  const { sections, sectionIdOf } = buildSections(
    ownName ? withoutTopDeck(collection.decks, ownName) : collection.decks,
    new Set(converted.map((c) => c.deckId)),
  );
  const cards: Card[] = converted.map(({ deckId, result }) => ({
    ...result.card,
    section: sectionIdOf(deckId),
  }));

  const warnings = contentWarnings(
    converted.map((c) => c.result),
    droppedTags,
  );
  const importedNotes = new Map(
    converted.map(({ noteId, result }) => [noteId, { cardId: result.card.id, ordinalOf: result.ordinalOf }]),
  );
  const { history, warnings: historyWarnings } = opts.includeHistory
    ? historyFromRevlog(collection.reviews, new Map(collection.cards.map((c) => [c.id, c])), importedNotes)
    : { history: [], warnings: [] };

  const validation = validateDeck({
    format: DECK_FORMAT,
    formatVersion: DECK_FORMAT_VERSION,
    id: ownName ? slugId(ownName, 'deck').slice(0, 60) : opts.deckId,
    version: 1,
    title: ownName ?? opts.deckTitle,
    description: `Imported from the Anki package ${fileName || 'without a name'}.`,
    source: { title: fileName.trim() || 'Anki package' },
    sections,
    cards,
  });
  if (!validation.ok)
    return {
      ok: false,
      fileName,
      problems: validation.issues.map((issue) => ({ where: fileName, reason: formatIssue(issue) })),
    };
  return {
    ok: true,
    fileName,
    deck: validation.deck,
    skipped,
    warnings: [...warnings, ...historyWarnings],
    history,
    addedAt: addedAtOfNotes(converted),
    ankiIds: converted.flatMap(({ noteId, result, ankiCards }) =>
      ankiCards.flatMap((card) => {
        const ordinal = result.ordinalOf(card.ord);
        return ordinal === undefined
          ? []
          : [{ itemId: `${result.card.id}#${ordinal}`, ankiCardId: card.id, ankiNoteId: noteId }];
      }),
    ),
  };
}

/**
 * An Anki note's id is the time it was created (ms since 1970): each card's "added" date. An id that cannot be
 * such a time (before 2000 or in the far future, as some generated packages have) is left out: the card is then
 * added at import time.
 */
function addedAtOfNotes(
  notes: readonly { noteId: number; result: { card: { id: string } } }[],
): Record<string, number> {
  const from = Date.UTC(2000, 0, 1);
  const to = Date.UTC(2200, 0, 1);
  const out: Record<string, number> = {};
  for (const { noteId, result } of notes)
    if (Number.isSafeInteger(noteId) && noteId >= from && noteId < to) out[result.card.id] = noteId;
  return out;
}

/** The package's own deck: the top-level Anki deck most of its cards are in, unless that is only "Default". */
export function packageDeckName(deckNames: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const name of deckNames) {
    const top = name.split('::')[0]?.trim() ?? '';
    if (top !== '' && top !== 'Default') counts.set(top, (counts.get(top) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0].slice(0, 200);
}

function withoutTopDeck(decks: ReadonlyMap<string, AnkiDeck>, top: string): Map<string, AnkiDeck> {
  const prefix = `${top}::`;
  return new Map(
    [...decks].map(([id, d]) => [
      id,
      d.name.startsWith(prefix) ? { ...d, name: d.name.slice(prefix.length) } : d,
    ]),
  );
}

function groupCards(cards: readonly AnkiCard[]): Map<number, AnkiCard[]> {
  const byNote = new Map<number, AnkiCard[]>();
  for (const card of cards) {
    const list = byNote.get(card.noteId);
    if (list) list.push(card);
    else byNote.set(card.noteId, [card]);
  }
  for (const list of byNote.values()) list.sort((a, b) => a.ord - b.ord);
  return byNote;
}

function mapTags(ankiTags: readonly string[], dropped: Set<string>): string[] {
  const tags = new Set<string>();
  for (const tag of ankiTags) {
    const mapped = normalizeTag(tag);
    if (mapped === null) dropped.add(tag);
    else tags.add(mapped);
  }
  return [...tags];
}

function fail(fileName: string, reason: string, where = fileName): ImportRead {
  return { ok: false, fileName, problems: [{ where, reason }] };
}

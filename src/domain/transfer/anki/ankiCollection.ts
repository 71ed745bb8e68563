/**
 * Reads the tables of an Anki collection into plain values: schema 11 (the `collection.anki2` /
 * `collection.anki21` SQLite file in a package, note types and decks as JSON in `col`) or schema 18 (the
 * decompressed `collection.anki21b`, note types and decks in their own tables: schema18.ts). Everything is
 * validated: a collection is untrusted input.
 */
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { z } from 'zod';
import { dropUnicase, readSchema18Decks, readSchema18Models, SCHEMA18_TABLES } from './schema18';

export type AnkiModel = {
  id: string;
  name: string;
  isCloze: boolean;
  /** Field names in field order. */
  fields: string[];
  /** Question templates by card ord. */
  questionTemplates: Map<number, string>;
};
export type AnkiDeck = { id: string; name: string };
export type AnkiNote = { id: number; guid: string; modelId: string; tags: string[]; fields: string[] };
/** Anki's FSRS memory state of a card (cards.data `s` and `d`), when it has one. */
export type AnkiMemory = { stability: number; difficulty: number };
export type AnkiCard = { id: number; noteId: number; deckId: string; ord: number; memory?: AnkiMemory };
export type AnkiReview = { id: number; cardId: number; ease: number; type: number; durationMs: number };

export type AnkiCollection = {
  models: Map<string, AnkiModel>;
  decks: Map<string, AnkiDeck>;
  notes: AnkiNote[];
  cards: AnkiCard[];
  reviews: AnkiReview[];
  /** Rows that could not be read at all, with the reason. */
  badRows: Array<{ where: string; reason: string }>;
};

type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

const modelSchema = z.looseObject({
  id: z.union([z.number(), z.string()]).optional(),
  name: z.string(),
  type: z.number().optional(),
  flds: z.array(z.looseObject({ name: z.string(), ord: z.number().optional() })),
  tmpls: z.array(z.looseObject({ ord: z.number().optional(), qfmt: z.string().optional() })).optional(),
});
const modelsSchema = z.record(z.string(), modelSchema);
const decksSchema = z.record(z.string(), z.looseObject({ name: z.string() }));

const noteRow = z.tuple([z.number().int(), z.string(), z.number(), z.string(), z.string()]);
const cardRow = z.tuple([z.number().int(), z.number().int(), z.number(), z.number().int(), z.number()]);
const reviewRow = z.tuple([z.number().int(), z.number().int(), z.number(), z.number(), z.number()]);

const SQLITE_HEADER = 'SQLite format 3\u0000';

export function isSqlite(bytes: Uint8Array): boolean {
  return new TextDecoder().decode(bytes.subarray(0, 16)) === SQLITE_HEADER;
}

/** Opens the collection, reads what an import needs, and always closes it. */
export function readCollection(
  sql: SqlJsStatic,
  bytes: Uint8Array,
  includeHistory: boolean,
): Result<AnkiCollection> {
  let db: Database | undefined;
  try {
    db = new sql.Database(bytes);
    return readTables(db, includeHistory);
  } catch (error) {
    return { ok: false, reason: `cannot be read as an Anki collection (${messageOf(error)})` };
  } finally {
    db?.close();
  }
}

function readTables(db: Database, includeHistory: boolean): Result<AnkiCollection> {
  const tables = new Set(
    rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map((row) => String(row[0])),
  );
  const missing = ['col', 'notes', 'cards'].filter((t) => !tables.has(t));
  if (missing.length > 0)
    return { ok: false, reason: `is not an Anki collection (no table ${missing.join(', ')})` };

  const colRow = rows(db, 'SELECT models, decks FROM col LIMIT 1')[0];
  if (!colRow) return { ok: false, reason: 'is not an Anki collection (table col is empty)' };
  const [modelsJson, decksJson] = colRow;
  let modelMap: Map<string, AnkiModel>;
  let deckMap: Map<string, AnkiDeck>;
  if ((modelsJson === '' || modelsJson === '{}') && tables.has('notetypes')) {
    const absent = SCHEMA18_TABLES.filter((t) => !tables.has(t));
    if (absent.length > 0)
      return {
        ok: false,
        reason: `is a damaged Anki collection (schema 18 without table ${absent.join(', ')})`,
      };
    dropUnicase(db);
    modelMap = readSchema18Models(db);
    deckMap = readSchema18Decks(db);
  } else {
    const models = parseJson(modelsJson, modelsSchema, 'col.models');
    if (!models.ok) return models;
    const decks = parseJson(decksJson, decksSchema, 'col.decks');
    if (!decks.ok) return decks;
    modelMap = new Map(Object.entries(models.value).map(([id, m]) => [id, toModel(id, m)]));
    deckMap = new Map(Object.entries(decks.value).map(([id, d]) => [id, { id, name: d.name }]));
  }

  const badRows: AnkiCollection['badRows'] = [];
  const notes: AnkiNote[] = [];
  for (const row of rows(db, 'SELECT id, guid, mid, tags, flds FROM notes ORDER BY id')) {
    const parsed = noteRow.safeParse(row);
    if (!parsed.success) {
      badRows.push({ where: `note ${String(row[0])}`, reason: 'has columns of the wrong type' });
      continue;
    }
    const [id, guid, mid, tags, flds] = parsed.data;
    notes.push({
      id,
      guid,
      modelId: String(mid),
      tags: tags.split(/\s+/).filter((t) => t !== ''),
      fields: flds.split('\u001f'),
    });
  }

  const cards: AnkiCard[] = [];
  const hasData = rows(db, 'PRAGMA table_info(cards)').some((c) => c[1] === 'data');
  const cardQuery = `SELECT id, nid, did, ord, odid${hasData ? ', data' : ''} FROM cards ORDER BY nid, ord`;
  for (const row of rows(db, cardQuery)) {
    const parsed = cardRow.safeParse(row.slice(0, 5));
    if (!parsed.success) {
      badRows.push({ where: `card ${String(row[0])}`, reason: 'has columns of the wrong type' });
      continue;
    }
    const [id, noteId, did, ord, odid] = parsed.data;
    const memory = memoryOf(row[5]);
    // A card in a filtered deck keeps its home deck in odid.
    cards.push({ id, noteId, deckId: String(odid !== 0 ? odid : did), ord, ...(memory ? { memory } : {}) });
  }

  const reviews: AnkiReview[] = [];
  if (includeHistory && tables.has('revlog')) {
    for (const row of rows(db, 'SELECT id, cid, ease, type, time FROM revlog ORDER BY id')) {
      const parsed = reviewRow.safeParse(row);
      if (!parsed.success) {
        badRows.push({ where: `review ${String(row[0])}`, reason: 'has columns of the wrong type' });
        continue;
      }
      const [id, cardId, ease, type, time] = parsed.data;
      reviews.push({ id, cardId, ease, type, durationMs: time });
    }
  }

  return {
    ok: true,
    value: {
      models: modelMap,
      decks: deckMap,
      notes,
      cards,
      reviews,
      badRows,
    },
  };
}

const cardData = z.looseObject({ s: z.number().positive().finite(), d: z.number().min(1).max(10) });

/** FSRS memory state from cards.data (`{"s": stability, "d": difficulty, …}`), when present and sane. */
function memoryOf(data: SqlValue | undefined): AnkiMemory | undefined {
  if (typeof data !== 'string' || !data.includes('"s"')) return undefined;
  try {
    const parsed = cardData.safeParse(JSON.parse(data));
    return parsed.success ? { stability: parsed.data.s, difficulty: parsed.data.d } : undefined;
  } catch {
    return undefined;
  }
}

function toModel(id: string, raw: z.infer<typeof modelSchema>): AnkiModel {
  const fields = raw.flds
    .map((f, index) => ({ name: f.name, ord: f.ord ?? index }))
    .sort((a, b) => a.ord - b.ord)
    .map((f) => f.name);
  const questionTemplates = new Map<number, string>();
  (raw.tmpls ?? []).forEach((t, index) => {
    questionTemplates.set(t.ord ?? index, t.qfmt ?? '');
  });
  return { id, name: raw.name, isCloze: raw.type === 1, fields, questionTemplates };
}

function rows(db: Database, query: string): SqlValue[][] {
  return db.exec(query)[0]?.values ?? [];
}

function parseJson<T>(value: SqlValue | undefined, schema: z.ZodType<T>, field: string): Result<T> {
  if (typeof value !== 'string') return { ok: false, reason: `has no ${field} (not an Anki collection)` };
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return { ok: false, reason: `has a damaged ${field} (not valid JSON)` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  return { ok: false, reason: `has a damaged ${field}${path ? ` at "${path}"` : ''}: ${issue?.message}` };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

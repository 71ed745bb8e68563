/**
 * Note types and decks of an Anki collection in schema 18 (Anki 2.1.28+ inside, and the only layout of the
 * `collection.anki21b` in Anki 23.10+ packages): the `notetypes`, `fields`, `templates` and `decks` tables instead
 * of JSON in `col`. Protobuf configs are decoded in ankiProto.ts. Deck names separate levels with U+001F there.
 */
import type { Database, SqlValue } from 'sql.js';
import type { AnkiDeck, AnkiModel } from './ankiCollection';
import { notetypeKind, templateFormats } from './ankiProto';

export const SCHEMA18_TABLES = ['notetypes', 'fields', 'templates', 'decks'] as const;

/**
 * Anki declares names `COLLATE unicase`, a collation only Anki registers; SQLite refuses any statement over such
 * a table without it. The database is a private in-memory copy, so the collation is dropped from its schema.
 */
export function dropUnicase(db: Database) {
  const uses = db.exec("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%COLLATE unicase%'")[0]
    ?.values[0]?.[0];
  if (!uses) return;
  db.exec(
    "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = replace(sql, 'COLLATE unicase', '') WHERE sql LIKE '%COLLATE unicase%'; PRAGMA writable_schema=RESET; PRAGMA writable_schema=OFF;",
  );
}

function rows(db: Database, query: string): SqlValue[][] {
  return db.exec(query)[0]?.values ?? [];
}

const blob = (value: SqlValue | undefined) => (value instanceof Uint8Array ? value : new Uint8Array());

export function readSchema18Models(db: Database): Map<string, AnkiModel> {
  const models = new Map<string, AnkiModel>();
  for (const [id, name, config] of rows(db, 'SELECT id, name, config FROM notetypes')) {
    models.set(String(id), {
      id: String(id),
      name: String(name),
      isCloze: notetypeKind(blob(config)) === 'cloze',
      fields: [],
      questionTemplates: new Map(),
    });
  }
  for (const [ntid, , name] of rows(db, 'SELECT ntid, ord, name FROM fields ORDER BY ntid, ord'))
    models.get(String(ntid))?.fields.push(String(name));
  for (const [ntid, ord, config] of rows(db, 'SELECT ntid, ord, config FROM templates ORDER BY ntid, ord'))
    models.get(String(ntid))?.questionTemplates.set(Number(ord), templateFormats(blob(config)).question);
  return models;
}

export function readSchema18Decks(db: Database): Map<string, AnkiDeck> {
  return new Map(
    rows(db, 'SELECT id, name FROM decks').map(([id, name]) => [
      String(id),
      { id: String(id), name: String(name).split('\u001f').join('::') },
    ]),
  );
}

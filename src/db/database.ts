/**
 * Cardinal's IndexedDB, through Dexie. What is stored where:
 * - decks:       one row per installed deck (metadata, sections, content version)
 * - cards:       one row per card, keyed [deckId+id]; removed cards stay, marked retired
 * - cardStates:  one row per review item ([deckId+itemId], itemId = "<card id>#<ordinal>"): FSRS fields and flags;
 *                ankiCardId/ankiNoteId when it came from an Anki package
 * - reviewLogs:  every answer ever given (ts-fsrs ReviewLog fields + duration + source)
 * - settings:    key/value
 * - exams:       one row per practice exam (settings, questions, answers as given, result); see domain/exam/record.ts
 * - media:       images and sounds of a deck's rich cards ([deckId+name]): bytes and MIME type (mediaRepo.ts)
 * - examItems:   the exam index, derived from cards and kept in step by db/examIndex.ts: one row per card an exam
 *                can ask ([deckId+cardId]), with its section, askable items and [deckId, section, tag] keys.
 *                Derived, so backups leave it out (STORED_TABLES) and restore rebuilds it.
 *
 * A released version below is never edited: add version(n + 1) with an upgrade() and a test that seeds the
 * old version. Renaming a table or an indexed field needs such a migration.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { ExamIndexRow } from '../domain/exam/examIndex';
import type { ExamRecord } from '../domain/exam/record';
import type {
  CardRecord,
  CardStateRecord,
  DeckRecord,
  ReviewLogRecord,
  SettingRecord,
} from '../domain/records';
import { cardWordsMiddleware } from './cardWords';
import { EXAM_INDEX_TABLE, examIndexMiddleware } from './examIndex';
import { v3BrowseIndex } from './upgrades/v3BrowseIndex';
import { v4AddedAt } from './upgrades/v4AddedAt';
import { v5ExamIndex } from './upgrades/v5ExamIndex';
import { writeSignalMiddleware } from './writeSignal';

export type MediaRecord = { deckId: string; name: string; type: string; bytes: Uint8Array };

export type CardinalDb = Dexie & {
  media: Table<MediaRecord, [string, string]>;
  decks: EntityTable<DeckRecord, 'id'>;
  cards: Table<CardRecord, [string, string]>;
  cardStates: Table<CardStateRecord, [string, string]>;
  reviewLogs: EntityTable<ReviewLogRecord, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
  exams: EntityTable<ExamRecord, 'id'>;
  examItems: Table<ExamIndexRow, [string, string]>;
};

/** Tables derived from others (rebuilt, never backed up or restored). */
export const DERIVED_TABLES: readonly string[] = [EXAM_INDEX_TABLE];

/** The tables a backup holds: every table but the derived ones. */
export function storedTables(db: CardinalDb): CardinalDb['tables'] {
  return db.tables.filter((t) => !DERIVED_TABLES.includes(t.name));
}

export const DB_NAME = 'cardinal';

export function createDb(name: string = DB_NAME): CardinalDb {
  const db = new Dexie(name) as CardinalDb;
  db.version(1).stores({
    decks: 'id',
    cards: '[deckId+id], deckId',
    cardStates:
      '[deckId+itemId], deckId, [deckId+cardId], [deckId+queue], [deckId+queue+due], [deckId+queue+position]',
    reviewLogs: '++id, [deckId+itemId], [deckId+review], review',
    settings: 'key',
  });
  // Version 2 adds practice exams; no existing data changes.
  db.version(2).stores({ exams: 'id, status, deckId, startedAt, [deckId+status]' });
  // Version 3: cards get a multi-entry word index (Browse search), tag and kind indexes, and an index on card id
  // alone, so an Anki package finds the deck that already holds its notes (card ids come from Anki note guids);
  // review items get the indexes Browse sorts and filters by and [deckId+section+queue] (the guide's per-section
  // counts); media (images, sounds) of rich cards. The upgrade fills in every stored card's words.
  db.version(3)
    .stores({
      cards: '[deckId+id], deckId, id, *words, *card.tags, card.kind',
      cardStates:
        '[deckId+itemId], deckId, [deckId+cardId], [deckId+queue], [deckId+queue+due], [deckId+queue+position], [deckId+section+queue], [deckId+section], [deckId+position], queue, due, flag, fsrs.lapses, fsrs.stability, fsrs.difficulty, fsrs.reps, fsrs.scheduled_days, fsrs.last_review, buriedUntil',
      media: '[deckId+name], deckId',
    })
    .upgrade(v3BrowseIndex);
  // Version 4: cards get `addedAt` (ms), indexed for Browse's "added in the last n days" and its "Added" column.
  // Review items imported from an Anki package keep their Anki card id (and note id, not indexed), indexed so a
  // review-log CSV (whose rows name Anki card ids) finds its items.
  // The upgrade fills in addedAt for stored cards from what they have (src/db/upgrades/v4AddedAt.ts).
  db.version(4)
    .stores({
      cards: '[deckId+id], deckId, id, *words, *card.tags, card.kind, addedAt',
      cardStates:
        '[deckId+itemId], deckId, [deckId+cardId], [deckId+queue], [deckId+queue+due], [deckId+queue+position], [deckId+section+queue], [deckId+section], [deckId+position], queue, due, flag, fsrs.lapses, fsrs.stability, fsrs.difficulty, fsrs.reps, fsrs.scheduled_days, fsrs.last_review, buriedUntil, ankiCardId',
    })
    .upgrade(v4AddedAt);
  // Version 5: the exam index (examItems), so the practice-exam set-up counts and the draw samples without
  // reading card rows. The upgrade builds it for stored decks (src/db/upgrades/v5ExamIndex.ts); from then on
  // every card or deck write keeps it in step in the same transaction (src/db/examIndex.ts).
  db.version(5).stores({ examItems: '[deckId+cardId], [deckId+section], *sectionTags' }).upgrade(v5ExamIndex);
  db.use(cardWordsMiddleware);
  db.use(examIndexMiddleware);
  db.use(writeSignalMiddleware(name));
  return db;
}

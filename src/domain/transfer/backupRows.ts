/**
 * Row schemas for the tables a backup holds, mirroring src/domain/records.ts. Rows of a table with no schema here
 * (one added later) are checked only for their primary key; add its schema here when it is added.
 */
import { z } from 'zod';
import { cardSchema, deckSchema } from '../deck/schema';
import { examRecordSchema } from '../exam/record';
import type { CardRecord, CardStateRecord, DeckRecord, ReviewLogRecord } from '../records';
import { MEDIA_TABLE, mediaRowSchema, storedMediaRowSchema } from './backupMedia';

const epoch = z.number().finite();
const state = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
const rating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

const fsrsSchema = z.strictObject({
  due: epoch,
  stability: z.number().finite(),
  difficulty: z.number().finite(),
  elapsed_days: z.number().finite(),
  scheduled_days: z.number().finite(),
  learning_steps: z.number().finite(),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  state,
  last_review: epoch.nullable(),
});

const deckRowSchema = deckSchema.omit({ cards: true }).extend({
  shipped: z.boolean(),
  installedAt: epoch,
  updatedAt: epoch,
  cardCount: z.number().int().min(0),
});

const cardRowSchema = z.strictObject({
  deckId: z.string().min(1),
  id: z.string().min(1),
  position: z.number().int(),
  retired: z.boolean(),
  card: cardSchema,
  addedAt: epoch.optional(),
  words: z.array(z.string()).optional(),
  userEdit: z
    .strictObject({
      base: cardSchema.nullable(),
      upstream: cardSchema.nullable().optional(),
      deleted: z.boolean().optional(),
    })
    .optional(),
});

const cardStateRowSchema = z.strictObject({
  deckId: z.string().min(1),
  itemId: z.string().min(1),
  cardId: z.string().min(1),
  ordinal: z.number().int().min(1),
  section: z.string(),
  position: z.number().finite(),
  fsrs: fsrsSchema,
  queue: z.enum(['new', 'learning', 'review', 'suspended', 'retired']),
  due: epoch,
  suspended: z.boolean(),
  retired: z.boolean(),
  buriedUntil: epoch,
  leech: z.boolean(),
  flag: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  marked: z.boolean(),
  ankiCardId: z.number().int().optional(),
  ankiNoteId: z.number().int().optional(),
});

const reviewLogRowSchema = z.strictObject({
  id: z.number().int().min(1).optional(),
  deckId: z.string().min(1),
  itemId: z.string().min(1),
  cardId: z.string().min(1),
  rating,
  state,
  due: epoch,
  stability: z.number().finite(),
  difficulty: z.number().finite(),
  elapsed_days: z.number().finite(),
  last_elapsed_days: z.number().finite(),
  scheduled_days: z.number().finite(),
  learning_steps: z.number().finite(),
  review: epoch,
  durationMs: z.number().finite().min(0),
  source: z.enum(['review', 'exam', 'import']),
  before: z.strictObject({ fsrs: fsrsSchema, suspended: z.boolean(), leech: z.boolean() }),
});

const settingRowSchema = z.strictObject({ key: z.string().min(1), value: z.unknown() });

// The schemas must accept exactly what is stored: these fail to compile if records.ts drifts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const drift: [
  Same<z.infer<typeof cardRowSchema>, CardRecord>,
  Same<z.infer<typeof cardStateRowSchema>, CardStateRecord>,
  Same<z.infer<typeof reviewLogRowSchema>, ReviewLogRecord>,
  Same<z.infer<typeof deckRowSchema>, DeckRecord>,
] = [true, true, true, true];
void drift;

export const rowSchemas: Record<string, z.ZodType> = {
  decks: deckRowSchema,
  cards: cardRowSchema,
  cardStates: cardStateRowSchema,
  reviewLogs: reviewLogRowSchema,
  settings: settingRowSchema,
  exams: examRecordSchema,
  // Its bytes are base64 text in the file: the schema's output (bytes) is what is restored (see backup.ts).
  [MEDIA_TABLE]: mediaRowSchema,
};

/** The same schemas for rows as stored in the database (media bytes as bytes, not base64 text). */
export const storedRowSchemas: Record<string, z.ZodType> = {
  ...rowSchemas,
  [MEDIA_TABLE]: storedMediaRowSchema,
};

/** Tables whose rows are restored as their schema outputs them rather than as read from the file. */
export const DECODED_TABLES: ReadonlySet<string> = new Set([MEDIA_TABLE]);

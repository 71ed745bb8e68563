/**
 * The Cardinal deck format: one JSON file per deck (see README "Deck format").
 * This schema is the single source of truth; every deck type in the app is inferred from it.
 * Bump DECK_FORMAT_VERSION when the shape changes, and teach `validateDeck` to read the old shape.
 */
import { z } from 'zod';
import { basicRichFields, clozeRichFields } from './richFields';

export const DECK_FORMAT = 'cardinal-deck';
export const DECK_FORMAT_VERSION = 2;

const ID = /^[a-z0-9][a-z0-9.-]*$/;
const TAG = /^[a-z0-9][a-z0-9:-]*$/;

const text = z
  .string()
  .trim()
  .min(1, 'must be a non-empty string')
  .max(2000, 'is longer than 2000 characters');
const id = z
  .string()
  .max(80, 'is longer than 80 characters')
  .regex(ID, 'must be lowercase letters, digits, "." or "-", starting with a letter or digit');

export type Section = {
  id: string;
  title: string;
  /** The heading line in the source guide this section follows, verbatim. */
  heading?: string | undefined;
  children?: Section[] | undefined;
};

export const sectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.strictObject({
    id,
    title: text,
    heading: text.optional(),
    children: z.array(sectionSchema).optional(),
  }),
);

/**
 * formatVersion 2, exam options a person vetted for a flashcard asked as multiple choice: `wrong` lists wrong
 * options written for this card, `answerSet` names a deck answer set the answer belongs to (its other answers
 * are wrong options). A flashcard with neither is never asked as multiple choice.
 */
const wrongOptions = z
  .array(text)
  .min(1, 'needs at least one wrong option')
  .max(8, 'allows at most 8 wrong options');
const clozeKey = z.string().regex(/^c[1-9]\d*$/, 'must be a deletion number like "c1"');

const cardBase = {
  id,
  section: id,
  tags: z.array(z.string().regex(TAG, 'must be lowercase letters, digits, ":" or "-"')).optional(),
};

export const basicCardSchema = z.strictObject({
  ...cardBase,
  kind: z.literal('basic'),
  front: text,
  back: text,
  /** Adds a second review item that asks back → front. */
  reversed: z.boolean().optional(),
  ...basicRichFields,
  /** formatVersion 2: wrong options for front → back asked as multiple choice. */
  wrong: wrongOptions.optional(),
  /** formatVersion 2: id of a deck answer set that holds `back`. */
  answerSet: id.optional(),
});

export const clozeCardSchema = z.strictObject({
  ...cardBase,
  kind: z.literal('cloze'),
  text,
  ...clozeRichFields,
  /** formatVersion 2: wrong options per deletion, e.g. { "c1": ["…", "…", "…"] }. */
  wrong: z.record(clozeKey, wrongOptions).optional(),
  /** formatVersion 2: per deletion, the id of a deck answer set that holds its answer. */
  answerSet: z.record(clozeKey, id).optional(),
});

export const mcqCardSchema = z.strictObject({
  ...cardBase,
  kind: z.literal('mcq'),
  prompt: text,
  options: z.array(text).min(2, 'needs at least 2 options').max(9, 'allows at most 9 options'),
  /** 0-based indices into options. */
  correct: z
    .array(z.number().int('must be whole numbers').min(0))
    .min(1, 'needs at least one correct option'),
  explanation: text,
});

export const trueFalseCardSchema = z.strictObject({
  ...cardBase,
  kind: z.literal('truefalse'),
  statement: text,
  answer: z.boolean(),
  explanation: text,
});

export const cardSchema = z.discriminatedUnion('kind', [
  basicCardSchema,
  clozeCardSchema,
  mcqCardSchema,
  trueFalseCardSchema,
]);

/** formatVersion 2: answers of one category that exclude each other, e.g. SAN, NAS, DAS. */
export const answerSetSchema = z.strictObject({
  id,
  answers: z.array(text).min(2, 'needs at least 2 answers'),
});

export const deckSchema = z.strictObject({
  format: z.literal(DECK_FORMAT),
  /** 1: plain text only; 2 adds optional HTML beside text fields (richFields.ts), vetted wrong options and answer sets. */
  formatVersion: z.literal([1, DECK_FORMAT_VERSION]),
  id,
  /** Content version: a shipped deck with a higher version updates the stored one. */
  version: z.number().int().min(1),
  title: text,
  description: text,
  source: z.strictObject({
    title: text,
    /** Path of the source text inside data/, when the app ships it. */
    file: z.string().optional(),
    url: z.string().url().optional(),
  }),
  sections: z.array(sectionSchema).min(1, 'needs at least one section'),
  /** formatVersion 2: options per exam question (default 4; true/false always 2). */
  examOptions: z.number().int().min(2).max(9).optional(),
  /** formatVersion 2: answer sets flashcards draw wrong options from (see `answerSet` on cards). */
  answerSets: z.array(answerSetSchema).optional(),
  cards: z.array(cardSchema),
  /**
   * When each card was added (ms since 1970), by card id: written by Cardinal's deck export so a re-import keeps the
   * dates Browse shows and filters by; a card not listed is added at import time. Never stored on the deck.
   */
  added: z.record(z.string(), z.number().int().nonnegative()).optional(),
});

export type Deck = z.infer<typeof deckSchema>;
export type Card = z.infer<typeof cardSchema>;
export type CardKind = Card['kind'];
export type BasicCard = z.infer<typeof basicCardSchema>;
export type ClozeCard = z.infer<typeof clozeCardSchema>;
export type McqCard = z.infer<typeof mcqCardSchema>;
export type TrueFalseCard = z.infer<typeof trueFalseCardSchema>;
export type AnswerSet = z.infer<typeof answerSetSchema>;

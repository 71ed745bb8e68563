/**
 * What every import reader produces before anything is written: a validated Cardinal deck, the rows or notes
 * it skipped (with where and why), and optionally review history to replay. The db layer shows this as a
 * summary, and writes it only after the user confirms, in one transaction.
 */
import type { Deck } from '../deck/schema';
import type { ImportedMedia } from './mediaTypes';

/** One review from another app's history, to replay through FSRS (ts-fsrs reschedule). */
export type ImportedReview = {
  cardId: string;
  /** Review item ordinal (see reviewItems.ts): 1 = front→back / c1, 2 = back→front / c2 … */
  ordinal: number;
  rating: 1 | 2 | 3 | 4;
  /** When the review happened, epoch ms. */
  review: number;
  durationMs: number;
  /**
   * The other app's FSRS memory state after this review (Anki's cards.data), on the item's last review only:
   * it replaces the replayed stability and difficulty, so the schedule continues as it was.
   */
  memory?: { stability: number; difficulty: number };
};

/** Where in the input a problem is, e.g. `notes.csv line 12`, `collection.anki2 note 1650000000000`. */
export type ImportProblem = { where: string; reason: string };

export type ParsedImport = {
  /** The file's name, for messages. */
  fileName: string;
  deck: Deck;
  /** Rows, notes or cards left out, each with where and why. */
  skipped: ImportProblem[];
  /** Things the user should know that did not stop a card (e.g. "3 images dropped"). */
  warnings: string[];
  history: ImportedReview[];
  /** Set when the import looks wrong (e.g. most rows skipped): the user must confirm, seeing this reason. */
  confirm?: string;
  /** Images and sounds the cards' HTML uses, stored with the deck (by name) in the same transaction. */
  media?: ImportedMedia[];
  /** When cards were created, by card id (ms), when the file says (Anki: the note id is its creation time). */
  addedAt?: Record<string, number>;
  /** From an Anki package: which Anki card (and note) each review item is, kept on the item (revlog CSVs). */
  ankiIds?: AnkiItemIds[];
};

/** A review item ("<card id>#<ordinal>") and the Anki card and note it came from. */
export type AnkiItemIds = { itemId: string; ankiCardId: number; ankiNoteId: number };

/** A whole file refused: nothing of it is imported. */
export type ImportFailure = { ok: false; fileName: string; problems: ImportProblem[] };
export type ImportRead = ({ ok: true } & ParsedImport) | ImportFailure;

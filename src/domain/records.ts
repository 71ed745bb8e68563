/**
 * The plain records Cardinal stores. The domain defines them (db/ only persists them), so domain functions
 * can compute over exactly what is stored, and tests can build them without a database.
 * Times are epoch milliseconds.
 */
import type { Card, Deck } from './deck/schema';

/** ts-fsrs's Card fields, with dates as epoch ms so they index and compare as numbers. */
export type FsrsFields = {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** 0 New, 1 Learning, 2 Review, 3 Relearning (ts-fsrs State). */
  state: 0 | 1 | 2 | 3;
  last_review: number | null;
};

/** Where an item stands for queue building; derived from FSRS state and the item's flags. */
export type Queue = 'new' | 'learning' | 'review' | 'suspended' | 'retired';

export type DeckRecord = Omit<Deck, 'cards'> & {
  /** True for decks that ship with the app (they update when a newer version ships). */
  shipped: boolean;
  installedAt: number;
  updatedAt: number;
  cardCount: number;
};

export type CardRecord = {
  deckId: string;
  id: string;
  /** Order in the deck file; new items are introduced in this order. */
  position: number;
  /** Retired cards were removed from the deck: kept with their logs, never shown. */
  retired: boolean;
  card: Card;
  /**
   * When the card entered the collection (ms): set when it is written first (deck install, import, Add card; an
   * Anki note's creation time when imported from Anki), kept by every later write. Cards stored before schema
   * version 4 got the best date they had (see db/upgrades/v4AddedAt.ts).
   */
  addedAt?: number;
  /** The card's search words (domain/browse/words.ts), written by the database on every card write. */
  words?: string[];
  /** Present when the user changed (or added) a card of a shipped deck: see domain/overrides.ts. */
  userEdit?: UserEdit;
};

/**
 * The user's own version of a shipped deck's card is `card`; the shipped text it started from is kept apart
 * here, so a shipped update never overwrites the user's version silently.
 */
export type UserEdit = {
  /** The shipped text the user's version started from; null for a card the user added to the deck. */
  base: Card | null;
  /**
   * Set when a shipped update changed this card since `base`: the new shipped text, or null when the update
   * removed the card. The user chooses "keep mine" or "take theirs" in Browse.
   */
  upstream?: Card | null;
  /** The user deleted (or moved away) this shipped card: it stays retired when the deck updates. */
  deleted?: boolean;
};

export type CardStateRecord = {
  deckId: string;
  itemId: string;
  cardId: string;
  ordinal: number;
  section: string;
  /** Introduction order of new items: card position * 100 + ordinal. */
  position: number;
  fsrs: FsrsFields;
  queue: Queue;
  /** Copy of fsrs.due, for the [deckId+queue+due] index. */
  due: number;
  suspended: boolean;
  retired: boolean;
  /** Hidden from the queue until this time (buried until the next study day); 0 when not buried. */
  buriedUntil: number;
  /** Tagged leech after too many lapses (see SchedulerSettings.leechThreshold). */
  leech: boolean;
  /** Anki-style flag: 0 none, 1 red, 2 orange, 3 green, 4 blue. */
  flag: Flag;
  marked: boolean;
  /** The Anki card (and note) this item came from, when imported from an Anki package: review-log CSVs name it. */
  ankiCardId?: number;
  ankiNoteId?: number;
};

export type Flag = 0 | 1 | 2 | 3 | 4;

/** What a review changes on an item, kept in its log so undo can restore it exactly. */
export type ItemSnapshot = Pick<CardStateRecord, 'fsrs' | 'suspended' | 'leech'>;

export type ReviewSource = 'review' | 'exam' | 'import';

/** Everything ts-fsrs's ReviewLog holds (dates as epoch ms), plus who/what/how long. */
export type ReviewLogRecord = {
  id?: number;
  deckId: string;
  itemId: string;
  cardId: string;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: 1 | 2 | 3 | 4;
  /** State before the review (0 New, 1 Learning, 2 Review, 3 Relearning). */
  state: 0 | 1 | 2 | 3;
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  last_elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  /** When the review happened. */
  review: number;
  /** How long the user took to answer, in ms. */
  durationMs: number;
  source: ReviewSource;
  /** The item as it was before this answer. ts-fsrs's rollback cannot restore the previous due date. */
  before: ItemSnapshot;
};

export type SettingRecord = { key: string; value: unknown };

export function queueOf(
  item: Pick<CardStateRecord, 'suspended' | 'retired'> & { fsrs: Pick<FsrsFields, 'state'> },
): Queue {
  if (item.retired) return 'retired';
  if (item.suspended) return 'suspended';
  if (item.fsrs.state === 0) return 'new';
  return item.fsrs.state === 2 ? 'review' : 'learning';
}

/**
 * Everything the review screen shows, in two reads that change at different rates:
 * - `loadReviewScope`: the decks in scope and their scheduler settings. Answers do not touch these tables, so a
 *   live query over it re-runs only when a deck or a setting changes.
 * - `loadReviewDay`: today's queue, the current item's card, what undo would take back and when the next item is
 *   due. It re-runs after every answer, between the key press and the next card, so it is one read transaction
 *   whose independent reads are issued together: every deck's logs, candidates and next due time, then the card.
 *   Two round trips to IndexedDB, however many decks.
 */

import { sectionWithDescendants } from '../domain/deck/sectionScope';
import { flattenSections } from '../domain/exam/sections';
import { type TodayQueue, upcomingItems } from '../domain/queue';
import type { CardRecord, DeckRecord, ReviewLogRecord } from '../domain/records';
import type { SchedulerSettings } from '../domain/settings';
import { type ExtraNew, extraNewKey, extraNewSchema, withExtraNew } from '../domain/studyMore';
import { taggedCardKeys } from './customStudy';
import type { CardinalDb } from './database';
import { listDecks } from './decksRepo';
import { type DeckToday, type ItemFilter, readCardsToday } from './reviewDay';
import { latestUndoable, queueAcross, type ReadAhead, readDeckToday } from './reviewRepo';
import { getSchedulerSettings } from './schedulerSettingsRepo';

/** A deck id, or ALL_DECKS for a queue across every deck. */
export const ALL_DECKS = 'all';

/**
 * The most cards a tag review (`?tag=`) covers: a tag on more cards reviews the first ones in index order, and the
 * scope says so (`tag.truncated`, shown on the review screen).
 */
export const TAG_SCOPE_LIMIT = 20_000;

export type ReviewScope = {
  /** The decks in scope, in id order. */
  decks: DeckRecord[];
  settings: Record<string, SchedulerSettings>;
  /** A one-deck review of one section: the section, its title, and its ids with those of its sub-sections. */
  section?: { id: string; title: string; ids: string[] };
  /**
   * A review of one tag (one deck or all): the tag and, per deck, the ids of its cards with the tag (from the
   * `*card.tags` index, at most TAG_SCOPE_LIMIT cards in all).
   */
  tag?: {
    name: string;
    cards: ReadonlyMap<string, readonly string[]>;
    count: number;
    /** More cards have the tag than the session covers (TAG_SCOPE_LIMIT). */
    truncated: boolean;
  };
  /** The scope is every deck (ALL_DECKS). */
  allDecks?: true;
  /** "Study more today": extra new cards per deck (applied while valid, see domain/studyMore.ts). */
  extraNew?: Record<string, ExtraNew>;
};

export type ReviewDay = {
  /** The time this day's view was computed for. */
  asOf: number;
  queue: TodayQueue;
  card: CardRecord | undefined;
  undoable: ReviewLogRecord | undefined;
  nextDue: number | null;
  /** Per deck, how far the next read of the day should read ahead (see `ReadAhead`). */
  readAhead: Record<string, ReadAhead>;
  /** What the next card can be computed from without a read (see reviewDayAfter.ts); absent in custom study. */
  ahead?: ReviewAhead;
};

/** Today's candidates and logs per deck (in the scope's deck order) and the cards of the items that can come next. */
export type ReviewAhead = {
  perDeck: DeckToday[];
  /**
   * Cards by `cardKey`: the current item's and those of `upcomingItems`. Shared by the days computed from this
   * read, and topped up by `readCardsAhead` as they move on (cards are added, never changed).
   */
  cards: Map<string, CardRecord>;
};

/** How many items of each list have their card read with the queue. */
export const UPCOMING_PER_LIST = 8;

export const cardKey = (deckId: string, cardId: string) => `${deckId}/${cardId}`;

export type ReviewScreen = ReviewScope & ReviewDay;

/**
 * The decks in scope with their scheduler settings, or null when the scope names no installed deck (or `section`
 * no section of it). `section` narrows a one-deck scope to a section and its sub-sections.
 */
export async function loadReviewScope(
  db: CardinalDb,
  scope: string,
  section: string | null = null,
  tag: string | null = null,
  tagLimit = TAG_SCOPE_LIMIT,
): Promise<ReviewScope | null> {
  return db.transaction('r', [db.decks, db.settings, db.cards], async () => {
    let decks: DeckRecord[];
    let settingsList: SchedulerSettings[];
    if (scope === ALL_DECKS) {
      decks = await listDecks(db);
      settingsList = await Promise.all(decks.map((d) => getSchedulerSettings(db, d.id)));
    } else {
      // One deck: its row and its settings are read side by side.
      const [deck, settings] = await Promise.all([db.decks.get(scope), getSchedulerSettings(db, scope)]);
      decks = deck ? [deck] : [];
      settingsList = [settings];
    }
    if (decks.length === 0) return null;
    const extras = await db.settings.bulkGet(decks.map((d) => extraNewKey(d.id)));
    const extraNew: Record<string, ExtraNew> = {};
    decks.forEach((d, i) => {
      const parsed = extraNewSchema.safeParse(extras[i]?.value);
      if (parsed.success) extraNew[d.id] = parsed.data;
    });
    const settings = Object.fromEntries(decks.map((d, i) => [d.id, settingsList[i] as SchedulerSettings]));
    const base: ReviewScope = { decks, settings, extraNew, ...(scope === ALL_DECKS && { allDecks: true }) };
    if (tag !== null) {
      const keys = await taggedCardKeys(
        db,
        decks.map((d) => d.id),
        tag,
        tagLimit + 1,
        scope === ALL_DECKS,
      );
      const truncated = keys.length > tagLimit;
      if (truncated) keys.length = tagLimit;
      const cards = new Map<string, string[]>();
      for (const [deckId, id] of keys) {
        const list = cards.get(deckId);
        if (list) list.push(id);
        else cards.set(deckId, [id]);
      }
      return { ...base, tag: { name: tag, cards, count: keys.length, truncated } };
    }
    if (section === null) return base;
    const deck = decks.length === 1 ? decks[0] : undefined;
    const ids = deck ? sectionWithDescendants(deck.sections, section) : null;
    if (!deck || !ids) return null;
    const title = flattenSections(deck.sections).find((s) => s.id === section)?.title ?? section;
    return { ...base, section: { id: section, title, ids } };
  });
}

/**
 * A tag review of a deck with at most this many tagged cards reads their items by card; above it, today's index
 * walks with a filter (a tag on that many cards is met often on the way).
 */
const READ_BY_CARD_LIMIT = 2_000;

/**
 * One deck's part of today's review: the whole deck, or narrowed to a section (index walks with a filter) or a
 * tag (the tagged cards' items, or index walks with a filter for a tag on many cards).
 */
function readScopedDeckToday(
  db: CardinalDb,
  scope: ReviewScope,
  deckId: string,
  now: number,
  readAhead: ReadAhead | undefined,
): Promise<DeckToday> {
  const settings = withExtraNew(scope.settings[deckId] as SchedulerSettings, scope.extraNew?.[deckId], now);
  const { section, tag } = scope;
  let keep: ItemFilter | undefined;
  if (tag) {
    const cards = tag.cards.get(deckId) ?? [];
    if (cards.length <= READ_BY_CARD_LIMIT) return readCardsToday(db, deckId, cards, now, settings);
    const tagged = new Set(cards);
    keep = (item) => tagged.has(item.cardId);
  } else if (section) {
    const ids = new Set(section.ids);
    keep = (item) => ids.has(item.section);
  }
  return readDeckToday(db, deckId, now, settings, readAhead, keep);
}

/**
 * Today's review state across the decks of `scope`, each deck under its own settings. `readAhead` (the previous
 * result's) lets the lists be read alongside the logs; it changes how far is read, never what is returned.
 */
export async function loadReviewDay(
  db: CardinalDb,
  scope: ReviewScope,
  now: number,
  readAhead: Record<string, ReadAhead> = {},
): Promise<ReviewDay> {
  return db.transaction('r', [db.cards, db.cardStates, db.reviewLogs], async () => {
    const perDeck = await Promise.all(
      scope.decks.map((d) => readScopedDeckToday(db, scope, d.id, now, readAhead[d.id])),
    );
    const queue = queueAcross(perDeck, now);
    const current = queue.current;
    // The current item's card and those of the items that can come next, in one read.
    const upcoming = current ? [current] : [];
    for (const d of perDeck) upcoming.push(...upcomingItems(d.candidates, now, UPCOMING_PER_LIST));
    const keys = [...new Map(upcoming.map((i) => [cardKey(i.deckId, i.cardId), i])).values()];
    const read = await db.cards.bulkGet(keys.map((i) => [i.deckId, i.cardId] as [string, string]));
    const cards = new Map<string, CardRecord>();
    read.forEach((c) => {
      if (c) cards.set(cardKey(c.deckId, c.id), c);
    });
    const card = current ? cards.get(cardKey(current.deckId, current.cardId)) : undefined;
    const undoable = perDeck
      .map((d) => latestUndoable(d.logs))
      .filter((log): log is ReviewLogRecord => log !== undefined)
      .sort((a, b) => b.review - a.review || (b.id ?? 0) - (a.id ?? 0))[0];
    const dues = perDeck.flatMap((d) => (d.nextDue === null ? [] : [d.nextDue]));
    return {
      asOf: now,
      queue,
      card,
      undoable,
      nextDue: dues.length > 0 ? Math.min(...dues) : null,
      readAhead: Object.fromEntries(perDeck.map((d, i) => [scope.decks[i]?.id, d.readAhead])),
      ahead: { perDeck, cards },
    };
  });
}

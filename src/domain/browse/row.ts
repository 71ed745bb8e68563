/**
 * One Browse row: a review item with what the table shows of it, computed from the stored item, its card, its
 * deck and the deck's scheduler settings (for retrievability).
 */
import { promptOf } from '../deck/prompt';
import type { CardKind } from '../deck/schema';
import type { CardRecord, CardStateRecord, DeckRecord, Flag } from '../records';
import { retrievability } from '../scheduler';
import type { SchedulerSettings } from '../settings';
import type { Column } from './filters';

export type StateWord = 'New' | 'Learning' | 'Review' | 'Relearning' | 'Suspended' | 'Buried';

export type BrowseRow = {
  key: readonly [string, string];
  item: CardStateRecord;
  card: CardRecord;
  deckTitle: string;
  sectionTitle: string;
  question: string;
  answer: string;
  kind: CardKind;
  state: StateWord;
  /** Due time, or null for a new item (its place in the new queue decides when it comes). */
  due: number | null;
  intervalDays: number | null;
  stability: number | null;
  difficulty: number | null;
  /** Probability of recall now, 0–1; null for a new item. */
  retrievability: number | null;
  lapses: number;
  reviews: number;
  lastReview: number | null;
  /** When the card was added (CardRecord.addedAt); null for a row stored without one. */
  added: number | null;
  flag: Flag;
  marked: boolean;
  tags: readonly string[];
  /** The shipped text of this edited card changed since the user's edit (see domain/overrides.ts). */
  updatedUpstream: boolean;
};

export function stateWordOf(item: CardStateRecord, now: number): StateWord {
  if (item.suspended) return 'Suspended';
  if (item.buriedUntil > now) return 'Buried';
  return (['New', 'Learning', 'Review', 'Relearning'] as const)[item.fsrs.state];
}

/** A prompt flattened to one line of text: cloze deletions of this item shown as […]. */
export function questionAndAnswer(card: CardRecord['card'], ordinal: number) {
  const prompt = promptOf(card, ordinal);
  if (prompt.kind === 'cloze') {
    const question = prompt.segments
      .map((s) => (s.type === 'text' ? s.text : s.n === prompt.n ? `[${s.hint ?? '…'}]` : s.answer))
      .join('');
    return { question, answer: prompt.answer };
  }
  if (prompt.kind === 'choice')
    return {
      question: prompt.question,
      answer: prompt.correct.map((i) => prompt.options[i] ?? '').join(', '),
    };
  return { question: prompt.question, answer: prompt.answer };
}

export function browseRowOf(
  item: CardStateRecord,
  card: CardRecord,
  deck: Pick<DeckRecord, 'title' | 'sections'> | undefined,
  sectionTitles: ReadonlyMap<string, string>,
  settings: SchedulerSettings,
  now: number,
): BrowseRow {
  const isNew = item.fsrs.state === 0;
  return {
    key: [item.deckId, item.itemId],
    item,
    card,
    deckTitle: deck?.title ?? item.deckId,
    sectionTitle: sectionTitles.get(`${item.deckId}/${item.section}`) ?? item.section,
    ...questionAndAnswer(card.card, item.ordinal),
    kind: card.card.kind,
    state: stateWordOf(item, now),
    due: isNew ? null : item.fsrs.due,
    intervalDays: isNew ? null : item.fsrs.scheduled_days,
    stability: isNew ? null : item.fsrs.stability,
    difficulty: isNew ? null : item.fsrs.difficulty,
    retrievability: isNew ? null : retrievability(item.fsrs, now, settings),
    lapses: item.fsrs.lapses,
    reviews: item.fsrs.reps,
    lastReview: item.fsrs.last_review,
    added: card.addedAt ?? null,
    flag: item.flag,
    marked: item.marked,
    tags: card.card.tags ?? [],
    updatedUpstream: card.userEdit?.upstream !== undefined,
  };
}

/** The value a column sorts by (nulls sort last in either direction, see compareRows). */
export function sortValue(row: BrowseRow, column: Column): string | number | null {
  switch (column) {
    case 'question':
      return row.question.toLowerCase();
    case 'answer':
      return row.answer.toLowerCase();
    case 'deck':
      return row.deckTitle.toLowerCase();
    case 'section':
      return row.sectionTitle.toLowerCase();
    case 'kind':
      return row.kind;
    case 'state':
      return row.state;
    case 'due':
      return row.due;
    case 'interval':
      return row.intervalDays;
    case 'stability':
      return row.stability;
    case 'difficulty':
      return row.difficulty;
    case 'retrievability':
      return row.retrievability;
    case 'lapses':
      return row.lapses;
    case 'reviews':
      return row.reviews;
    case 'lastReview':
      return row.lastReview;
    case 'added':
      return row.added;
    case 'flag':
      return row.flag;
    case 'marked':
      return row.marked ? 1 : 0;
    case 'tags':
      return row.tags.join(' ');
  }
}

/** Sorts rows by a column; ties keep deck order (deck, then position). Empty values go last. */
export function sortRows(rows: BrowseRow[], column: Column, dir: 'asc' | 'desc'): BrowseRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const values = new Map(rows.map((r) => [r, sortValue(r, column)]));
  return rows.sort((a, b) => {
    const va = values.get(a) ?? null;
    const vb = values.get(b) ?? null;
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      return (va < vb ? -1 : 1) * sign;
    }
    if (a.item.deckId !== b.item.deckId) return a.item.deckId < b.item.deckId ? -1 : 1;
    return a.item.position - b.item.position;
  });
}

export function shorten(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

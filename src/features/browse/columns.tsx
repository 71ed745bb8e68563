import type { Column } from '../../domain/browse/filters';
import { type BrowseRow, shorten } from '../../domain/browse/row';
import { formatInterval } from '../../domain/scheduler';

export const FLAG_NAMES = ['', 'Red', 'Orange', 'Green', 'Blue'] as const;
export const KIND_NAMES = {
  basic: 'Basic',
  cloze: 'Cloze',
  mcq: 'Multiple choice',
  truefalse: 'True/false',
} as const;

const DAY = 86_400_000;

export function formatDay(ms: number): string {
  return new Date(ms).toLocaleDateString('en-CA');
}

function cell(row: BrowseRow, column: Column, now: number): string {
  switch (column) {
    case 'question':
      return shorten(row.question);
    case 'answer':
      return shorten(row.answer, 50);
    case 'deck':
      return row.deckTitle;
    case 'section':
      return row.sectionTitle;
    case 'kind':
      return KIND_NAMES[row.kind];
    case 'state':
      return row.state;
    case 'due':
      return row.due === null ? '' : row.due <= now ? `${formatDay(row.due)} (due)` : formatDay(row.due);
    case 'interval':
      return row.intervalDays === null ? '' : formatInterval(row.intervalDays * DAY);
    case 'stability':
      return row.stability === null ? '' : `${row.stability.toFixed(1)}d`;
    case 'difficulty':
      return row.difficulty === null ? '' : row.difficulty.toFixed(1);
    case 'retrievability':
      return row.retrievability === null ? '' : `${Math.round(row.retrievability * 100)}%`;
    case 'lapses':
      return String(row.lapses);
    case 'reviews':
      return String(row.reviews);
    case 'lastReview':
      return row.lastReview === null ? '' : formatDay(row.lastReview);
    case 'added':
      return row.added === null ? '' : formatDay(row.added);
    case 'flag':
      return FLAG_NAMES[row.flag];
    case 'marked':
      return row.marked ? 'Marked' : '';
    case 'tags':
      return row.tags.join(' ');
  }
}

export const COLUMN_LABELS: Record<Column, string> = {
  question: 'Question',
  answer: 'Answer',
  deck: 'Deck',
  section: 'Section',
  kind: 'Kind',
  state: 'State',
  due: 'Due',
  interval: 'Interval',
  stability: 'Stability',
  difficulty: 'Difficulty',
  retrievability: 'Recall now',
  lapses: 'Lapses',
  reviews: 'Reviews',
  lastReview: 'Last review',
  added: 'Added',
  flag: 'Flag',
  marked: 'Marked',
  tags: 'Tags',
};

export { cell as cellText };

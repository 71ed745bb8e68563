/**
 * The rows of a review-log CSV (detectRevlog.ts recognises the two formats), each checked, to attach to cards
 * that are stored: the FSRS optimizer's columns (`card_id, review_time, review_rating[, review_state]
 * [, review_duration]`; times in epoch ms or ISO-8601 with an offset, durations in ms, state 0–3) and Anki's
 * revlog table (`id` = answer time in ms, `cid`, `ease` 1–4, `time` = duration in ms, `type` 0–3; manual
 * entries, types 4 and 5, and ease 0 are not answers). Card ids are the writing app's numbers. A row that is
 * not a usable answer is listed with its line and why; the file's other rows still count.
 */
import Papa from 'papaparse';
import { type RevlogKind, revlogKind } from './detectRevlog';
import type { ImportProblem } from './parsedImport';

export type RevlogRow = {
  /** The file's line (1 = header). */
  line: number;
  cardId: number;
  /** When the answer was given, epoch ms. */
  review: number;
  rating: 1 | 2 | 3 | 4;
  durationMs: number;
};

export type RevlogRows = { kind: RevlogKind; rows: RevlogRow[]; skipped: ImportProblem[] };

const ISO = /^(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)$/;
const INTEGER = /^-?\d{1,16}$/;
const NUMBER = /^\d+(?:\.\d+)?$/;

/** Epoch ms from an integer of ms or an ISO-8601 time with its offset (a time without one is ambiguous). */
function parseTime(text: string): number | undefined {
  if (INTEGER.test(text)) {
    const ms = Number(text);
    return ms > 0 && Number.isSafeInteger(ms) ? ms : undefined;
  }
  const iso = ISO.exec(text);
  if (!iso) return undefined;
  const ms = Date.parse(`${iso[1]}${iso[2] ? `.${iso[2].slice(0, 3).padEnd(3, '0')}` : ''}${iso[3]}`);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

const cardIdOf = (text: string) => {
  if (!INTEGER.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
};

const isRating = (n: number): n is 1 | 2 | 3 | 4 => n === 1 || n === 2 || n === 3 || n === 4;

/** The checked rows of a review-log CSV, or undefined when the text is not one (see detectRevlog). */
export function readRevlogRows(fileName: string, text: string): RevlogRows | undefined {
  const kind = revlogKind(text);
  if (!kind) return undefined;
  // Without a header option and without skipping empty lines, row i is line i + 1 (these files quote no breaks).
  const grid = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false }).data;
  const header = (grid[0] ?? []).map((h) => h.trim().toLowerCase());
  const columns = kind === 'fsrs-optimizer' ? FSRS_COLUMNS : ANKI_COLUMNS;
  const index = (name: string | undefined) => (name === undefined ? -1 : header.indexOf(name));
  const at = {
    card: index(columns.card),
    time: index(columns.time),
    rating: index(columns.rating),
    state: index(columns.state),
    duration: index(columns.duration),
  };
  const rows: RevlogRow[] = [];
  const skipped: ImportProblem[] = [];
  for (let i = 1; i < grid.length; i++) {
    const record = grid[i] ?? [];
    if (record.every((c) => c.trim() === '')) continue;
    const line = i + 1;
    const cell = (column: number) => (column < 0 ? '' : (record[column] ?? '').trim());
    const reason = problemOf(kind, columns, {
      card: cell(at.card),
      time: cell(at.time),
      rating: cell(at.rating),
      state: cell(at.state),
      duration: cell(at.duration),
    });
    if (typeof reason === 'string') skipped.push({ where: `${fileName} line ${line}`, reason });
    else rows.push({ line, ...reason });
  }
  return { kind, rows, skipped };
}

type Cells = { card: string; time: string; rating: string; state: string; duration: string };

/** Why a row is not an answer, or the answer it is. */
function problemOf(kind: RevlogKind, columns: Columns, cells: Cells): string | Omit<RevlogRow, 'line'> {
  const cardId = cardIdOf(cells.card);
  if (cardId === undefined) return `${columns.card} "${cells.card}" is not a whole number`;
  const review = parseTime(cells.time);
  if (review === undefined)
    return `${columns.time} "${cells.time}" is not a time (epoch ms, or ISO-8601 with its offset)`;
  if (kind === 'anki-revlog' && !['0', '1', '2', '3'].includes(cells.state))
    return `type ${cells.state || '(empty)'} is not an answer (manual rescheduling)`;
  if (kind === 'fsrs-optimizer' && cells.state !== '' && !['0', '1', '2', '3'].includes(cells.state))
    return `review_state "${cells.state}" is not an answer (0–3)`;
  const rating = NUMBER.test(cells.rating) ? Number(cells.rating) : Number.NaN;
  if (!isRating(rating)) return `${columns.rating} "${cells.rating}" is not an answer button (1–4)`;
  const duration =
    cells.duration === '' ? 0 : NUMBER.test(cells.duration) ? Number(cells.duration) : Number.NaN;
  if (!Number.isFinite(duration)) return `${columns.duration} "${cells.duration}" is not a number of ms`;
  return { cardId, review, rating, durationMs: Math.round(duration) };
}

type Columns = { card: string; time: string; rating: string; state?: string; duration: string };
const FSRS_COLUMNS: Columns = {
  card: 'card_id',
  time: 'review_time',
  rating: 'review_rating',
  state: 'review_state',
  duration: 'review_duration',
};
const ANKI_COLUMNS: Columns = { card: 'cid', time: 'id', rating: 'ease', state: 'type', duration: 'time' };

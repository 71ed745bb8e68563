/**
 * Reading a CSV/TSV/text file for import in two steps: `inspectCsv` reads the Anki headers and guesses the
 * format and the column mapping (shown on the preview for the user to change); `readCsv` turns the file into
 * a deck with the settled format.
 */
import type { ImportRead } from '../parsedImport';
import { type AnkiTextHeaders, type HeaderSplit, splitAnkiHeaders } from './ankiTextHeaders';
import { type ColumnRole, csvToDeck } from './csvToDeck';
import { detectSeparator } from './detectSeparator';
import { type Grid, parseGrid } from './parseGrid';
import { withSeparatorAdvice } from './separatorAdvice';

export type CsvFormat = {
  /** Field separator; undefined = let papaparse detect it (comma, tab, semicolon or pipe). */
  delimiter: string | undefined;
  quotes: boolean;
  /** Row separator when quotes are off (Quizlet's custom "between rows"); undefined = line break. */
  rowSeparator: string | undefined;
  html: boolean;
  headerRow: boolean;
  mapping: ColumnRole[];
};

export type CsvInspection = { split: HeaderSplit; format: CsvFormat; grid: Grid };

const NAMES: Array<[RegExp, ColumnRole]> = [
  [/^(front|question|term|word|text|prompt)$/i, 'front'],
  [/^(back|answer|definition|meaning|back extra|extra)$/i, 'back'],
  [/^tags?$/i, 'tags'],
  [/^(deck|section|chapter|topic)$/i, 'section'],
  [/^(id|card id|card_id)$/i, 'id'],
  [/^guid$/i, 'guid'],
  [/^(notetype|note type|note_type|type)$/i, 'notetype'],
];

export function inspectCsv(fileName: string, text: string): CsvInspection {
  const split = splitAnkiHeaders(text);
  const tsv = /\.(tsv|tab)$/i.test(fileName);
  const detected = split.headers.separator === undefined && !tsv ? detectSeparator(split.body) : undefined;
  const quotes = detected?.quotes ?? true;
  const first = parseGrid(fileName, split.body, split.bodyLine, {
    delimiter: split.headers.separator ?? (tsv ? '\t' : detected?.delimiter),
    quotes,
  });
  const columns = Math.max(0, ...first.rows.slice(0, 50).map((r) => r.fields.length));
  const { mapping, headerRow } = guessMapping(columns, split.headers, first.rows[0]?.fields);
  return {
    split,
    grid: first,
    format: {
      delimiter: first.delimiter,
      quotes,
      rowSeparator: undefined,
      html: split.headers.html ?? false,
      headerRow,
      mapping,
    },
  };
}

/** The deck the settled format gives; when most rows would be skipped, advice naming a better separator. */
export function deckFromCsv(fileName: string, split: HeaderSplit, format: CsvFormat): ImportRead {
  const read = (f: CsvFormat) => csvToDeck(fileName, gridFor(fileName, split, f), settingsOf(f, split));
  return withSeparatorAdvice(read(format), split, format, (delimiter, quotes) => {
    const grid = gridFor(fileName, split, { ...format, delimiter, quotes, rowSeparator: undefined });
    const columns = Math.max(0, ...grid.rows.slice(0, 50).map((r) => r.fields.length));
    const { mapping, headerRow } = guessMapping(columns, split.headers, grid.rows[0]?.fields);
    return read({ ...format, delimiter, quotes, rowSeparator: undefined, mapping, headerRow });
  });
}

function settingsOf(format: CsvFormat, split: HeaderSplit) {
  return {
    mapping: format.mapping,
    headerRow: format.headerRow,
    html: format.html,
    extraTags: split.headers.tags ?? [],
    defaultSection: split.headers.deck,
    notetype: split.headers.notetype,
  };
}

export function gridFor(fileName: string, split: HeaderSplit, format: CsvFormat): Grid {
  return parseGrid(fileName, split.body, split.bodyLine, format);
}

/** A deck from the file in the given format (the preview's choices), with Anki's header defaults applied. */
export function readCsv(fileName: string, text: string, format?: Partial<CsvFormat>): ImportRead {
  const inspection = inspectCsv(fileName, text);
  return deckFromCsv(fileName, inspection.split, { ...inspection.format, ...format });
}

/** Column roles from Anki's headers, else from a header row's names, else front, back, then ignored. */
export function guessMapping(
  columns: number,
  headers: AnkiTextHeaders,
  firstRow: readonly string[] | undefined,
): { mapping: ColumnRole[]; headerRow: boolean } {
  const byName = (name: string | undefined): ColumnRole | undefined =>
    name === undefined ? undefined : NAMES.find(([pattern]) => pattern.test(name.trim()))?.[1];
  const fromRow = firstRow?.map(byName) ?? [];
  const headerRow = fromRow.includes('front') && fromRow.filter(Boolean).length >= 2;
  const mapping: ColumnRole[] = [];
  const used = new Set<ColumnRole>();
  const take = (role: ColumnRole | undefined): ColumnRole => {
    if (role === undefined || (role !== 'ignore' && used.has(role))) return 'ignore';
    used.add(role);
    return role;
  };
  const fixed = new Map<number, ColumnRole>();
  if (headers.guidColumn) fixed.set(headers.guidColumn - 1, 'guid');
  if (headers.tagsColumn) fixed.set(headers.tagsColumn - 1, 'tags');
  if (headers.deckColumn) fixed.set(headers.deckColumn - 1, 'section');
  if (headers.notetypeColumn) fixed.set(headers.notetypeColumn - 1, 'notetype');
  for (const role of fixed.values()) used.add(role);
  for (let i = 0; i < columns; i++) {
    const given = fixed.get(i);
    if (given) {
      mapping.push(given);
      continue;
    }
    const named = byName(headers.columns?.[i]) ?? (headerRow ? fromRow[i] : undefined);
    mapping.push(take(named));
  }
  // Unnamed columns: the first two free ones are front and back (Anki's and Quizlet's order).
  for (const role of ['front', 'back'] as const) {
    if (used.has(role)) continue;
    const free = mapping.findIndex(
      (r, i) => r === 'ignore' && !fixed.has(i) && byName(headers.columns?.[i]) === undefined,
    );
    if (free !== -1) {
      mapping[free] = role;
      used.add(role);
    }
  }
  return { mapping, headerRow };
}

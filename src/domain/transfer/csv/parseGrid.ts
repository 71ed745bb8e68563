/**
 * Splits delimited text into rows of fields with papaparse (quotes, escaped quotes and line breaks inside quoted
 * fields handled as CSV does), remembering the file line each row starts on for messages.
 */
import Papa from 'papaparse';
import type { ImportProblem } from '../parsedImport';

export type GridOptions = {
  /** Field separator; undefined lets papaparse detect comma, tab, semicolon or pipe. */
  delimiter?: string | undefined;
  /**
   * Quoted fields (CSV). Off for Quizlet-style copies, where a `"` is just a character and the row separator
   * may be any string.
   */
  quotes: boolean;
  /** Row separator when quotes are off; default a line break. */
  rowSeparator?: string | undefined;
};

export type Grid = {
  /** What `line` counts: file lines, or rows split by a custom row separator. */
  unit: 'line' | 'row';
  rows: Array<{ line: number; fields: string[] }>;
  delimiter: string;
  problems: ImportProblem[];
};

/** A quote character that does not occur in real text, to switch papaparse's quoting off. */
const NO_QUOTE = '\u0001';

export function parseGrid(fileName: string, body: string, firstLine: number, options: GridOptions): Grid {
  if (!options.quotes && options.rowSeparator !== undefined && options.rowSeparator !== '')
    return splitUnquoted(body, options.rowSeparator, options.delimiter ?? '\t');
  const rows: Grid['rows'] = [];
  const problems: ImportProblem[] = [];
  let lastCursor = 0;
  let line = firstLine;
  let delimiter = options.delimiter ?? ',';
  Papa.parse<string[]>(body, {
    delimiter: options.delimiter ?? '',
    quoteChar: options.quotes ? '"' : NO_QUOTE,
    escapeChar: options.quotes ? '"' : NO_QUOTE,
    skipEmptyLines: 'greedy',
    step: (result) => {
      const start = lastCursor;
      lastCursor = result.meta.cursor;
      // Lines before this row (skipped empty lines included) move the counter on.
      const leading = body.slice(start, start + leadingBreaks(body, start));
      line += countBreaks(leading);
      const rowLine = line;
      line += countBreaks(body.slice(start + leading.length, lastCursor));
      delimiter = result.meta.delimiter;
      for (const error of result.errors)
        if (error.code !== 'UndetectableDelimiter')
          problems.push({ where: `${fileName} line ${rowLine}`, reason: describe(error) });
      rows.push({ line: rowLine, fields: result.data });
    },
  });
  return { unit: 'line', rows, delimiter, problems };
}

function splitUnquoted(body: string, rowSeparator: string, delimiter: string): Grid {
  const rows: Grid['rows'] = [];
  body.split(rowSeparator).forEach((row, index) => {
    const trimmed = row.replace(/^\r?\n|\r?\n$/g, '');
    if (trimmed.trim() === '') return;
    rows.push({ line: index + 1, fields: trimmed.split(delimiter) });
  });
  return { unit: 'row', rows, delimiter, problems: [] };
}

function leadingBreaks(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === '\n' || text[i] === '\r' || text[i] === ' ' || text[i] === '\t'))
    i++;
  // Only whole blank lines count as leading: stop at the last line break.
  const chunk = text.slice(from, i);
  const lastBreak = chunk.lastIndexOf('\n');
  return lastBreak === -1 ? 0 : lastBreak + 1;
}

function countBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') n++;
  return n;
}

function describe(error: Papa.ParseError): string {
  if (error.code === 'MissingQuotes') return 'has a quoted field that never closes (a missing ")';
  if (error.code === 'InvalidQuotes') return 'has a stray " inside a quoted field';
  return error.message;
}

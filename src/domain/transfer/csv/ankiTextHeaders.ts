/**
 * The header lines Anki writes at the top of its "Notes in Plain Text" export and honours on import
 * (https://docs.ankiweb.net/importing/text-files.html#file-headers): `#separator:`, `#html:`, `#tags:`,
 * `#columns:`, `#deck:`, `#notetype:`, and the `#… column:` lines that say which column holds what (1-based).
 */

export type AnkiTextHeaders = {
  /** The field separator, already resolved from names like "Tab" or "Comma". */
  separator?: string;
  html?: boolean;
  /** Tags added to every note. */
  tags?: string[];
  columns?: string[];
  deck?: string;
  notetype?: string;
  /** 1-based column numbers. */
  guidColumn?: number;
  notetypeColumn?: number;
  deckColumn?: number;
  tagsColumn?: number;
};

export type HeaderSplit = {
  headers: AnkiTextHeaders;
  /** The text after the header lines. */
  body: string;
  /** Line number (1-based) of the body's first line in the file. */
  bodyLine: number;
  /** Header lines that were not understood, with their line numbers. */
  ignored: Array<{ line: number; text: string }>;
};

const SEPARATORS: Record<string, string> = {
  comma: ',',
  semicolon: ';',
  tab: '\t',
  space: ' ',
  pipe: '|',
  colon: ':',
};

export function separatorFromName(value: string): string | undefined {
  const named = SEPARATORS[value.trim().toLowerCase()];
  if (named) return named;
  return value.length === 1 && value !== '\n' && value !== '\r' && value !== '"' ? value : undefined;
}

export function splitAnkiHeaders(text: string): HeaderSplit {
  const headers: AnkiTextHeaders = {};
  const ignored: HeaderSplit['ignored'] = [];
  let offset = 0;
  let line = 1;
  const columnLines: string[] = [];
  while (offset < text.length && text[offset] === '#') {
    const end = text.indexOf('\n', offset);
    const raw = text.slice(offset, end === -1 ? text.length : end).replace(/\r$/, '');
    const match = /^#([a-z ]+):(.*)$/i.exec(raw);
    if (!match) break; // a "#" line that is not a header is the first row of data
    const key = (match[1] ?? '').trim().toLowerCase();
    const value = match[2] ?? '';
    if (!applyHeader(headers, key, value, columnLines)) ignored.push({ line, text: raw });
    offset = end === -1 ? text.length : end + 1;
    line++;
  }
  const columnsValue = columnLines[0];
  if (columnsValue !== undefined)
    headers.columns = columnsValue.split(headers.separator ?? '\t').map((c) => c.trim());
  return { headers, body: text.slice(offset), bodyLine: line, ignored };
}

function applyHeader(headers: AnkiTextHeaders, key: string, value: string, columnLines: string[]): boolean {
  const column = () => {
    const n = Number(value.trim());
    return Number.isInteger(n) && n >= 1 ? n : undefined;
  };
  switch (key) {
    case 'separator': {
      const separator = separatorFromName(value);
      if (separator === undefined) return false;
      headers.separator = separator;
      return true;
    }
    case 'html':
      headers.html = value.trim().toLowerCase() === 'true';
      return true;
    case 'tags':
      headers.tags = value.split(/\s+/).filter(Boolean);
      return true;
    case 'columns':
      // Split later: the separator header may come after it.
      columnLines.push(value);
      return true;
    case 'deck':
      headers.deck = value.trim();
      return true;
    case 'notetype':
      headers.notetype = value.trim();
      return true;
    case 'guid column':
      headers.guidColumn = column();
      return headers.guidColumn !== undefined;
    case 'notetype column':
      headers.notetypeColumn = column();
      return headers.notetypeColumn !== undefined;
    case 'deck column':
      headers.deckColumn = column();
      return headers.deckColumn !== undefined;
    case 'tags column':
      headers.tagsColumn = column();
      return headers.tagsColumn !== undefined;
    default:
      return false;
  }
}

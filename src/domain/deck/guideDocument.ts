/**
 * The structure of a guide passage: sub-headings, paragraphs, bullet lists and tables, as plain data that the
 * app renders as text (never as HTML).
 *
 * The shipped guides are plain text with Markdown's lists (`- item`) and tables (`a | b |` over `---|---|`), one
 * paragraph per line, and short label lines ("Key Benefits:", "✅ Advantages:") as sub-headings. The lines are
 * classified here, and `marked`'s lexer (a GFM Markdown parser) reads the lists and tables.
 */
import { marked, type Tokens } from 'marked';

export type GuideBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] };

/** Longest line read as a sub-heading (longer lines are paragraphs). */
const SUBHEADING_MAX = 60;

const isListLine = (line: string) => /^[-*]\s+/.test(line);
const isTableLine = (line: string) => line.includes('|') && /\|\s*$/.test(line);

/**
 * A sub-heading is a short line that is not a list item or table row and does not end like a sentence
 * ("Key Benefits:", "What is Virtualization?", "Types of Virtualization").
 */
function isSubheading(line: string): boolean {
  return (
    line.length <= SUBHEADING_MAX &&
    !isListLine(line) &&
    !isTableLine(line) &&
    !/[.,;]$/.test(line) &&
    !/^[A-Za-z ]{1,20}: \S/.test(line) // "Definition: …" is a labelled paragraph
  );
}

/** Markdown for a passage's body: every plain line its own paragraph, runs of list items and table rows kept. */
function toMarkdown(lines: readonly string[]): string {
  const out: string[] = [];
  let previous: 'list' | 'table' | 'other' = 'other';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      previous = 'other';
      continue;
    }
    const kind = isListLine(line) ? 'list' : isTableLine(line) || /^[-|: ]+$/.test(line) ? 'table' : 'other';
    if (kind === 'other' || kind !== previous) out.push('');
    if (kind === 'other') {
      // Escaped so that a line's text is never read as Markdown syntax (a leading "#", "1.", ">" or a code fence).
      const text = line.replace(/^([#>+]|\d+[.)]|`{3,}|~{3,})/, '\\$1');
      out.push(isSubheading(line) ? `###### ${text}` : text);
    } else out.push(line);
    previous = kind;
  }
  return out.join('\n');
}

const textOf = (token: { text: string }) => token.text.trim();

/** A passage body (the lines under a section's heading) as blocks, in order. */
export function guideBlocks(body: string): GuideBlock[] {
  const tokens = marked.lexer(toMarkdown(body.split(/\r?\n/)), { gfm: true });
  const blocks: GuideBlock[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        break;
      case 'heading':
        blocks.push({ kind: 'heading', text: textOf(token as Tokens.Heading).replace(/^\\/, '') });
        break;
      case 'list':
        blocks.push({ kind: 'list', items: (token as Tokens.List).items.map(textOf) });
        break;
      case 'table': {
        const table = token as Tokens.Table;
        blocks.push({
          kind: 'table',
          header: table.header.map(textOf),
          rows: table.rows.map((row) => row.map(textOf)),
        });
        break;
      }
      default:
        if ('text' in token && typeof token.text === 'string')
          blocks.push({ kind: 'paragraph', text: token.text.trim().replace(/^\\/, '') });
    }
  }
  return blocks;
}

/**
 * The body of a passage (its text without the heading line). A heading that is a whole sentence (a section that
 * starts mid-text, like "As container adoption grew, …:") is kept as the body's first paragraph.
 */
export function passageBody(passageText: string): string {
  const [head = '', ...rest] = passageText.split(/\r?\n/);
  return head.trim().length > SUBHEADING_MAX ? passageText : rest.join('\n');
}

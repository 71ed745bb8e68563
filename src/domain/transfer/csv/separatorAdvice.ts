/**
 * When most rows of a delimited file would be skipped, the separator is usually wrong: this tries the others
 * (Tab, semicolon, pipe, comma, and any multi-character one the lines repeat) with the same settings and, when
 * one imports clearly more rows, says so first, naming it, and asks the user to confirm before importing.
 */
import type { ImportRead } from '../parsedImport';
import type { HeaderSplit } from './ankiTextHeaders';
import { detectSeparator, SINGLE_SEPARATORS } from './detectSeparator';

type Reader = (delimiter: string, quotes: boolean) => ImportRead;

const NAMES: Record<string, string> = { '\t': 'Tab', ',': 'comma', ';': 'semicolon', '|': 'pipe' };

export function separatorName(delimiter: string): string {
  return NAMES[delimiter] ?? `"${delimiter}"`;
}

const cardsOf = (read: ImportRead) => (read.ok ? read.deck.cards.length : 0);
const skippedOf = (read: ImportRead) => (read.ok ? read.skipped.length : read.problems.length - 1);

export function withSeparatorAdvice(
  read: ImportRead,
  split: HeaderSplit,
  current: { delimiter: string | undefined; quotes: boolean },
  readWith: Reader,
): ImportRead {
  const cards = cardsOf(read);
  const skipped = skippedOf(read);
  if (skipped <= cards) return read;
  const detected = detectSeparator(split.body);
  const candidates = new Map<string, boolean>(SINGLE_SEPARATORS.map((d) => [d, true]));
  if (detected) candidates.set(detected.delimiter, detected.quotes);
  let best: { delimiter: string; cards: number } | undefined;
  for (const [delimiter, quotes] of candidates) {
    if (delimiter === current.delimiter) continue;
    const n = cardsOf(readWith(delimiter, quotes));
    if (n > cards && (!best || n > best.cards)) best = { delimiter, cards: n };
  }
  const total = cards + skipped;
  const lead = `Most rows would be skipped (${skipped} of ${total}) with the separator ${separatorName(current.delimiter ?? ',')}.`;
  const advice = best
    ? `${lead} With ${separatorName(best.delimiter)} as the separator, ${best.cards} rows import: choose it under Field separator.`
    : `${lead} Check the separator and the columns.`;
  if (!read.ok)
    return best ? { ...read, problems: [{ where: read.fileName, reason: advice }, ...read.problems] } : read;
  return { ...read, warnings: [advice, ...read.warnings], confirm: advice };
}

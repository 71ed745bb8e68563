/** The warnings an Anki import shows: what was dropped or changed without stopping a card. */
import { count } from './ankiHistory';
import type { ConvertedNote } from './noteToCard';

const SUMMARY_LIST = 5;

export function contentWarnings(notes: readonly ConvertedNote[], droppedTags: ReadonlySet<string>): string[] {
  const warnings: string[] = [];
  const renumbered = notes.filter((n) => n.isRenumbered).length;
  if (renumbered > 0)
    warnings.push(
      `${count(renumbered, 'cloze note', 'cloze notes')} renumbered to c1, c2, … without gaps (Cardinal needs that)`,
    );
  const leftOut = notes.filter((n) => n.leftOutFields.length > 0);
  if (leftOut.length > 0) {
    const fieldNames = [...new Set(leftOut.flatMap((n) => n.leftOutFields))];
    warnings.push(
      `${count(leftOut.length, 'note has', 'notes have')} fields Cardinal has no place for, left out: ${quoteList(fieldNames)}`,
    );
  }
  if (droppedTags.size > 0)
    warnings.push(
      `${count(droppedTags.size, 'tag', 'tags')} could not be made into Cardinal tags (lowercase a-z, 0-9, ":" and "-") and ${droppedTags.size === 1 ? 'was' : 'were'} left out: ${quoteList([...droppedTags])}`,
    );
  return warnings;
}

function quoteList(items: readonly string[]): string {
  const shown = items.slice(0, SUMMARY_LIST).map((s) => `"${s}"`);
  const more = items.length > SUMMARY_LIST ? ` and ${items.length - SUMMARY_LIST} more` : '';
  return `${shown.join(', ')}${more}`;
}

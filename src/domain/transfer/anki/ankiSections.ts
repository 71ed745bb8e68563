/**
 * Cardinal sections from Anki decks: every deck that holds an imported card becomes a section, nested the way
 * Anki nests deck names (`Parent::Child`), with ids derived from the names (pathSectionId in ../ids.ts, shared with the CSV importer).
 */
import type { Section } from '../../deck/schema';
import { pathSectionId } from '../ids';
import type { AnkiDeck } from './ankiCollection';

const MAX_TITLE = 2000;

export type AnkiSections = { sections: Section[]; sectionIdOf: (deckId: string) => string };

export function buildSections(
  decks: ReadonlyMap<string, AnkiDeck>,
  usedDeckIds: Iterable<string>,
): AnkiSections {
  const nameOf = (deckId: string) => decks.get(deckId)?.name ?? `Anki deck ${deckId}`;
  const names = new Set<string>();
  for (const deckId of usedDeckIds) {
    const levels = nameOf(deckId).split('::');
    levels.forEach((_, i) => {
      names.add(levels.slice(0, i + 1).join('::'));
    });
  }
  // Sorted, so ids (and the suffixes that make them unique) do not depend on the order rows come in.
  const sorted = [...names].sort();
  const idOfName = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of sorted) {
    const id = pathSectionId(name, taken);
    taken.add(id);
    idOfName.set(name, id);
  }

  const nodes = new Map<string, Section>();
  const roots: Section[] = [];
  for (const name of sorted) {
    const levels = name.split('::');
    const title = (levels.at(-1) ?? '').trim().slice(0, MAX_TITLE) || 'Untitled deck';
    const section: Section = { id: idOfName.get(name) ?? '', title };
    nodes.set(name, section);
    const parent = levels.length > 1 ? nodes.get(levels.slice(0, -1).join('::')) : undefined;
    if (parent) parent.children = [...(parent.children ?? []), section];
    else roots.push(section);
  }
  return { sections: roots, sectionIdOf: (deckId) => idOfName.get(nameOf(deckId)) ?? '' };
}

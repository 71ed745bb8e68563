import type { Section } from './schema';

/** A section's id and the ids of every section under it, or null when the deck has no such section. */
export function sectionWithDescendants(sections: readonly Section[], id: string): string[] | null {
  for (const section of sections) {
    if (section.id === id) return [section.id, ...descendants(section.children ?? [])];
    const inner = sectionWithDescendants(section.children ?? [], id);
    if (inner) return inner;
  }
  return null;
}

function descendants(sections: readonly Section[]): string[] {
  return sections.flatMap((s) => [s.id, ...descendants(s.children ?? [])]);
}

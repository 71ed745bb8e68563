import type { Section } from '../deck/schema';

export type FlatSection = { id: string; title: string; depth: number };

/** A deck's section tree flattened in guide order, with each section's depth. */
export function flattenSections(sections: readonly Section[], depth = 0): FlatSection[] {
  return sections.flatMap((s) => [
    { id: s.id, title: s.title, depth },
    ...flattenSections(s.children ?? [], depth + 1),
  ]);
}

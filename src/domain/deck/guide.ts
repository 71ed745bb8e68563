import type { Section } from './schema';
import { walkSections } from './validate';

export type GuidePassage = { sectionId: string; startLine: number; endLine: number; text: string };

/**
 * Splits the source guide into one passage per section: from the section's heading line up to the next
 * section's heading. Headings are looked up in document order, so a heading that also appears earlier in
 * the guide (e.g. in a summary list) is matched at its real place.
 * Returns the passages and the headings that could not be found.
 */
export function guidePassages(
  guide: string,
  sections: readonly Section[],
): { passages: Map<string, GuidePassage>; missing: string[] } {
  const lines = guide.split(/\r?\n/);
  const starts: Array<{ sectionId: string; line: number }> = [];
  const missing: string[] = [];
  let from = 0;
  walkSections(sections, 'sections', (section) => {
    if (section.heading === undefined) return;
    const heading = section.heading.trim();
    const found = lines.findIndex((line, i) => i >= from && line.trim() === heading);
    if (found === -1) {
      missing.push(section.id);
      return;
    }
    starts.push({ sectionId: section.id, line: found });
    from = found + 1;
  });
  const passages = new Map<string, GuidePassage>();
  starts.forEach((start, i) => {
    const endLine = starts[i + 1]?.line ?? lines.length;
    const text = lines.slice(start.line, endLine).join('\n').trim();
    passages.set(start.sectionId, { sectionId: start.sectionId, startLine: start.line + 1, endLine, text });
  });
  return { passages, missing };
}

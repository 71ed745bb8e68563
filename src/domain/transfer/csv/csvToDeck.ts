/**
 * Rows of a CSV/TSV file (Anki text export, Quizlet copy, any spreadsheet) → a Cardinal deck, given which column
 * holds what. Each row is checked on its own: a bad row is skipped with its line and field, the rest import.
 * Ids: an id or Anki guid column maps through idFromGuid (ids.ts), as Anki packages do, so both imports land on
 * the same cards; without one the id is a hash of the front, so re-importing the same file updates the cards
 * instead of duplicating them.
 */
import { parseCloze } from '../../deck/cloze';
import {
  type Card,
  cardSchema,
  DECK_FORMAT,
  DECK_FORMAT_VERSION,
  type Deck,
  type Section,
} from '../../deck/schema';
import { readDeckValue } from '../deckJson';
import { idFromFront, idFromGuid, normalizeTag, pathSectionId, slugId } from '../ids';
import type { ImportProblem, ImportRead } from '../parsedImport';
import { type FieldContent, fieldContent } from '../richField';
import type { Grid } from './parseGrid';

export type ColumnRole = 'front' | 'back' | 'tags' | 'section' | 'id' | 'guid' | 'notetype' | 'ignore';

export const COLUMN_ROLES: ReadonlyArray<{ role: ColumnRole; label: string }> = [
  { role: 'front', label: 'Front' },
  { role: 'back', label: 'Back' },
  { role: 'tags', label: 'Tags' },
  { role: 'section', label: 'Section (Anki deck)' },
  { role: 'id', label: 'Card id' },
  { role: 'guid', label: 'Anki guid' },
  { role: 'notetype', label: 'Note type' },
  { role: 'ignore', label: 'Ignore' },
];

export type CsvSettings = {
  /** One role per column. */
  mapping: ColumnRole[];
  /** The first row names the columns and is not a card. */
  headerRow: boolean;
  /** Fields are HTML (Anki's `#html:true`): converted to plain text. Otherwise taken as text, verbatim. */
  html: boolean;
  /** Added to every card (Anki's `#tags:`). */
  extraTags: string[];
  /** Section for rows without a section column value (Anki's `#deck:`). */
  defaultSection?: string | undefined;
  /** Note type for rows without a note type column (Anki's `#notetype:`). */
  notetype?: string | undefined;
};

const DEFAULT_SECTION: Section = { id: 'imported', title: 'Imported' };

export function csvToDeck(fileName: string, grid: Grid, settings: CsvSettings): ImportRead {
  const skipped: ImportProblem[] = [...grid.problems];
  const sections = new SectionTree();
  const cards: Card[] = [];
  const seenIds = new Map<string, number>();
  const media = new Set<string>();
  let extrasDropped = 0;
  let tagsDropped = 0;
  const rows = settings.headerRow ? grid.rows.slice(1) : grid.rows;
  if (rows.length === 0 && grid.problems.length === 0)
    return { ok: false, fileName, problems: [{ where: fileName, reason: 'has no rows of cards' }] };
  if (!settings.mapping.includes('front'))
    return { ok: false, fileName, problems: [{ where: fileName, reason: 'no column is mapped to Front' }] };

  for (const { line, fields } of rows) {
    const where = `${fileName} ${grid.unit} ${line}`;
    if (grid.problems.some((p) => p.where === where)) continue;
    const rich: Partial<Record<ColumnRole, FieldContent>> = {};
    const cell = (role: ColumnRole): string | undefined => {
      const index = settings.mapping.indexOf(role);
      const raw = index === -1 ? undefined : fields[index];
      if (raw === undefined) return undefined;
      if (!settings.html) return raw.trim();
      const converted = fieldContent(raw);
      rich[role] = converted;
      for (const name of converted.media) media.add(name);
      return converted.text;
    };
    const front = cell('front') ?? '';
    const back = cell('back') ?? '';
    const frontHtml = rich.front?.html;
    const backHtml = rich.back?.html;
    const notetype = (cell('notetype') || settings.notetype) ?? '';
    const isCloze = /cloze/i.test(notetype) || (/\{\{c\d+::/.test(front) && back === '');
    if (front === '') {
      skipped.push({ where, reason: 'field "front" is empty' });
      continue;
    }
    if (!isCloze && back === '') {
      skipped.push({ where, reason: 'field "back" is empty' });
      continue;
    }
    const guid = cell('guid');
    const givenId = cell('id');
    const key = guid || givenId;
    const id = key ? idFromGuid(key) : idFromFront(front);
    const first = seenIds.get(id);
    if (first !== undefined) {
      skipped.push({
        where,
        reason: key
          ? `repeats the card id of ${grid.unit} ${first}`
          : `has the same front as ${grid.unit} ${first}`,
      });
      continue;
    }
    const tagCell = (cell('tags') ?? '').split(/\s+/).filter(Boolean);
    const tags = [...new Set([...tagCell, ...settings.extraTags].flatMap((t) => normalizeTag(t) ?? []))];
    tagsDropped +=
      tagCell.length +
      settings.extraTags.length -
      [...tagCell, ...settings.extraTags].filter((t) => normalizeTag(t)).length;
    const sectionName = cell('section') || settings.defaultSection || '';
    const section = sectionName ? sections.add(sectionName) : DEFAULT_SECTION.id;
    const candidate = isCloze
      ? {
          id,
          section,
          kind: 'cloze' as const,
          text: front,
          ...(frontHtml !== undefined ? { textHtml: frontHtml } : {}),
          ...(tags.length ? { tags } : {}),
        }
      : {
          id,
          section,
          kind: 'basic' as const,
          front,
          back,
          ...(frontHtml !== undefined ? { frontHtml } : {}),
          ...(backHtml !== undefined ? { backHtml } : {}),
          ...(/revers/i.test(notetype) ? { reversed: true } : {}),
          ...(tags.length ? { tags } : {}),
        };
    const checked = cardSchema.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      skipped.push({
        where,
        reason: `field "${field === 'text' ? 'front' : field}" ${issue?.message ?? 'is invalid'}`,
      });
      continue;
    }
    if (checked.data.kind === 'cloze') {
      const cloze = parseCloze(checked.data.text);
      if (!cloze.ok) {
        skipped.push({ where, reason: `field "front" (cloze): ${cloze.error}` });
        continue;
      }
    }
    if (isCloze && back !== '') extrasDropped++;
    seenIds.set(id, line);
    cards.push(checked.data);
  }

  if (cards.length === 0 && skipped.length > 0)
    return {
      ok: false,
      fileName,
      problems: [{ where: fileName, reason: 'no row could be imported' }, ...skipped.slice(0, 50)],
    };
  if (cards.length === 0)
    return { ok: false, fileName, problems: [{ where: fileName, reason: 'has no cards' }] };

  const treeSections = sections.list();
  const usesDefault = cards.some((c) => c.section === DEFAULT_SECTION.id);
  const base = fileName.replace(/\.[^.]*$/, '');
  const deck: Deck = {
    format: DECK_FORMAT,
    formatVersion: DECK_FORMAT_VERSION,
    id: slugId(base, 'deck').slice(0, 60),
    version: 1,
    title: base.trim() || 'Imported deck',
    description: `Imported from ${fileName}`.slice(0, 2000),
    source: { title: fileName.slice(0, 2000) || 'file' },
    sections: usesDefault || treeSections.length === 0 ? [...treeSections, DEFAULT_SECTION] : treeSections,
    cards,
  };
  const warnings: string[] = [];
  if (media.size > 0)
    warnings.push(
      `The cards use ${media.size} media file${media.size === 1 ? '' : 's'} (images, sounds) that a text file cannot hold: choose them together with this file (e.g. from Anki's collection.media folder), or they show as their names`,
    );
  if (extrasDropped > 0)
    warnings.push(`${extrasDropped} cloze "Back Extra" field${extrasDropped === 1 ? '' : 's'} dropped`);
  if (tagsDropped > 0)
    warnings.push(`${tagsDropped} tag${tagsDropped === 1 ? '' : 's'} with no usable letters dropped`);
  const read = readDeckValue(fileName, deck);
  return read.ok ? { ...read, skipped, warnings } : read;
}

/** Anki-style deck names ("Parent::Child") as a section tree, with stable ids. */
class SectionTree {
  private readonly roots: Section[] = [];
  private readonly byName = new Map<string, Section>();
  private readonly taken = new Set<string>([DEFAULT_SECTION.id]);

  /** Adds the path's sections (as needed) and returns the id of its last level. */
  add(name: string): string {
    const levels = name
      .split('::')
      .map((l) => l.trim().slice(0, 2000))
      .filter(Boolean);
    if (levels.length === 0) return DEFAULT_SECTION.id;
    let parent: Section | undefined;
    let path = '';
    for (const level of levels) {
      path = path ? `${path}::${level}` : level;
      let section = this.byName.get(path);
      if (!section) {
        const id = pathSectionId(path, this.taken);
        this.taken.add(id);
        section = { id, title: level };
        this.byName.set(path, section);
        if (parent) parent.children = [...(parent.children ?? []), section];
        else this.roots.push(section);
      }
      parent = section;
    }
    return parent?.id ?? DEFAULT_SECTION.id;
  }

  list(): Section[] {
    return this.roots;
  }
}

/**
 * One Anki note → one Cardinal card. Cloze note types become cloze cards (deletions renumbered c1..cN when
 * Anki's numbering has gaps); every other note type becomes a basic card from its first two fields, reversed
 * when the note has a second Anki card whose question shows the second field (Basic and reversed, optional
 * reversed). Each field keeps a text form and, when it has markup, its HTML (richField.ts); the media files
 * its HTML uses are listed so the reader can store them with the deck.
 */
import { parseCloze } from '../../deck/cloze';
import type { Card } from '../../deck/schema';
import { fieldContent } from '../richField';
import type { AnkiCard, AnkiModel, AnkiNote } from './ankiCollection';

const MAX_TEXT = 2000;
const DELETION_NUMBER = /\{\{c(\d+)::/g;

export type ConvertedNote = {
  card: Card;
  /** Cardinal review-item ordinal for an Anki card ord, or undefined when that Anki card has no counterpart. */
  ordinalOf: (ankiOrd: number) => number | undefined;
  images: number;
  sounds: number;
  /** Media file names the card's HTML uses. */
  media: string[];
  isRenumbered: boolean;
  /** Names of non-empty fields that Cardinal's card has no place for. */
  leftOutFields: string[];
};

export type NoteConversion = ({ ok: true } & ConvertedNote) | { ok: false; reason: string };

type CardPlace = { id: string; section: string; tags: string[] };

export function convertNote(
  note: AnkiNote,
  model: AnkiModel,
  noteCards: readonly AnkiCard[],
  place: CardPlace,
): NoteConversion {
  const fields = note.fields.map((raw, index) => ({
    name: model.fields[index] ?? `field ${index + 1}`,
    ...fieldText(raw),
  }));
  return model.isCloze ? convertCloze(fields, model, place) : convertBasic(fields, model, noteCards, place);
}

type Field = { name: string; text: string; html?: string; media: string[]; images: number; sounds: number };

function fieldText(raw: string) {
  return fieldContent(raw);
}

function convertCloze(fields: Field[], model: AnkiModel, place: CardPlace): NoteConversion {
  const textIndex = clozeFieldIndex(model);
  const field = fields[textIndex];
  if (!field) return { ok: false, reason: `has no field "${model.fields[textIndex] ?? 'Text'}"` };
  if (field.text.includes('image-occlusion:'))
    return { ok: false, reason: 'is an Image Occlusion note (an image): Cardinal cards are text only' };
  const empty = emptyOrLong(field);
  if (empty) return { ok: false, reason: empty };

  const numbers = [...new Set([...field.text.matchAll(DELETION_NUMBER)].map((m) => Number(m[1])))]
    .filter((n) => n >= 1)
    .sort((a, b) => a - b);
  const renumber = new Map(numbers.map((n, i) => [n, i + 1]));
  const renumbered = (s: string) =>
    s.replace(DELETION_NUMBER, (_whole, n: string) => `{{c${renumber.get(Number(n)) ?? n}::`);
  const text = renumbered(field.text);
  const textHtml = field.html !== undefined ? renumbered(field.html) : undefined;
  const parsed = parseCloze(text);
  if (!parsed.ok) return { ok: false, reason: `field "${field.name}" ${parsed.error}` };
  if (text.length > MAX_TEXT)
    return { ok: false, reason: `field "${field.name}" is longer than ${MAX_TEXT} characters` };

  return {
    ok: true,
    card: { ...base(place), kind: 'cloze', text, ...(textHtml !== undefined ? { textHtml } : {}) },
    // Anki's card ord n is deletion c(n+1).
    ordinalOf: (ord) => renumber.get(ord + 1),
    images: field.images,
    sounds: field.sounds,
    media: field.media,
    isRenumbered: numbers.some((n, i) => n !== i + 1),
    leftOutFields: fields.filter((f, i) => i !== textIndex && f.text !== '').map((f) => f.name),
  };
}

function convertBasic(
  fields: Field[],
  model: AnkiModel,
  noteCards: readonly AnkiCard[],
  place: CardPlace,
): NoteConversion {
  const [front, back] = fields;
  if (!front || !back) return { ok: false, reason: `has fewer than two fields (note type "${model.name}")` };
  for (const field of [front, back]) {
    const problem = emptyOrLong(field);
    if (problem) return { ok: false, reason: problem };
  }
  const isReversed =
    noteCards.some((c) => c.ord === 1) && showsField(model.questionTemplates.get(1) ?? '', back.name);
  const fromFields = {
    ...base(place),
    kind: 'basic' as const,
    front: front.text,
    back: back.text,
    ...(front.html !== undefined ? { frontHtml: front.html } : {}),
    ...(back.html !== undefined ? { backHtml: back.html } : {}),
  };
  const card: Card = isReversed ? { ...fromFields, reversed: true } : fromFields;
  return {
    ok: true,
    card,
    ordinalOf: (ord) => (ord === 0 ? 1 : ord === 1 && isReversed ? 2 : undefined),
    images: front.images + back.images,
    sounds: front.sounds + back.sounds,
    media: [...new Set([...front.media, ...back.media])],
    isRenumbered: false,
    leftOutFields: fields
      .slice(2)
      .filter((f) => f.text !== '' && !isSwitchField(model, f.name))
      .map((f) => f.name),
  };
}

function base(place: CardPlace): { id: string; section: string; tags?: string[] } {
  return place.tags.length > 0
    ? { id: place.id, section: place.section, tags: place.tags }
    : { id: place.id, section: place.section };
}

function emptyOrLong(field: Field): string | undefined {
  if (field.text === '') return `field "${field.name}" is empty`;
  if (field.text.length > MAX_TEXT)
    return `field "${field.name}" is longer than ${MAX_TEXT} characters (${field.text.length})`;
  return undefined;
}

/** The field a cloze note type deletes from: the one in `{{cloze:Name}}`, else the first. */
function clozeFieldIndex(model: AnkiModel): number {
  for (const template of model.questionTemplates.values()) {
    const match = /\{\{[^}]*?cloze:([^}]+?)\s*\}\}/.exec(template);
    const index = match?.[1] ? model.fields.indexOf(match[1].trim()) : -1;
    if (index !== -1) return index;
  }
  return 0;
}

/** Field names a template shows, e.g. `{{Back}}`, `{{type:Back}}`; not `{{#Back}}` conditionals. */
function shownFields(template: string): string[] {
  return [...template.matchAll(/\{\{([^#^/!{}][^{}]*?)\}\}/g)].map(
    (m) => (m[1] ?? '').split(':').pop()?.trim() ?? '',
  );
}

function showsField(template: string, field: string): boolean {
  return shownFields(template).includes(field);
}

/** A field only used as a switch (`{{#Add Reverse}}…{{/Add Reverse}}`) holds no content to keep. */
function isSwitchField(model: AnkiModel, field: string): boolean {
  const templates = [...model.questionTemplates.values()];
  return (
    templates.some((t) => t.includes(`{{#${field}}}`) || t.includes(`{{^${field}}}`)) &&
    !templates.some((t) => showsField(t, field))
  );
}

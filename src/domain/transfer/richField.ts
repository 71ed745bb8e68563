/**
 * A field from another app (Anki note field, CSV cell with HTML on) as Cardinal keeps it: always a text form
 * (htmlToText: what exams, typed answers, ids and search use), plus the field's HTML when it carries more than
 * line breaks (formatting, lists, tables, code, images, sounds), which the card shows after sanitising it.
 * Anki's `[sound:x.mp3]` becomes `<audio controls src="x.mp3">`. `media` lists the local files the HTML uses
 * (never URLs, never paths), so the importer can store them with the deck.
 */
import { decodeHTML } from 'entities/decode';
import { RICH_HTML_MAX } from '../deck/richFields';
import { htmlToText } from './htmlToText';

export type FieldContent = {
  text: string;
  /** Present only when the field has markup worth keeping. */
  html?: string;
  media: string[];
  images: number;
  sounds: number;
};

const SOUND = /\[sound:([^\]]*)\]/g;
/** Tags that only lay text out in lines: a field with nothing else is kept as text (its line breaks stay). */
const LAYOUT_ONLY = /<(?!\/?(?:br|div|p|span|hr)\b)\/?[a-z][^>]*>/i;
const SOURCE = /<(?:img|audio|source)\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

export function fieldContent(raw: string): FieldContent {
  let sounds = 0;
  const withAudio = raw.replace(SOUND, (_whole, name: string) => {
    sounds++;
    return `<audio controls src="${name.replace(/["<>&]/g, '')}"></audio>`;
  });
  const { text: plain, images } = htmlToText(raw.replace(SOUND, ''));
  const media = localMedia(withAudio);
  const text = plain !== '' ? plain : media.length > 0 ? media.map((name) => `[${name}]`).join(' ') : plain;
  const keep = LAYOUT_ONLY.test(withAudio) && withAudio.length <= RICH_HTML_MAX;
  return { text, ...(keep ? { html: withAudio.trim() } : {}), media, images, sounds };
}

/** File names the HTML loads from the deck's media (not URLs, data: or paths). */
export function localMedia(html: string): string[] {
  const names = new Set<string>();
  for (const m of html.matchAll(SOURCE)) {
    const name = decodeHTML((m[1] ?? m[2] ?? m[3] ?? '').trim());
    if (isMediaName(name)) names.add(name);
  }
  return [...names];
}

/** A plain file name: no scheme, no folder, no "..", so it can never become a path or a URL. */
export function isMediaName(name: string): boolean {
  return name !== '' && name.length <= 255 && !/[/\\:]/.test(name) && name !== '.' && name !== '..';
}

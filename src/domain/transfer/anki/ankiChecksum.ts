/**
 * A note's sort field (`notes.sfld`) and first-field checksum (`notes.csum`) as Anki computes them
 * (ankitects/anki rslib/src/notes/mod.rs `prepare_for_update` and `field_checksum`, rslib/src/text.rs
 * `strip_html_preserving_media_filenames`): the field in NFC, media tags (img, audio, video, object, source)
 * replaced by their file name between spaces, comments, <style> and <script> blocks and every other tag removed,
 * entities decoded (the `entities` library; Anki's htmlescape keeps text with a malformed entity as it is, this
 * decodes what it can) with no-break spaces as spaces; the checksum is the first 4 bytes of
 * the SHA-1 of that text, big-endian, as an unsigned integer. Anki finds duplicates of a note by it.
 */
import { decodeHTML } from 'entities/decode';

// rslib/src/text.rs HTML_MEDIA_TAGS: the file name in a src/data attribute, double-, single- or un-quoted.
const MEDIA_TAG =
  /<\b(?:img|audio|video|object|source)\b(?:[^>]|"[^"]+?"|'[^']+?')+?\b(?:src|data)\b=(?:"([^"]+?)"[^>]*>|'([^']+?)'[^>]*>|([^ >]+?)(?: [^>]*>|>))/gis;
// rslib/src/text.rs HTML: comments, style and script blocks, then any tag.
const HTML = /(<!--.*?-->)|(<style.*?>.*?<\/style>)|(<script.*?>.*?<\/script>)|(<.*?>)/gis;
// rslib/src/notes/mod.rs invalid_char_for_field: ASCII control characters other than tab and line feed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters Anki removes
const INVALID = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

export function ankiSortText(field: string): string {
  const text = field
    .replace(INVALID, '')
    .normalize('NFC')
    .replace(MEDIA_TAG, (_, a?: string, b?: string, c?: string) => ` ${a ?? b ?? c ?? ''} `)
    .replace(HTML, '');
  return text.includes('&') ? decodeHTML(text).replace(/\u00a0/g, ' ') : text;
}

/** `notes.csum` of a note whose first field is `field`. */
export async function ankiFieldChecksum(field: string): Promise<number> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(ankiSortText(field)));
  return new DataView(digest).getUint32(0, false);
}

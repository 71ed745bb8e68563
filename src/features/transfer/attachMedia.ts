/**
 * Media chosen together with a text file (an Anki "Notes in Plain Text" export references images and sounds it
 * cannot hold; they live in Anki's collection.media folder): the files the cards use are kept with the deck,
 * the rest are named in a warning. Only images and sounds of known types, each at most 20 MB.
 */
import type { Deck } from '../../domain/deck/schema';
import { type ImportedMedia, MAX_MEDIA_FILE_BYTES, mediaTypeOf } from '../../domain/transfer/mediaTypes';
import type { ParsedImport } from '../../domain/transfer/parsedImport';
import { localMedia } from '../../domain/transfer/richField';

export function isMediaFile(file: File): boolean {
  return mediaTypeOf(file.name) !== undefined;
}

export async function readMediaFiles(files: readonly File[]): Promise<ImportedMedia[]> {
  const out: ImportedMedia[] = [];
  for (const file of files) {
    const type = mediaTypeOf(file.name);
    if (!type || file.size > MAX_MEDIA_FILE_BYTES) continue;
    out.push({ name: file.name, type, bytes: new Uint8Array(await file.arrayBuffer()) });
  }
  return out;
}

function usedMedia(deck: Deck): Set<string> {
  const names = new Set<string>();
  for (const card of deck.cards) {
    const html =
      card.kind === 'basic'
        ? `${card.frontHtml ?? ''}${card.backHtml ?? ''}`
        : card.kind === 'cloze'
          ? (card.textHtml ?? '')
          : '';
    for (const name of localMedia(html)) names.add(name);
  }
  return names;
}

/** The read with the chosen media its cards use added, and a warning naming what is still missing. */
export function withChosenMedia(read: ParsedImport, chosen: readonly ImportedMedia[]): ParsedImport {
  if (chosen.length === 0) return read;
  const used = usedMedia(read.deck);
  const kept = chosen.filter((m) => used.has(m.name));
  const have = new Set([...(read.media ?? []), ...kept].map((m) => m.name));
  const missing = [...used].filter((name) => !have.has(name));
  const unused = chosen.length - kept.length;
  const warnings = read.warnings.filter((w) => !w.startsWith('The cards use '));
  warnings.push(`${kept.length} of the ${chosen.length} chosen media files are stored with the deck`);
  if (unused > 0)
    warnings.push(`${unused} chosen file${unused === 1 ? ' is' : 's are'} not used by any card`);
  if (missing.length > 0)
    warnings.push(
      `${missing.length} media file${missing.length === 1 ? '' : 's'} the cards use ${missing.length === 1 ? 'was' : 'were'} not chosen and show as ${missing.length === 1 ? 'its name' : 'their names'}: ${missing.slice(0, 5).join(', ')}`,
    );
  return { ...read, media: [...(read.media ?? []), ...kept], warnings };
}

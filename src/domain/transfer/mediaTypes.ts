/**
 * Media files a card may show, by file extension: raster images and common audio. Anything else (SVG, which can
 * carry scripts; video; documents) is not stored. Shared by the Anki reader and the text-export media picker.
 */
const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  flac: 'audio/flac',
};

/** Per file: larger images or sounds are left out (named in a warning). */
export const MAX_MEDIA_FILE_BYTES = 20 * 1024 * 1024;

export function mediaTypeOf(name: string): string | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext ? TYPES[ext] : undefined;
}

/** Whether `type` is one of the MIME types above (a backup's media rows are checked against them). */
export function isMediaType(type: string): boolean {
  return MEDIA_TYPES.has(type);
}

const MEDIA_TYPES = new Set(Object.values(TYPES));

/** One media file to store with a deck, named as its cards reference it. */
export type ImportedMedia = { name: string; type: string; bytes: Uint8Array };

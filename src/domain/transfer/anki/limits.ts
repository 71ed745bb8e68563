/**
 * Size limits for reading an Anki package. A package is untrusted input: these keep a hostile or broken file
 * from exhausting the browser's memory before we can say what is wrong with it.
 */

import { MAX_IMPORT_BYTES } from '../limits';

const MB = 1024 * 1024;

/** The .apkg file itself: the limit every import shares. */
export const MAX_PACKAGE_BYTES = MAX_IMPORT_BYTES;

/**
 * The sum of every entry's declared uncompressed size, read from the zip's central directory before anything
 * is inflated (zip-bomb guard). Media files count too, although only the collection is ever inflated.
 */
export const MAX_TOTAL_UNCOMPRESSED_BYTES = 512 * MB;

/**
 * Deflate cannot compress better than about 1032:1, so an entry that declares more is lying about its sizes.
 * Only checked for entries over MIN_RATIO_CHECK_BYTES (tiny entries can have odd ratios).
 */
export const MAX_COMPRESSION_RATIO = 1000;
export const MIN_RATIO_CHECK_BYTES = MB;

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}
